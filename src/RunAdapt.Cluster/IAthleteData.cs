using RunAdapt.Core.Training;

namespace RunAdapt.Cluster;

/// <summary>One athlete's stored history as the model takes it.</summary>
/// <param name="Profile">The athlete profile.</param>
/// <param name="Sessions">Every session the model takes (logged ones and those of activities not excluded), in date order.</param>
public sealed record AthleteHistory(Athlete Profile, IReadOnlyList<TrainingSession> Sessions);

/// <summary>
/// All the cluster needs of the athlete store, and nothing more: which athletes exist, one athlete's history, and the
/// re-analysis an import or a profile change asks for. The grains see the store only through this.
/// </summary>
public interface IAthleteData
{
    /// <summary>Every athlete's id, ascending.</summary>
    /// <param name="cancellation">Stops the query.</param>
    Task<IReadOnlyList<long>> AthleteIdsAsync(CancellationToken cancellation);

    /// <summary>An athlete's profile and sessions, or <c>null</c> when no athlete has the id.</summary>
    /// <param name="athleteId">The athlete.</param>
    /// <param name="cancellation">Stops the query.</param>
    Task<AthleteHistory?> LoadAsync(long athleteId, CancellationToken cancellation);

    /// <summary>Analyses the athlete's stored activities again (after an import or a profile change); returns how many.</summary>
    /// <param name="athleteId">The athlete.</param>
    /// <param name="cancellation">Stops the work.</param>
    Task<int> ReanalyseAsync(long athleteId, CancellationToken cancellation);
}
