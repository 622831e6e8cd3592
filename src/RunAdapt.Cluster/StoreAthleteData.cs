using Dapper;
using Npgsql;
using RunAdapt.Storage;

namespace RunAdapt.Cluster;

/// <summary>
/// <see cref="IAthleteData"/> over today's single-athlete <see cref="AthleteStore"/>: athlete N is the store in the
/// PostgreSQL schema <c>athlete_N</c> of the cluster's database (the store's own tables, untouched, found through the
/// connection's search path). The one file to rewire once the store keys every row by athlete.
/// </summary>
/// <param name="connectionString">The cluster's PostgreSQL database (<c>Host=…</c>).</param>
public sealed class StoreAthleteData(string connectionString) : IAthleteData
{
    private const string SchemaPrefix = "athlete_";

    /// <summary>The store of one athlete, created (schema and tables) if missing; the caller disposes it.</summary>
    /// <param name="athleteId">The athlete.</param>
    public AthleteStore Open(long athleteId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(athleteId);
        using (var connection = new NpgsqlConnection(connectionString))
        {
            connection.Open();
            connection.Execute($"create schema if not exists {SchemaPrefix}{athleteId}");
        }

        // Unpooled: thousands of athletes would otherwise each keep an idle pool of their own.
        return AthleteStore.Open(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = SchemaPrefix + athleteId, Pooling = false }.ToString());
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<long>> AthleteIdsAsync(CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        var schemas = await connection.QueryAsync<string>(new CommandDefinition(
            "select nspname from pg_namespace where nspname like 'athlete\\_%'", cancellationToken: cancellation));
        return [.. schemas.Select(s => long.TryParse(s.AsSpan(SchemaPrefix.Length), out var id) ? id : 0).Where(id => id > 0).Order()];
    }

    /// <inheritdoc/>
    public async Task<AthleteHistory?> LoadAsync(long athleteId, CancellationToken cancellation)
    {
        if (!await ExistsAsync(athleteId, cancellation))
        {
            return null;
        }

        using var store = Open(athleteId);
        return new AthleteHistory(store.LoadAthlete(), store.LoadSessions());
    }

    /// <inheritdoc/>
    public async Task<int> ReanalyseAsync(long athleteId, CancellationToken cancellation)
    {
        if (!await ExistsAsync(athleteId, cancellation))
        {
            return 0;
        }

        using var store = Open(athleteId);
        return store.Reanalyse();
    }

    private async Task<bool> ExistsAsync(long athleteId, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from pg_namespace where nspname = @name)", new { name = SchemaPrefix + athleteId }, cancellationToken: cancellation));
    }
}
