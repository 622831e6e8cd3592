using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using RunAdapt.Core.Model;

namespace RunAdapt.Evidence;

/// <summary>The model's 10th–90th percentile band of an outcome over parameter draws.</summary>
/// <param name="Low">The 10th percentile.</param>
/// <param name="High">The 90th percentile.</param>
public sealed record Band(double Low, double High)
{
    /// <summary>Whether a published mean lies inside the band.</summary>
    /// <param name="value">The published mean.</param>
    public bool Contains(double value) => value >= Low && value <= High;
}

/// <summary>
/// Coverage: runs the library with the parameter draws of <see cref="Uncertainty.Draws"/> about a centre (fitted
/// parameters from their posterior, the others from their plausible ranges), each draw's change scaled by a group's
/// person factor (<see cref="PersonVariation"/>, with the arm's n) plus the model's measured discrepancy
/// (<see cref="ModelDiscrepancy"/>), and gives each outcome's 10th–90th percentile band;
/// the published mean should fall inside about 8 times in 10.
/// </summary>
public static class Coverage
{
    /// <summary>The band of every modelled outcome of the studies (keyed as <see cref="OutcomeResult.Key"/>).</summary>
    /// <param name="studies">The studies.</param>
    /// <param name="centre">The parameters the draws centre on.</param>
    /// <param name="samples">How many draws.</param>
    /// <param name="seed">The random seed.</param>
    public static IReadOnlyDictionary<string, Band> Bands(IEnumerable<Study> studies, ModelParameters centre, int samples, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(centre);
        var list = studies.ToList();
        var values = Uncertainty.Draws(centre, samples, seed).Select(p => EvidenceRunner.Run(list, p)).ToList();
        // Each draw is also a group of people: its mean response differs from the average person's by N(1, cv/√n).
        var people = new Random(seed + 1);
        var bands = new Dictionary<string, Band>(StringComparer.Ordinal);
        // And the model is off by its measured discrepancy: N(0, sd × max(|value|, floor)).
        var drawnValues = values.Select(run => run.ToDictionary(r => r.Key, r => r.Model is { } m ? Person(r, m) : (double?)null, StringComparer.Ordinal)).ToList();
        double Person(OutcomeResult r, double model)
        {
            var factor = PersonSpread.PersonFamilyOf(r.Outcome) is { } family ? PersonVariation.Factor(centre, family, people, PersonSpread.GroupSize(r.Arm, r.Outcome)) : 1;
            var sd = ModelDiscrepancy.Sd(centre, PersonSpread.FamilyOf(r.Outcome.Measure.Kind), model, r.Outcome.Unit.Floor());
            return (model * factor) + (sd > 0 ? Normal.Sample(people, 0, sd) : 0);
        }

        foreach (var key in values.FirstOrDefault()?.Select(r => r.Key) ?? [])
        {
            var drawn = drawnValues.Select(v => v[key]).OfType<double>().Where(double.IsFinite).ToArray();
            if (drawn.Length > 0)
            {
                bands[key] = new Band(Statistics.QuantileCustom(drawn, 0.1, QuantileDefinition.R7), Statistics.QuantileCustom(drawn, 0.9, QuantileDefinition.R7));
            }
        }

        return bands;
    }
}
