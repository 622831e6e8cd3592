using System.Collections.Concurrent;

namespace RunAdapt.Web;

/// <summary>
/// Which requests take turns on the store: on SQLite (one writer per file) all of them; on PostgreSQL only those about
/// the same athlete (an import and a re-analysis of one athlete must not interleave; different athletes need not wait).
/// </summary>
/// <param name="postgres">Whether the store is a PostgreSQL server.</param>
public sealed class StoreGates(bool postgres)
{
    private readonly Lock _all = new();
    private readonly ConcurrentDictionary<long, Lock> _byAthlete = new();

    /// <summary>The lock to hold while using the store for this athlete.</summary>
    /// <param name="athleteId">The athlete.</param>
    public Lock For(long athleteId) => postgres ? _byAthlete.GetOrAdd(athleteId, _ => new Lock()) : _all;
}
