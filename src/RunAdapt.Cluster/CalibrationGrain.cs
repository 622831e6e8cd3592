using Orleans.Concurrency;
using RunAdapt.Core.Model;
using RunAdapt.Evidence;

namespace RunAdapt.Cluster;

/// <summary>One fold of a calibration's cross-validation, fitted by one grain somewhere in the cluster.</summary>
/// <param name="Library">The evidence library's folder, as every silo sees it (the same checkout on every host).</param>
/// <param name="Parameters">The parameters to fit.</param>
/// <param name="Folds">The number of folds.</param>
/// <param name="Fold">This fold (0 … folds − 1).</param>
/// <param name="Evaluations">The most library runs for the fit.</param>
[GenerateSerializer, Immutable]
public sealed record FoldJob(
    [property: Id(0)] string Library,
    [property: Id(1)] IReadOnlyList<string> Parameters,
    [property: Id(2)] int Folds,
    [property: Id(3)] int Fold,
    [property: Id(4)] int Evaluations);

/// <summary>A fold's fit as it crosses the cluster (<see cref="FoldFit"/>, or an empty fold).</summary>
/// <param name="Fit">The fit, or <c>null</c> when no study falls in the fold.</param>
/// <param name="Silo">The silo that fitted it.</param>
[GenerateSerializer, Immutable]
public sealed record FoldAnswer([property: Id(0)] FoldFitValues? Fit, [property: Id(1)] string Silo);

/// <summary><see cref="FoldFit"/>'s values, serializable by Orleans.</summary>
/// <param name="Fold">The fold.</param>
/// <param name="HeldOut">The study ids held out.</param>
/// <param name="Values">Parameter name → fitted value.</param>
/// <param name="Objective">The objective at the fit.</param>
[GenerateSerializer, Immutable]
public sealed record FoldFitValues([property: Id(0)] int Fold, [property: Id(1)] IReadOnlyList<string> HeldOut, [property: Id(2)] IReadOnlyDictionary<string, double> Values, [property: Id(3)] double Objective)
{
    /// <summary>As the evidence library writes it.</summary>
    public FoldFit ToFoldFit() => new(Fold, HeldOut, Values, Objective);
}

/// <summary>
/// Fits one fold of a calibration (<see cref="CrossValidation.Fold"/>, the same call the local run makes), so the
/// folds of a cross-validation run side by side across the silos. A fit takes minutes to hours, longer than any call
/// may wait, so <see cref="Start"/> returns at once and the caller polls <see cref="Result"/>.
/// </summary>
public interface ICalibrationFoldGrain : IGrainWithStringKey
{
    /// <summary>Starts the fit (a second start of the same job does nothing).</summary>
    /// <param name="job">The fold.</param>
    Task Start(FoldJob job);

    /// <summary>The fit, or <c>null</c> while it runs.</summary>
    /// <exception cref="InvalidOperationException">No fit was started on this activation (its silo died): start it again.</exception>
    [AlwaysInterleave]
    Task<FoldAnswer?> Result();
}

/// <inheritdoc cref="ICalibrationFoldGrain"/>
/// <param name="silo">This silo, named in the answer.</param>
public sealed class CalibrationFoldGrain(Orleans.Runtime.ILocalSiloDetails silo) : Grain, ICalibrationFoldGrain
{
    private FoldJob? _job;
    private Task<FoldAnswer>? _fit;

    /// <inheritdoc/>
    public Task Start(FoldJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (_fit is null || _job != job)
        {
            _job = job;
            var name = silo.Name;
            // Off the grain's turn: the silo keeps answering its peers' probes during an hour-long fit.
            _fit = Task.Run(() =>
            {
                var centre = ModelParameters.Default;
                var fit = CrossValidation.Fold(EvidenceLibrary.Load(job.Library), centre, Calibration.Fittable(centre, job.Parameters), job.Folds, job.Fold, job.Evaluations);
                return new FoldAnswer(fit is null ? null : new FoldFitValues(fit.Fold, fit.HeldOut, fit.Values, fit.Objective), name);
            });
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task<FoldAnswer?> Result() =>
        _fit is null ? throw new InvalidOperationException("no fit is running here: start it again")
        : _fit.IsCompleted ? await _fit
        : null;
}

/// <summary>A calibration's folds fanned out across the cluster, one grain each.</summary>
public static class ClusterCalibration
{
    /// <summary>Fits every fold on the cluster and waits; a fold whose silo died is started again on another.</summary>
    /// <param name="cluster">The cluster.</param>
    /// <param name="library">The evidence library's folder, as the silos see it.</param>
    /// <param name="parameters">The parameters to fit.</param>
    /// <param name="folds">The number of folds.</param>
    /// <param name="evaluations">The most library runs per fit.</param>
    /// <param name="cancellation">Stops waiting.</param>
    /// <returns>The non-empty folds' fits, by fold, with the silo that fitted each.</returns>
    public static async Task<IReadOnlyList<(FoldFit Fit, string Silo)>> RunAsync(IClusterClient cluster, string library, IReadOnlyList<string> parameters, int folds, int evaluations, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var run = Guid.NewGuid().ToString("N");
        var answers = await Task.WhenAll(Enumerable.Range(0, folds).Select(async fold =>
        {
            var job = new FoldJob(Path.GetFullPath(library), parameters, folds, fold, evaluations);
            var grain = cluster.GetGrain<ICalibrationFoldGrain>($"{run}/{fold}");
            await grain.Start(job);
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
                try
                {
                    if (await grain.Result() is { } answer)
                    {
                        return answer;
                    }
                }
                catch (Exception e) when (e is not (OperationCanceledException or ArgumentException or EvidenceException))
                {
                    // The fold's silo died (or is dying): the next start activates the fold on another silo.
                    await grain.Start(job);
                }
            }
        }));
        return [.. answers.Where(a => a.Fit is not null).Select(a => (a.Fit!.ToFoldFit(), a.Silo))];
    }
}
