using Npgsql;

namespace RunAdapt.Storage;

/// <summary>
/// Which PostgreSQL database a store location names: its server and its name, whatever the location's syntax
/// (<c>Host=…;Database=…</c> or <c>postgres://…/db</c>). Two locations name the same database when these are equal.
/// </summary>
/// <param name="Host">The server's host name, lower-cased: host names are case-insensitive.</param>
/// <param name="Port">The server's TCP port (5432 when the location gives none).</param>
/// <param name="Database">The database's name, as given: PostgreSQL's names are case-sensitive.</param>
public sealed record ServerDatabase(string Host, int Port, string Database)
{
    /// <summary>Reads the database a PostgreSQL location names, parsed as the store parses it when it opens it.</summary>
    /// <param name="location">A PostgreSQL connection string (<c>Host=…</c> or <c>postgres://…</c>).</param>
    /// <exception cref="ArgumentException">The location is not a PostgreSQL one, or not a valid connection string.</exception>
    /// <exception cref="UriFormatException">The location is a <c>postgres://</c> URL that does not parse.</exception>
    public static ServerDatabase Of(string location)
    {
        if (!StoreDatabase.IsPostgres(location))
        {
            throw new ArgumentException("not a PostgreSQL connection string (Host=... or postgres://...)", nameof(location));
        }

        var builder = new NpgsqlConnectionStringBuilder(StoreDatabase.ConnectionString(location));
        // With no database named, PostgreSQL (and Npgsql) connect to the one named like the user.
        var database = builder.Database is { Length: > 0 } name ? name : builder.Username ?? "";
        return new ServerDatabase((builder.Host ?? "").ToLowerInvariant(), builder.Port, database);
    }

    /// <summary>The database as a message names it: <c>"runadapt" on db.example:5432</c>.</summary>
    public override string ToString() => $"\"{Database}\" on {Host}:{Port}";
}
