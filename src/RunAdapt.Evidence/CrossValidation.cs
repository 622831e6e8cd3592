using System.Text.Json;
using System.Text.Json.Serialization;
using RunAdapt.Core.Model;

namespace RunAdapt.Evidence;

/// <summary>One fit of a cross-validation: the studies it did not see and the values it found.</summary>
/// <param name="Fold">The fold number (−1 for the fit to all the data).</param>
/// <param name="HeldOut">The study ids held out (empty for the fit to all the data).</param>
/// <param name="Values">Parameter name → fitted value.</param>
/// <param name="Objective">The objective at the fit, on the studies it was fitted to.</param>
public sealed record FoldFit(
    [property: JsonPropertyName("fold")] int Fold,
    [property: JsonPropertyName("held_out")] IReadOnlyList<string> HeldOut,
    [property: JsonPropertyName("values")] IReadOnlyDictionary<string, double> Values,
    [property: JsonPropertyName("objective")] double Objective);

/// <summary>The figures of one area (or <c>all</c>): in-sample and out-of-sample pass rates and coverage.</summary>
/// <param name="Area">The area, or <c>all</c>.</param>
/// <param name="Outcomes">Outcomes in the area.</param>
/// <param name="Modelled">Outcomes the model reports (the rates' denominator).</param>
/// <param name="InSamplePass">Share passing with the fit to all the data.</param>
/// <param name="OutOfSamplePass">Share passing with the fit that did not see the outcome's study.</param>
/// <param name="Coverage">Share of published means inside the out-of-sample 10th–90th percentile band (<c>null</c> without draws).</param>
public sealed record AreaFigures(
    [property: JsonPropertyName("area")] string Area,
    [property: JsonPropertyName("outcomes")] int Outcomes,
    [property: JsonPropertyName("modelled")] int Modelled,
    [property: JsonPropertyName("in_sample_pass")] double InSamplePass,
    [property: JsonPropertyName("out_of_sample_pass")] double OutOfSamplePass,
    [property: JsonPropertyName("coverage")] double? Coverage);

/// <summary>A stored calibration (<c>evidence/calibration.json</c>): every fold's fit, the fit to all the data, and the table.</summary>
/// <param name="Folds">The number of folds.</param>
/// <param name="Parameters">The fitted parameters' names.</param>
/// <param name="PriorSd">The prior's SD in logit units.</param>
/// <param name="Evaluations">The most library runs per fit.</param>
/// <param name="Samples">Parameter draws per held-out study for coverage (0: none).</param>
/// <param name="All">The fit to all the data.</param>
/// <param name="FoldFits">One fit per non-empty fold, each without its held-out studies (its values also hold the between-person spread measured on its studies).</param>
/// <param name="PosteriorSd">The uncertainty of each fitted value: the grouped jackknife over the folds' fits, √((k − 1)/k · Σ (θᵢ − θ̄)²).</param>
/// <param name="Table">The figures per area, then <c>all</c>.</param>
public sealed record CalibrationFile(
    [property: JsonPropertyName("folds")] int Folds,
    [property: JsonPropertyName("parameters")] IReadOnlyList<string> Parameters,
    [property: JsonPropertyName("prior_sd_logit")] double PriorSd,
    [property: JsonPropertyName("evaluations")] int Evaluations,
    [property: JsonPropertyName("samples")] int Samples,
    [property: JsonPropertyName("all")] FoldFit All,
    [property: JsonPropertyName("fold_fits")] IReadOnlyList<FoldFit> FoldFits,
    [property: JsonPropertyName("posterior_sd")] IReadOnlyDictionary<string, double> PosteriorSd,
    [property: JsonPropertyName("table")] IReadOnlyList<AreaFigures> Table)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    /// <summary>The file's JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options) + "\n";

    /// <summary>Reads a stored calibration.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="EvidenceException">The file is not a calibration.</exception>
    public static CalibrationFile Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<CalibrationFile>(File.ReadAllText(path)) ?? throw new EvidenceException(path, "empty calibration");
        }
        catch (JsonException e)
        {
            throw new EvidenceException(path, e.Message);
        }
    }
}

/// <summary>Cross-validation by study: k folds of whole studies, each study predicted by parameters fitted without it.</summary>
public static class CrossValidation
{
    /// <summary>Runs the fits and measures the figures.</summary>
    /// <param name="library">The library.</param>
    /// <param name="centre">The current parameters (start and prior centre).</param>
    /// <param name="fitted">The parameters to fit.</param>
    /// <param name="folds">The number of folds (≥ 2).</param>
    /// <param name="evaluations">The most library runs per fit.</param>
    /// <param name="samples">Parameter draws for the coverage bands (0: no coverage).</param>
    /// <param name="progress">Told of each fit as it finishes.</param>
    public static CalibrationFile Run(EvidenceLibrary library, ModelParameters centre, IReadOnlyList<ModelParameter> fitted, int folds, int evaluations, int samples, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(centre);
        ArgumentNullException.ThrowIfNull(fitted);
        var all = Calibration.Run(library.Studies, centre, fitted, evaluations);
        progress?.Invoke($"all data: objective {all.Objective:0.0} after {all.Evaluations} runs");
        // The person and discrepancy spreads do not change a simulation, so the in-sample run serves both.
        var inSample = EvidenceRunner.Run(library.Studies, centre.With(all.Values));
        var allValues = WithSpread(all.Values, library.Studies, inSample);
        var fits = new List<FoldFit>();
        for (var fold = 0; fold < folds; fold++)
        {
            var held = library.Studies.Where(s => Calibration.FoldOf(s.Id, folds) == fold).ToList();
            if (held.Count == 0)
            {
                continue;
            }

            var training = library.Studies.Except(held).ToList();
            var fit = Calibration.Run(training, centre, fitted, evaluations);
            fits.Add(new FoldFit(fold, [.. held.Select(s => s.Id)], WithSpread(fit.Values, training, EvidenceRunner.Run(training, centre.With(fit.Values))), fit.Objective));
            progress?.Invoke($"fold {fold + 1}/{folds} (held out {held.Count} studies): objective {fit.Objective:0.0} after {fit.Evaluations} runs");
        }

        var posterior = PosteriorSd(fitted, fits);
        var (outOfSample, bands) = OutOfSample(library, centre, fits, posterior, samples);
        return new CalibrationFile(folds, [.. fitted.Select(p => p.Name)], Calibration.PriorSd, evaluations, samples,
            new FoldFit(-1, [], allValues, all.Objective), fits, posterior, Table(inSample, outOfSample, samples > 0 ? bands : null));
    }

    /// <summary>
    /// One fold's fit, as <see cref="Run"/> makes it: the parameters fitted to every study but the fold's, with the
    /// spread measured on them; <c>null</c> when no study falls in the fold. Each fold is independent of the others, so
    /// they can be fitted apart (the Orleans cluster fits one per grain: docs/SCALE.md).
    /// </summary>
    /// <param name="library">The library.</param>
    /// <param name="centre">The current parameters (start and prior centre).</param>
    /// <param name="fitted">The parameters to fit.</param>
    /// <param name="folds">The number of folds (≥ 2).</param>
    /// <param name="fold">The fold (0 … folds − 1).</param>
    /// <param name="evaluations">The most library runs for the fit.</param>
    public static FoldFit? Fold(EvidenceLibrary library, ModelParameters centre, IReadOnlyList<ModelParameter> fitted, int folds, int fold, int evaluations)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(centre);
        var held = library.Studies.Where(s => Calibration.FoldOf(s.Id, folds) == fold).ToList();
        if (held.Count == 0)
        {
            return null;
        }

        var training = library.Studies.Except(held).ToList();
        var fit = Calibration.Run(training, centre, fitted, evaluations);
        return new FoldFit(fold, [.. held.Select(s => s.Id)], WithSpread(fit.Values, training, EvidenceRunner.Run(training, centre.With(fit.Values))), fit.Objective);
    }

    /// <summary>
    /// The grouped jackknife SD of each fitted value over the folds' fits (each fit leaves out 1/k of the studies):
    /// how much the value would move with other evidence. With fewer than two folds, none.
    /// </summary>
    /// <param name="fitted">The fitted parameters.</param>
    /// <param name="fits">The folds' fits.</param>
    public static IReadOnlyDictionary<string, double> PosteriorSd(IReadOnlyList<ModelParameter> fitted, IReadOnlyList<FoldFit> fits)
    {
        ArgumentNullException.ThrowIfNull(fitted);
        ArgumentNullException.ThrowIfNull(fits);
        var k = fits.Count;
        return k < 2 ? new Dictionary<string, double>() : fitted.ToDictionary(
            p => p.Name,
            p =>
            {
                var values = fits.Select(f => f.Values[p.Name]).ToList();
                var mean = values.Average();
                return Math.Round(Math.Sqrt((k - 1.0) / k * values.Sum(v => (v - mean) * (v - mean))), 6);
            },
            StringComparer.Ordinal);
    }

    /// <summary>A fit's values with the between-person spread and the model's discrepancy measured on the studies it saw (<paramref name="results"/>: those studies run with the fit).</summary>
    private static Dictionary<string, double> WithSpread(IReadOnlyDictionary<string, double> values, IReadOnlyList<Study> studies, IReadOnlyList<OutcomeResult> results)
    {
        var result = new Dictionary<string, double>(values, StringComparer.Ordinal);
        foreach (var spread in PersonSpread.Measure(studies))
        {
            result[PersonVariation.Parameter(spread.Family)!] = spread.Cv;
        }

        foreach (var spread in PersonSpread.Discrepancy(results))
        {
            result[ModelDiscrepancy.Parameter(spread.Family)] = spread.Cv;
        }

        return result;
    }

    /// <summary>Every held-out study run with its fold's stored values (and, with draws, its bands).</summary>
    /// <param name="library">The library.</param>
    /// <param name="centre">The current parameters.</param>
    /// <param name="fits">The folds' fits.</param>
    /// <param name="posteriorSd">The fitted parameters' uncertainty, for the draws.</param>
    /// <param name="samples">Parameter draws for the coverage bands (0: none).</param>
    public static (IReadOnlyList<OutcomeResult> Results, IReadOnlyDictionary<string, Band> Bands) OutOfSample(EvidenceLibrary library, ModelParameters centre, IReadOnlyList<FoldFit> fits, IReadOnlyDictionary<string, double> posteriorSd, int samples)
    {
        ArgumentNullException.ThrowIfNull(posteriorSd);
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(centre);
        ArgumentNullException.ThrowIfNull(fits);
        var results = new List<OutcomeResult>();
        var bands = new Dictionary<string, Band>(StringComparer.Ordinal);
        foreach (var fit in fits)
        {
            var held = library.Studies.Where(s => fit.HeldOut.Contains(s.Id)).ToList();
            var parameters = centre.With(fit.Values).WithPosteriorSds(posteriorSd);
            results.AddRange(EvidenceRunner.Run(held, parameters));
            if (samples > 0)
            {
                foreach (var (key, band) in Coverage.Bands(held, parameters, samples))
                {
                    bands[key] = band;
                }
            }
        }

        return (results, bands);
    }

    /// <summary>The figures per area and overall.</summary>
    /// <param name="inSample">Outcomes with the fit to all the data.</param>
    /// <param name="outOfSample">Outcomes with their held-out fits.</param>
    /// <param name="bands">The out-of-sample bands, or <c>null</c> for no coverage.</param>
    public static IReadOnlyList<AreaFigures> Table(IReadOnlyList<OutcomeResult> inSample, IReadOnlyList<OutcomeResult> outOfSample, IReadOnlyDictionary<string, Band>? bands)
    {
        ArgumentNullException.ThrowIfNull(inSample);
        ArgumentNullException.ThrowIfNull(outOfSample);
        AreaFigures Row(string area, Func<OutcomeResult, bool> selects)
        {
            var ins = inSample.Where(selects).ToList();
            var outs = outOfSample.Where(selects).Where(r => r.Modelled).ToList();
            var covered = bands is null ? (double?)null : Share(outs, r => bands.TryGetValue(r.Key, out var b) && b.Contains(r.Outcome.Mean));
            return new AreaFigures(area, ins.Count, ins.Count(r => r.Modelled), Share(ins.Where(r => r.Modelled).ToList(), r => r.Pass == true),
                Share(outs, r => r.Pass == true), covered);
        }

        var areas = inSample.Select(r => r.Study.Area).Distinct().Order(StringComparer.Ordinal);
        return [.. areas.Select(a => Row(a, r => r.Study.Area == a)), Row("all", _ => true)];
    }

    private static double Share(IReadOnlyList<OutcomeResult> results, Func<OutcomeResult, bool> counts) =>
        results.Count == 0 ? 0 : Math.Round((double)results.Count(counts) / results.Count, 4);
}
