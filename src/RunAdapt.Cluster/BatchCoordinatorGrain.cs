using Microsoft.Extensions.Logging;

namespace RunAdapt.Cluster;

/// <summary>How far a batch is.</summary>
/// <param name="BatchId">The batch, or an empty string when none ran.</param>
/// <param name="Total">Athletes in the batch.</param>
/// <param name="Done">Athletes whose result is stored.</param>
/// <param name="StartedUtc">When it started.</param>
/// <param name="FinishedUtc">When the last result was stored, or <c>null</c> while it runs.</param>
/// <param name="Retries">Calls to an athlete retried (a silo died or did not answer in time) by this activation.</param>
[GenerateSerializer, Immutable]
public sealed record BatchProgress(
    [property: Id(0)] string BatchId,
    [property: Id(1)] int Total,
    [property: Id(2)] int Done,
    [property: Id(3)] DateTime StartedUtc,
    [property: Id(4)] DateTime? FinishedUtc,
    [property: Id(5)] int Retries);

/// <summary>
/// Re-simulates every athlete as one batch, fanned out to the athlete grains across the cluster, and nightly by an
/// Orleans reminder. The batch is kept in grain storage and its results in PostgreSQL, so when the coordinator's
/// silo dies the next call or reminder tick activates it on another silo, and it carries on with the athletes whose
/// result is missing.
/// </summary>
public interface IBatchCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>Starts a batch of every athlete, or carries on with it if it is the batch already started; returns at once.</summary>
    /// <param name="batchId">The batch (its results are keyed by it).</param>
    /// <param name="samples">Uncertainty draws per athlete (10–10 000), or 0 for none.</param>
    /// <param name="parallelism">Athletes in flight at once across the cluster.</param>
    /// <exception cref="InvalidOperationException">Another batch is still running.</exception>
    Task Start(string batchId, int samples, int parallelism);

    /// <summary>The current (or last) batch's progress.</summary>
    Task<BatchProgress> Progress();

    /// <summary>Runs a batch every day at a time (UTC), named <c>nightly-YYYY-MM-DD</c>, driven by a reminder that survives restarts.</summary>
    /// <param name="atUtc">The time of day.</param>
    /// <param name="samples">Uncertainty draws per athlete.</param>
    /// <param name="parallelism">Athletes in flight at once.</param>
    Task ScheduleNightly(TimeSpan atUtc, int samples, int parallelism);
}

/// <summary>What the coordinator keeps in grain storage.</summary>
[GenerateSerializer]
public sealed class BatchState
{
    /// <summary>The current or last batch.</summary>
    [Id(0)]
    public string BatchId { get; set; } = "";

    /// <summary>Uncertainty draws per athlete.</summary>
    [Id(1)]
    public int Samples { get; set; }

    /// <summary>Athletes in flight at once.</summary>
    [Id(2)]
    public int Parallelism { get; set; } = 1;

    /// <summary>Athletes in the batch.</summary>
    [Id(3)]
    public int Total { get; set; }

    /// <summary>When it started.</summary>
    [Id(4)]
    public DateTime StartedUtc { get; set; }

    /// <summary>When it finished, or <c>null</c> while it runs.</summary>
    [Id(5)]
    public DateTime? FinishedUtc { get; set; }

    /// <summary>The nightly batch's draws.</summary>
    [Id(6)]
    public int NightlySamples { get; set; } = 100;

    /// <summary>The nightly batch's parallelism.</summary>
    [Id(7)]
    public int NightlyParallelism { get; set; } = 8;
}

/// <inheritdoc cref="IBatchCoordinatorGrain"/>
/// <param name="state">The batch, in grain storage.</param>
/// <param name="data">The athletes' store.</param>
/// <param name="results">The batches' results.</param>
/// <param name="log">Where retries are told.</param>
public sealed class BatchCoordinatorGrain(
    [PersistentState("batch", ClusterHosting.StorageName)] IPersistentState<BatchState> state,
    IAthleteData data, BatchResults results, ILogger<BatchCoordinatorGrain> log) : Grain, IBatchCoordinatorGrain, IRemindable
{
    private const string Nightly = "nightly", Watchdog = "watchdog";
    // How long an athlete's call is retried before it is left to the watchdog's next tick.
    private const int Attempts = 30;
    private Task? _run;
    private int _retries;

    /// <inheritdoc/>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A batch whose coordinator died carries on here.
        if (state.State.BatchId.Length > 0 && state.State.FinishedUtc is null)
        {
            Resume();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task Start(string batchId, int samples, int parallelism)
    {
        ArgumentException.ThrowIfNullOrEmpty(batchId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parallelism);
        if (state.State.BatchId == batchId && state.State.FinishedUtc is not null)
        {
            return;
        }

        if (state.State.BatchId != batchId)
        {
            if (state.State.BatchId.Length > 0 && state.State.FinishedUtc is null)
            {
                throw new InvalidOperationException($"batch {state.State.BatchId} is still running");
            }

            state.State = new BatchState
            {
                BatchId = batchId, Samples = samples, Parallelism = parallelism, StartedUtc = DateTime.UtcNow,
                NightlySamples = state.State.NightlySamples, NightlyParallelism = state.State.NightlyParallelism,
            };
            await state.WriteStateAsync();
        }

        // Reminders fire on whichever silo holds the grain: if this one dies mid-batch, the tick brings the batch back.
        await this.RegisterOrUpdateReminder(Watchdog, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        Resume();
    }

    /// <inheritdoc/>
    public async Task<BatchProgress> Progress()
    {
        var s = state.State;
        var done = s.BatchId.Length == 0 ? 0 : await results.CountAsync(s.BatchId, CancellationToken.None);
        return new BatchProgress(s.BatchId, s.Total, done, s.StartedUtc, s.FinishedUtc, _retries);
    }

    /// <inheritdoc/>
    public async Task ScheduleNightly(TimeSpan atUtc, int samples, int parallelism)
    {
        state.State.NightlySamples = samples;
        state.State.NightlyParallelism = parallelism;
        await state.WriteStateAsync();
        var now = DateTime.UtcNow;
        var next = now.Date + atUtc;
        await this.RegisterOrUpdateReminder(Nightly, (next > now ? next : next.AddDays(1)) - now, TimeSpan.FromDays(1));
    }

    /// <inheritdoc/>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == Nightly)
        {
            var batchId = FormattableString.Invariant($"nightly-{status.CurrentTickTime:yyyy-MM-dd}");
            if (state.State.FinishedUtc is not null || state.State.BatchId.Length == 0 || state.State.BatchId == batchId)
            {
                await Start(batchId, state.State.NightlySamples, state.State.NightlyParallelism);
            }
        }
        else if (state.State.FinishedUtc is null && state.State.BatchId.Length > 0)
        {
            Resume();
        }
        else if (await this.GetReminder(Watchdog) is { } watchdog)
        {
            await this.UnregisterReminder(watchdog);
        }
    }

    private void Resume()
    {
        // Runs in the grain's context, interleaved with Progress calls; one run at a time.
        if (_run is null || _run.IsCompleted)
        {
            _run = RunAsync().ContinueWith(
                t => log.LogError(t.Exception, "batch {Batch} stopped; the watchdog carries it on", state.State.BatchId),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Current);
        }
    }

    private async Task RunAsync()
    {
        var batch = state.State;
        var ids = await data.AthleteIdsAsync(CancellationToken.None);
        var done = await results.DoneAsync(batch.BatchId, CancellationToken.None);
        if (batch.Total != ids.Count)
        {
            batch.Total = ids.Count;
            await state.WriteStateAsync();
        }

        using var gate = new SemaphoreSlim(batch.Parallelism);
        await Task.WhenAll(ids.Where(id => !done.Contains(id)).Select(async id =>
        {
            await gate.WaitAsync();
            try
            {
                await RunOne(id, batch);
            }
            finally
            {
                gate.Release();
            }
        }));

        if (await results.CountAsync(batch.BatchId, CancellationToken.None) >= ids.Count)
        {
            batch.FinishedUtc = DateTime.UtcNow;
            await state.WriteStateAsync();
            if (await this.GetReminder(Watchdog) is { } watchdog)
            {
                await this.UnregisterReminder(watchdog);
            }
        }
    }

    private async Task RunOne(long athleteId, BatchState batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await GrainFactory.GetGrain<IAthleteGrain>(athleteId).RunBatch(batch.BatchId, batch.Samples);
                return;
            }
            catch (Exception e) when (e is not ArgumentException)
            {
                // A dead silo's calls fail until the cluster declares it dead; then the athlete activates elsewhere.
                _retries++;
                if (attempt == Attempts)
                {
                    log.LogWarning("batch {Batch}: athlete {Athlete} gave up after {Attempts} tries ({Error}); the watchdog retries", batch.BatchId, athleteId, attempt, e.Message);
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 250 * attempt)));
            }
        }
    }
}
