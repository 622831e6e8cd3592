using System.Security.Cryptography;
using RunAdapt.Activities;
using RunAdapt.Analysis;
using RunAdapt.Core.Training;

namespace RunAdapt.Storage;

/// <summary>
/// One file's way into the store, shared by every face (command line, dashboard): read, hash, decode, take the
/// export's title and sport, analyse — all without touching the store, so it can run in parallel — then store in one
/// transaction.
/// </summary>
public static class ActivityImporter
{
    /// <summary>
    /// Reads, hashes, decodes and analyses one input, without touching the store: a known hash is a duplicate at once,
    /// a file without samples is not an activity (no outcome, no problem), a bad file carries its one-line problem.
    /// </summary>
    /// <param name="input">The file.</param>
    /// <param name="known">Content hashes already stored (<see cref="AthleteStore.KnownFiles"/>), or an empty set.</param>
    /// <param name="athlete">The athlete (sex and heart rates for the load and zones).</param>
    /// <param name="thresholds">The athlete's dated thresholds, if any were saved.</param>
    /// <param name="carriedLoadKilograms">Extra mass the user says was carried on these runs (a weighted vest), in kilograms.</param>
    public static PreparedFile Prepare(ActivityInput input, IReadOnlySet<string> known, RunAdapt.Core.Training.Athlete athlete, ThresholdHistory? thresholds = null, double carriedLoadKilograms = 0)
    {
        try
        {
            var bytes = input.Read();
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (known.Contains(sha))
            {
                return new PreparedFile(input.Name, sha, null, StoreResult.Duplicate, null);
            }

            var usable = ActivityFormats.Decode(bytes, input.Name).Where(a => a.Samples.Count > 0)
                .Select(a => input.Metadata?.Sport is { } sport && a.Sport == Sport.Other ? a with { Sport = sport } : a)
                .Select(a => input.Metadata?.Title is { Length: > 0 } title ? a with { Title = title } : a)
                .Select(a => input.Metadata?.PerceivedExertion is { } rpe && a.PerceivedExertion is null ? a with { PerceivedExertion = rpe } : a)
                .ToList();
            if (usable.Count == 0)
            {
                return new PreparedFile(input.Name, sha, null, null, null); // a settings, workout or monitoring file: nothing to import, nothing wrong
            }

            // A damaged or unset clock (a GPX dated 9999, a route dated 1901) would stretch the history over centuries.
            if (usable.Select(a => DateOnly.FromDateTime(a.StartTimeUtc ?? a.Samples[0].TimestampUtc)).Where(d => !PlausibleDates.Contains(d)).Select(d => (DateOnly?)d).FirstOrDefault() is { } far)
            {
                return new PreparedFile(input.Name, sha, null, null, $"{input.Name}: dated {far:yyyy-MM-dd}, not {PlausibleDates.Window} (a damaged or unset clock)");
            }

            return new PreparedFile(input.Name, sha, [.. usable.Select(a =>
            {
                var (analysed, problem) = SessionBuilder.TryAnalyse(a, athlete, thresholds, carriedLoadKilograms);
                return new PreparedActivity(a, analysed, problem is null ? null : $"{input.Name}: {problem}");
            })], null, null);
        }
        catch (ActivityFormatException e)
        {
            return new PreparedFile(input.Name, null, null, null, e.UserMessage);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable file is rejected like a corrupt one; the batch goes on.
            return new PreparedFile(input.Name, null, null, null, $"{input.Name}: {e.Message}");
        }
    }

    /// <summary>
    /// Prepares inputs on <paramref name="workers"/> threads and yields them in input order, never more than
    /// <paramref name="window"/> prepared files ahead of the consumer: the store writes one file at a time, so without the
    /// window the preparing threads would run ahead and hold the decoded export in memory (PLINQ did: 2.7 GB for a decade).
    /// Stop enumerating to stop (the workers finish the file they hold and end); cancelling throws
    /// <see cref="OperationCanceledException"/> from the enumeration.
    /// </summary>
    /// <param name="inputs">The files, in the order to store them.</param>
    /// <param name="known">Content hashes already stored.</param>
    /// <param name="athlete">The athlete.</param>
    /// <param name="workers">Preparing threads (the number of cores is right: preparing is CPU-bound).</param>
    /// <param name="window">How many prepared files may wait for the store.</param>
    /// <param name="cancellation">Stops the workers.</param>
    /// <param name="thresholds">The athlete's dated thresholds, if any were saved.</param>
    /// <param name="carriedLoadKilograms">Extra mass the user says was carried on these runs, in kilograms.</param>
    public static IEnumerable<PreparedFile> PrepareAll(IReadOnlyList<ActivityInput> inputs, IReadOnlySet<string> known, RunAdapt.Core.Training.Athlete athlete, int workers, int window, CancellationToken cancellation = default, ThresholdHistory? thresholds = null, double carriedLoadKilograms = 0)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(window);
        var results = new TaskCompletionSource<PreparedFile>[inputs.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = new TaskCompletionSource<PreparedFile>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        using var ahead = new SemaphoreSlim(window);
        var next = -1;
        void Work()
        {
            while (true)
            {
                try
                {
                    ahead.Wait(stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                var i = Interlocked.Increment(ref next);
                if (i >= inputs.Count)
                {
                    return;
                }

                try
                {
                    results[i].SetResult(Prepare(inputs[i], known, athlete, thresholds, carriedLoadKilograms));
                }
                catch (Exception e)
                {
                    // A bug, not a bad file (Prepare turns those into problems): hand it to the consumer to report.
                    results[i].SetException(e);
                }
            }
        }

        using var cancelled = cancellation.Register(() => Array.ForEach(results, r => r?.TrySetCanceled(cancellation)));
        var threads = Enumerable.Range(0, Math.Min(workers, Math.Max(1, inputs.Count))).Select(_ => new Thread(Work) { IsBackground = true, Name = "import-prepare" }).ToList();
        threads.ForEach(t => t.Start());
        try
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                var file = results[i].Task.GetAwaiter().GetResult();
                results[i] = null!; // let the stored file's samples go
                yield return file;
                ahead.Release();
            }
        }
        finally
        {
            stop.Cancel();
            threads.ForEach(t => t.Join());
        }
    }

    /// <summary>One input ready to store: its activities, or the outcome already known (duplicate, nothing to import), or why it was rejected.</summary>
    /// <param name="Name">The input's name.</param>
    /// <param name="Sha256">Content hash, <c>null</c> when it could not be read.</param>
    /// <param name="Activities">The activities to store with their analysis (or why they could not be analysed), if any.</param>
    /// <param name="Outcome">The outcome known without storing (duplicate), if any.</param>
    /// <param name="Problem">The one-line reason it was rejected, if it was.</param>
    public sealed record PreparedFile(string Name, string? Sha256, IReadOnlyList<PreparedActivity>? Activities, StoreResult? Outcome, string? Problem);

    /// <summary>Stores a prepared file: imported, duplicate, or <c>null</c> when it was rejected (see its problem) or holds no activity.</summary>
    /// <param name="store">The athlete store.</param>
    /// <param name="file">The prepared file.</param>
    public static StoreResult? Store(AthleteStore store, PreparedFile file)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(file);
        return file.Problem is null && file.Activities is { } activities ? store.Save(file.Name, file.Sha256!, activities) : file.Outcome;
    }
}
