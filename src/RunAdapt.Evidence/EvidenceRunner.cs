using System.Collections.Concurrent;
using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Scenarios;

namespace RunAdapt.Evidence;

/// <summary>
/// Runs the model on the library: each arm's scenario is simulated once per parameter set, and every outcome is read
/// at its week in its unit and compared with the published mean by the tolerance rule.
/// </summary>
public static class EvidenceRunner
{
    /// <summary>Every outcome of the given studies (default: the whole library) with the model's value.</summary>
    /// <param name="studies">The studies to run.</param>
    /// <param name="parameters">The model parameters (also used to read the scenarios' efforts).</param>
    public static IReadOnlyList<OutcomeResult> Run(IEnumerable<Study> studies, ModelParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(studies);
        ArgumentNullException.ThrowIfNull(parameters);
        var list = studies.ToList();
        var outcomes = Simulate(list, parameters);
        return [.. list.SelectMany(s => s.Arms.SelectMany(a => a.Outcomes.Select(o =>
            new OutcomeResult(s, a, o, Value(s, a, o, outcomes), ToleranceRule.For(o))))) ];
    }

    /// <summary>
    /// The model's value of each outcome (keyed as <see cref="OutcomeResult.Key"/>) for a parameter set: the building
    /// block of the uncertainty bands and the calibration.
    /// </summary>
    /// <param name="studies">The studies.</param>
    /// <param name="parameters">The model parameters.</param>
    public static IReadOnlyDictionary<string, double?> Values(IEnumerable<Study> studies, ModelParameters parameters) =>
        Run(studies, parameters).ToDictionary(r => r.Key, r => r.Model, StringComparer.Ordinal);

    /// <summary>Simulates every arm of the studies once (in parallel); keyed by study id and arm id.</summary>
    private static ConcurrentDictionary<(string, string), SimulationOutcome?> Simulate(IReadOnlyList<Study> studies, ModelParameters parameters)
    {
        var result = new ConcurrentDictionary<(string, string), SimulationOutcome?>();
        var arms = studies.SelectMany(s => s.Arms.Select(a => (Study: s, Arm: a))).ToList();
        Parallel.ForEach(arms, x =>
        {
            SimulationOutcome? outcome;
            try
            {
                outcome = Simulator.Run(ScenarioParser.Parse(x.Arm.Scenario, $"{x.Study.Id}/{x.Arm.Id}", parameters).ToInput(parameters));
            }
            catch (Exception e) when (e is ArgumentException or ScenarioException or ArithmeticException)
            {
                // Parameters far from the defaults can make a profile implausible: no value, which the fit penalises.
                outcome = null;
            }

            result[(x.Study.Id, x.Arm.Id)] = outcome;
        });
        return result;
    }

    private static double? Value(Study study, Arm arm, Outcome outcome, ConcurrentDictionary<(string, string), SimulationOutcome?> runs)
    {
        if (runs[(study.Id, arm.Id)] is not { } run)
        {
            return double.NaN;
        }

        if (outcome.Versus is not { } other)
        {
            return Change(outcome, run);
        }

        if (runs[(study.Id, other)] is not { } reference)
        {
            return double.NaN;
        }

        if (outcome.Unit == Unit.Ratio)
        {
            if (outcome.Measure.Kind == MeasureKind.InjuryRisk)
            {
                return Risk(run, outcome.Week) / Risk(reference, outcome.Week);
            }

            // The ratio of the two arms' changes, each in the measure's natural unit.
            var natural = outcome with { Unit = outcome.Measure.AllowedUnits[0] };
            return Change(natural, run) / Change(natural, reference);
        }

        return Change(outcome, run) - Change(outcome, reference);
    }

    /// <summary>Mean injury risk over the arm's weeks, or the risk in the given week.</summary>
    private static double Risk(SimulationOutcome run, int? week) =>
        week is { } w ? At(run, w).InjuryRisk : run.Series.Count > 0 ? run.Series.Average(s => s.InjuryRisk) : run.Final.InjuryRisk;

    private static BodySnapshot At(SimulationOutcome run, int? week) =>
        week is { } w && w <= run.Series.Count ? run.Series[w - 1] : run.Final;

    /// <summary>The change from the start to the outcome's week, in the outcome's unit; <c>null</c> when not modelled.</summary>
    internal static double? Change(Outcome outcome, SimulationOutcome run)
    {
        var (start, end) = (run.Start, At(run, outcome.Week));
        var measure = outcome.Measure;
        var (s, e) = (Level(start, measure), Level(end, measure));
        return measure.Kind switch
        {
            // Levels already in percent of the start: the change relative to the start's level.
            MeasureKind.Size or MeasureKind.FibreAreaType1 or MeasureKind.FibreAreaType2 or MeasureKind.FibreAreaMean or MeasureKind.Strength
                or MeasureKind.StrengthOneRepetitionMaximum or MeasureKind.Endurance or MeasureKind.BoneHip or MeasureKind.KneeCartilage => (((100 + e) / (100 + s)) - 1) * 100,
            _ => outcome.Unit == Unit.Pct ? ((e / s) - 1) * 100 : e - s,
        };
    }

    private static double Level(BodySnapshot body, Measure measure)
    {
        if (measure.Muscle is { } muscle)
        {
            return muscle == "thigh"
                ? ((2 * Field(body.Muscles["quadriceps"], measure.Kind)) + Field(body.Muscles["hamstrings"], measure.Kind)) / 3
                : Field(body.Muscles[muscle], measure.Kind);
        }

        return measure.Kind switch
        {
            MeasureKind.Vo2Max => body.Vo2MaxMillilitresPerKilogramPerMinute,
            MeasureKind.Vo2MaxAbsolute => body.Vo2MaxMillilitresPerMinute,
            MeasureKind.BodyMass => body.BodyMassKilograms,
            MeasureKind.FatMass => body.FatMassKilograms,
            MeasureKind.LeanMass => body.LeanMassKilograms,
            MeasureKind.BoneHip => body.BoneDensityChangePercent,
            MeasureKind.KneeCartilage => body.KneeCartilageChangePercent,
            MeasureKind.InjuryRisk => body.InjuryRisk,
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure.Name, "not a body measure"),
        };
    }

    private static double Field(MuscleSnapshot m, MeasureKind kind) => kind switch
    {
        MeasureKind.Size => m.SizeChangePercent,
        MeasureKind.FibreAreaType1 => m.FibreAreaType1ChangePercent,
        MeasureKind.FibreAreaType2 => m.FibreAreaType2ChangePercent,
        MeasureKind.FibreAreaMean => m.FibreAreaMeanChangePercent,
        MeasureKind.Type1 => m.Type1Percent,
        MeasureKind.Type2A => m.Type2APercent,
        MeasureKind.Type2X => m.Type2XPercent,
        MeasureKind.Strength => m.StrengthChangePercent,
        MeasureKind.StrengthOneRepetitionMaximum => m.OneRepetitionMaximumChangePercent,
        MeasureKind.Endurance => m.EnduranceChangePercent,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a muscle measure"),
    };
}
