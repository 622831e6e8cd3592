using System.Globalization;
using MathNet.Numerics.Statistics;
using RunAdapt.Core.Model;

namespace RunAdapt.Evidence;

/// <summary>A family's spread as measured on the library: between people, or the model's discrepancy.</summary>
/// <param name="Family">The family of measures.</param>
/// <param name="Cv">The spread, relative to the size of the change.</param>
/// <param name="Outcomes">How many outcomes it rests on.</param>
public sealed record MeasuredSpread(MeasureFamily Family, double Cv, int Outcomes);

/// <summary>
/// Measures between-person variation from the library: for each outcome that publishes the SD of the individual
/// change (as <c>sd</c>, <c>se</c> × √n or a 95 % CI; not a between-subject SD of the levels), SD / |mean change|, and
/// for each family the median of those ratios. Only outcomes whose mean change is at least twice the unit's floor enter
/// (a ratio to a near-zero mean says nothing), and no between-arm comparisons. The SD of a change also holds the
/// measurement's own error, so the figure is an upper bound of the true spread.
/// </summary>
public static class PersonSpread
{
    /// <summary>The family a measure belongs to.</summary>
    /// <param name="kind">The measure's kind.</param>
    public static MeasureFamily FamilyOf(MeasureKind kind) => kind switch
    {
        MeasureKind.Vo2Max or MeasureKind.Vo2MaxAbsolute => MeasureFamily.Vo2Max,
        MeasureKind.Size or MeasureKind.FibreAreaType1 or MeasureKind.FibreAreaType2 or MeasureKind.FibreAreaMean => MeasureFamily.Size,
        MeasureKind.Strength or MeasureKind.StrengthOneRepetitionMaximum => MeasureFamily.Strength,
        MeasureKind.BodyMass or MeasureKind.FatMass or MeasureKind.LeanMass => MeasureFamily.Mass,
        MeasureKind.BoneHip => MeasureFamily.Bone,
        MeasureKind.Type1 or MeasureKind.Type2A or MeasureKind.Type2X => MeasureFamily.FibreType,
        MeasureKind.Endurance => MeasureFamily.Endurance,
        MeasureKind.InjuryRisk => MeasureFamily.Injury,
        MeasureKind.KneeCartilage => MeasureFamily.Joint,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// The family whose person factor scales an outcome: a VO2max, size or strength change of one arm in its own unit;
    /// <c>null</c> for other measures and for comparisons between arms (the same people on both sides).
    /// </summary>
    /// <param name="outcome">The outcome.</param>
    public static MeasureFamily? PersonFamilyOf(Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var family = FamilyOf(outcome.Measure.Kind);
        return outcome.Versus is null && outcome.Unit is not (Unit.Ratio or Unit.Points) && PersonVariation.Parameter(family) is not null ? family : null;
    }

    /// <summary>The size of the group an outcome's mean is of: its <c>n</c>, else its arm's, else 10.</summary>
    /// <param name="arm">The arm.</param>
    /// <param name="outcome">The outcome.</param>
    public static int GroupSize(Arm arm, Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Spread.N is { } n and > 0 ? n
            : arm.Population.TryGetValue("n", out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var a) && a > 0 ? a
            : 10;
    }

    /// <summary>Measures each family's spread on the studies.</summary>
    /// <param name="studies">The studies.</param>
    public static IReadOnlyList<MeasuredSpread> Measure(IEnumerable<Study> studies)
    {
        ArgumentNullException.ThrowIfNull(studies);
        var ratios = studies.SelectMany(s => s.Arms.SelectMany(a => a.Outcomes))
            .Select(o => (Family: PersonFamilyOf(o), Ratio: IndividualSd(o) is { } sd && Math.Abs(o.Mean) >= 2 * o.Unit.Floor() ? sd / Math.Abs(o.Mean) : (double?)null))
            .Where(x => x.Family is not null && x.Ratio is not null)
            .GroupBy(x => x.Family!.Value);
        return [.. ratios.OrderBy(g => g.Key).Select(g => new MeasuredSpread(g.Key, Math.Round(g.Select(x => x.Ratio!.Value).Median(), 3), g.Count()))];
    }

    /// <summary>
    /// The model's discrepancy per family, measured on results (the studies a fit saw): the relative error
    /// (model − published) / max(|model|, floor) of each modelled outcome, and its robust SD, median |error| / 0.6745 (the
    /// SD of a normal whose median absolute value that is). A family with fewer than three outcomes takes the value of all
    /// outcomes together.
    /// </summary>
    /// <param name="results">Outcomes with the model's values.</param>
    public static IReadOnlyList<MeasuredSpread> Discrepancy(IEnumerable<OutcomeResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var errors = results.Where(r => r.Model is { } m && double.IsFinite(m))
            .Select(r => (Family: FamilyOf(r.Outcome.Measure.Kind), Error: Math.Abs(r.Model!.Value - r.Outcome.Mean) / Math.Max(Math.Abs(r.Model.Value), r.Outcome.Unit.Floor())))
            .ToList();
        if (errors.Count == 0)
        {
            return [];
        }

        static double Robust(IEnumerable<double> e) => Math.Round(e.Median() / 0.6745, 3);
        var pooled = Robust(errors.Select(e => e.Error));
        return [.. Enum.GetValues<MeasureFamily>().Select(f =>
        {
            var mine = errors.Where(e => e.Family == f).Select(e => e.Error).ToList();
            return new MeasuredSpread(f, mine.Count >= 3 ? Robust(mine) : pooled, mine.Count);
        })];
    }

    private static double? IndividualSd(Outcome o) =>
        o.Spread.Sd ?? (o.Spread.Se is { } se && o.Spread.N is { } n ? se * Math.Sqrt(n)
            : o.Spread.Ci95 is { } ci && o.Spread.N is { } m ? (ci.High - ci.Low) / 3.92 * Math.Sqrt(m)
            : null);
}
