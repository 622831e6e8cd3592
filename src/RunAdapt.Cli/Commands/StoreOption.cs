using System.CommandLine;
using RunAdapt.Storage;

namespace RunAdapt.Cli.Commands;

/// <summary>The shared <c>--db</c> option: an SQLite file, or a PostgreSQL connection string.</summary>
internal static class StoreOption
{
    public static Option<string?> Create() => new("--db")
    {
        Description = "The athlete store: an SQLite file (default: ~/.local/share/runadapt/runadapt.db) or a PostgreSQL connection string (Host=...;Username=...;Database=... or postgres://...).",
    };

    /// <summary>Says on the error stream what the store's reads left out (far-dated rows), one note a line.</summary>
    public static void WriteNotes(AthleteStore store, TextWriter error)
    {
        foreach (var note in store.Notes)
        {
            error.WriteLine($"runadapt: note: {note}");
        }
    }

    public static AthleteStore Open(string? location)
    {
        try
        {
            return AthleteStore.Open(location);
        }
        catch (System.Data.Common.DbException e)
        {
            throw new InputException(Fault(location, e), e);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new InputException($"{location ?? AthleteStore.DefaultPath}: cannot open the athlete store ({e.Message})", e);
        }
    }

    /// <summary>A store fault as one line naming the store.</summary>
    public static string Fault(string? location, System.Data.Common.DbException e) =>
        $"runadapt: {Name(location)}: the athlete store {StoreFaults.Describe(e)}";

    /// <summary>The store's name for messages: the file, or a connection string without its password.</summary>
    private static string Name(string? location)
    {
        location ??= AthleteStore.DefaultPath;
        return location.StartsWith("Host=", StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgres", StringComparison.OrdinalIgnoreCase)
            ? "the PostgreSQL store"
            : location;
    }
}
