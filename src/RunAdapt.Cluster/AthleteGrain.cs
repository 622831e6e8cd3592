using Orleans.Concurrency;
using Orleans.Runtime;

namespace RunAdapt.Cluster;

/// <summary>
/// One athlete's heavy work, wherever in the cluster the athlete lives: re-analysis after an import, re-simulation
/// with uncertainty draws, goal searches, and the latest outcome (kept in grain storage, so a restarted or moved grain
/// still answers it). Orleans runs one call at a time per athlete, so two asks for the same athlete never race.
/// </summary>
public interface IAthleteGrain : IGrainWithIntegerKey
{
    /// <summary>The latest outcome computed for the athlete, or <c>null</c> when none was.</summary>
    /// <remarks>Interleaved: a page reading the cached outcome does not wait behind a simulation running for the athlete.</remarks>
    [AlwaysInterleave]
    Task<AthleteOutcome?> Latest();

    /// <summary>Simulates the athlete's history now and caches the outcome; <c>null</c> when no session is stored.</summary>
    /// <param name="samples">Uncertainty draws (10–10 000), or 0 for none.</param>
    Task<AthleteOutcome?> Simulate(int samples);

    /// <summary>After an import or a profile change: analyses the stored activities again and forgets the cached outcome; returns how many were analysed.</summary>
    Task<int> Reanalyse();

    /// <summary>A goal search on a plan (continuing the athlete's history when it says <c>from: history</c>).</summary>
    /// <param name="scenarioYaml">The plan.</param>
    /// <param name="want">The wanted change, as <c>MEASURE:+N</c>.</param>
    /// <param name="keep">Measures that must not get worse.</param>
    Task<GoalAnswer> Goal(string scenarioYaml, string want, IReadOnlyList<string> keep);

    /// <summary>
    /// The athlete's part of a batch: computes and stores its result unless the batch's result is already stored, so
    /// calling it again (a retry after a silo died) never computes or stores twice. Returns whether it computed now.
    /// </summary>
    /// <param name="batchId">The batch.</param>
    /// <param name="samples">Uncertainty draws (10–10 000), or 0 for none.</param>
    Task<bool> RunBatch(string batchId, int samples);

    /// <summary>A page's or API call's heavy request (a simulation, its bands, a goal search), computed on the silo holding the athlete.</summary>
    /// <remarks>Interleaved: it only reads the store, so it need not wait behind the athlete's batch simulation.</remarks>
    /// <param name="request">What to compute.</param>
    /// <param name="cancellation">Cancelled when the page's client gives up.</param>
    [AlwaysInterleave]
    Task<WorkAnswer> Work(WorkRequest request, CancellationToken cancellation);

    /// <summary>After an upload: re-simulates the history with <paramref name="samples"/> draws in the background and caches it (see <see cref="Latest"/>).</summary>
    /// <param name="samples">Uncertainty draws (10–10 000), or 0 for none.</param>
    [OneWay]
    Task Refresh(int samples);

    /// <summary>After the athlete's account was deleted: clears the grain's stored state and deactivates it, so nothing of the athlete is kept.</summary>
    Task Forget();
}

/// <summary>What an athlete grain keeps in grain storage.</summary>
[GenerateSerializer]
public sealed class AthleteGrainState
{
    /// <summary>The latest outcome, or <c>null</c>.</summary>
    [Id(0)]
    public AthleteOutcome? Latest { get; set; }

    /// <summary>The last batch whose result is stored.</summary>
    [Id(1)]
    public string? LastBatch { get; set; }
}

/// <inheritdoc cref="IAthleteGrain"/>
/// <param name="state">The grain's stored state.</param>
/// <param name="data">The athletes' store.</param>
/// <param name="results">The batches' results.</param>
/// <param name="silo">This silo, named in each outcome.</param>
/// <param name="work">The front end's heavy requests (the same code it runs without a cluster).</param>
public sealed class AthleteGrain(
    [PersistentState("athlete", ClusterHosting.StorageName)] IPersistentState<AthleteGrainState> state,
    IAthleteData data, BatchResults results, ILocalSiloDetails silo, IAthleteWork work) : Grain, IAthleteGrain
{
    private long Id => this.GetPrimaryKeyLong();

    /// <inheritdoc/>
    public Task<AthleteOutcome?> Latest() => Task.FromResult(state.State.Latest);

    /// <inheritdoc/>
    public async Task<AthleteOutcome?> Simulate(int samples)
    {
        var outcome = await Compute(samples, null);
        state.State.Latest = outcome;
        await state.WriteStateAsync();
        return outcome;
    }

    /// <inheritdoc/>
    public Task<WorkAnswer> Work(WorkRequest request, CancellationToken cancellation)
    {
        var id = Id;
        // Off the grain's turn, as every simulation here: the silo must keep answering its peers' probes.
        return Task.Run(() => work.RunAsync(id, request, cancellation), cancellation);
    }

    /// <inheritdoc/>
    public Task Refresh(int samples) => Simulate(samples);

    /// <inheritdoc/>
    public async Task Forget()
    {
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    /// <inheritdoc/>
    public async Task<int> Reanalyse()
    {
        var count = await data.ReanalyseAsync(Id, CancellationToken.None);
        state.State.Latest = null;
        await state.WriteStateAsync();
        return count;
    }

    /// <inheritdoc/>
    public async Task<GoalAnswer> Goal(string scenarioYaml, string want, IReadOnlyList<string> keep)
    {
        var history = await data.LoadAsync(Id, CancellationToken.None) ?? throw new ArgumentException($"no athlete has the id {Id}");
        // Off the grain's turn: a search is hundreds of simulations, and the silo must keep answering its peers' probes.
        return await Task.Run(() => AthleteAnalysis.Goal(history, scenarioYaml, want, keep));
    }

    /// <inheritdoc/>
    public async Task<bool> RunBatch(string batchId, int samples)
    {
        if (state.State.LastBatch == batchId)
        {
            return false;
        }

        // The results table is the truth: a silo that died after storing the result but before the grain state still counts it as done.
        if (!await results.HasAsync(batchId, Id, CancellationToken.None))
        {
            AthleteOutcome outcome;
            try
            {
                outcome = await Compute(samples, batchId) ?? Note(batchId, "no sessions stored");
            }
            catch (ArgumentException e)
            {
                // The model refuses this athlete (an implausible profile): that is the result, not a reason to retry.
                outcome = Note(batchId, e.Message.Split(" (Parameter")[0]);
            }

            await results.SaveAsync(outcome, CancellationToken.None);
            state.State.Latest = outcome;
            state.State.LastBatch = batchId;
            await state.WriteStateAsync();
            return true;
        }

        state.State.LastBatch = batchId;
        await state.WriteStateAsync();
        return false;
    }

    private AthleteOutcome Note(string batchId, string note) =>
        new(Id, batchId, DateTime.UtcNow, silo.Name, 0, "", 0, null, null, System.Text.Json.JsonSerializer.Serialize(new { note }));

    private async Task<AthleteOutcome?> Compute(int samples, string? batchId)
    {
        var id = Id;
        var name = silo.Name;
        return await Task.Run(async () =>
        {
            var history = await data.LoadAsync(id, CancellationToken.None);
            return history is { Sessions.Count: > 0 } ? AthleteAnalysis.Simulate(id, history, samples, batchId, name) : null;
        });
    }
}
