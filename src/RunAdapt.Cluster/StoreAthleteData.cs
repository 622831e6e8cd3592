using RunAdapt.Storage;

namespace RunAdapt.Cluster;

/// <summary>
/// <see cref="IAthleteData"/> over the athlete store on the cluster's PostgreSQL: every athlete's rows in one store,
/// each read through a store opened bound to that athlete (<see cref="AthleteStore.Open(string?, long)"/>), so a grain
/// can only ever see its own athlete's data.
/// </summary>
/// <param name="connectionString">The cluster's PostgreSQL database (<c>Host=…</c>).</param>
public sealed class StoreAthleteData(string connectionString) : IAthleteData
{
    /// <summary>The store bound to one athlete; the caller disposes it.</summary>
    /// <param name="athleteId">The athlete.</param>
    /// <exception cref="ArgumentOutOfRangeException">No athlete has the id.</exception>
    public AthleteStore Open(long athleteId) => AthleteStore.Open(connectionString, athleteId);

    /// <summary>The first <paramref name="count"/> athletes' ids, adding athletes (without accounts) until there are that many.</summary>
    /// <param name="count">How many athletes.</param>
    public IReadOnlyList<long> EnsureAthletes(int count)
    {
        var ids = AthleteStore.Athletes(connectionString).ToList();
        while (ids.Count < count)
        {
            ids.Add(AthleteStore.AddAthlete(connectionString, $"athlete {ids.Count + 1}"));
        }

        return ids[..count];
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<long>> AthleteIdsAsync(CancellationToken cancellation) => Task.Run(() => AthleteStore.Athletes(connectionString), cancellation);

    /// <inheritdoc/>
    public Task<AthleteHistory?> LoadAsync(long athleteId, CancellationToken cancellation) => Task.Run(() =>
    {
        using var store = OpenIfAny(athleteId);
        return store is null ? null : new AthleteHistory(store.LoadAthlete(), store.LoadSessions());
    }, cancellation);

    /// <inheritdoc/>
    public Task<int> ReanalyseAsync(long athleteId, CancellationToken cancellation) => Task.Run(() =>
    {
        using var store = OpenIfAny(athleteId);
        return store?.Reanalyse() ?? 0;
    }, cancellation);

    private AthleteStore? OpenIfAny(long athleteId)
    {
        try
        {
            return Open(athleteId);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
