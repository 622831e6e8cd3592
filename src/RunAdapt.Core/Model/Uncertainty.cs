using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using System.Text.Json.Serialization;
using RunAdapt.Core.Outcomes;

namespace RunAdapt.Core.Model;

/// <summary>
/// How sure the model is of an outcome: the final state's 10th, 50th and 90th percentiles over simulations whose
/// parameters are drawn from the calibration's posterior or their plausible ranges (<see cref="ModelParameters.Sample"/>),
/// each one a different person (<see cref="PersonVariation"/>: the VO2max, size and strength changes scaled by a person
/// factor). Each draw's *change* is
/// laid on the central estimate's start (the drawn parameters also move the estimated starting VO2max, fat and fibre
/// shares, which are not what the runner asks about). Each field is its own percentile, so a band's snapshot is not
/// one consistent body.
/// </summary>
/// <param name="Samples">How many simulations the bands rest on.</param>
/// <param name="Low">The 10th percentile of each final measure.</param>
/// <param name="Median">The median of each final measure.</param>
/// <param name="High">The 90th percentile of each final measure.</param>
/// <param name="Drivers">
/// For each headline measure (<c>quadriceps</c> … size, <c>vo2max</c>, <c>bone</c>, <c>body_mass</c>), the parameters whose
/// draws explain most of its spread, by Spearman rank correlation, strongest first (at most three, and only those beyond
/// chance): what better data would narrow — or, named by its spread (<c>person.vo2_response_cv</c>), how this person's
/// response differs from the average one, which only their own measurements narrow.
/// </param>
public sealed record OutcomeBands(
    [property: JsonPropertyName("samples")] int Samples,
    [property: JsonPropertyName("p10")] BodySnapshot Low,
    [property: JsonPropertyName("p50")] BodySnapshot Median,
    [property: JsonPropertyName("p90")] BodySnapshot High,
    [property: JsonPropertyName("drivers")] IReadOnlyDictionary<string, IReadOnlyList<Driver>> Drivers);

/// <summary>A parameter that drives an outcome's uncertainty.</summary>
/// <param name="Parameter">The parameter's name.</param>
/// <param name="RankCorrelation">Spearman's ρ between its draws and the measure (−1 to 1).</param>
public sealed record Driver(
    [property: JsonPropertyName("parameter")] string Parameter,
    [property: JsonPropertyName("rho")] double RankCorrelation)
{
    /// <summary>The driver as every face shows it: <c>vo2.trainability (ρ +0.80)</c>.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Parameter} (ρ {RankCorrelation:+0.00;-0.00})");
}

/// <summary>Propagates parameter uncertainty through the model by Monte Carlo.</summary>
public static class Uncertainty
{
    /// <summary>The default number of draws: enough for stable 10th/90th percentiles (±1 rank ≈ ±1 %).</summary>
    public const int DefaultSamples = 100;

    /// <summary>
    /// Runs the input <paramref name="samples"/> times with drawn parameters and returns the bands of the final state.
    /// Settings that are not physiology stay fixed: how plans' efforts become speeds (<c>intensity.*</c>, already
    /// applied when the plan was read) and the Banister fit's bounds (<c>banister.*</c>). Deterministic for a seed.
    /// </summary>
    /// <param name="input">What to simulate (its parameters are the centre of the draws).</param>
    /// <param name="samples">How many draws (10–10 000).</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="cancellation">Stops the draws (between simulations) when nobody waits for the bands any more.</param>
    public static OutcomeBands Of(SimulationInput input, int samples = DefaultSamples, int seed = 1, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 10);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(samples, 10_000);
        // Drawn up front, in order, so the bands do not depend on how the runs are scheduled; each draw is one person.
        var drawn = Draws(input.Parameters, samples, seed);
        var people = new Random(seed + 1);
        var factors = drawn.Select(_ => Enum.GetValues<MeasureFamily>().ToDictionary(f => f, f => PersonVariation.Factor(input.Parameters, f, people))).ToList();
        var errors = drawn.Select(_ => Enum.GetValues<MeasureFamily>().ToDictionary(f => f, _ => Normal.Sample(people, 0, 1))).ToList();
        var start = Simulator.Run(input).Start;
        var finals = drawn.AsParallel().AsOrdered().WithCancellation(cancellation)
            .Select((p, i) => FromStart(start, Simulator.Run(input with { Parameters = p }), new Person(input.Parameters, factors[i], errors[i]))).ToList();
        var measures = finals[0].Muscles.Keys.Select(m => (m, (Func<BodySnapshot, double>)(f => f.Muscles[m].SizeChangePercent)))
            .Append(("vo2max", f => f.Vo2MaxMillilitresPerKilogramPerMinute))
            .Append(("bone", f => f.BoneDensityChangePercent))
            .Append(("body_mass", f => f.BodyMassKilograms));
        var varied = input.Parameters.All.Where(p => drawn.Any(d => d.Get(p.Name) != p.Value)).Select(p => p.Name).ToList();
        var parameterValues = varied.ToDictionary(n => n, n => drawn.Select(d => d.Get(n)).ToArray());
        // Who the runner is among people drives a band too: each family's person factor is listed under its spread's name.
        foreach (var family in Applied)
        {
            if (PersonVariation.Parameter(family) is { } person)
            {
                varied.Add(person);
                parameterValues[person] = [.. factors.Select(f => f[family])];
            }

            varied.Add(ModelDiscrepancy.Parameter(family));
            parameterValues[ModelDiscrepancy.Parameter(family)] = [.. errors.Select(e => e[family])];
        }

        // With ~100 parameters some correlate by chance: keep those beyond ≈ a Bonferroni 5 % bound (z 3.5 / √(n − 1)).
        var significant = 3.5 / Math.Sqrt(samples - 1);
        var drivers = measures.ToDictionary(
            m => m.Item1,
            m =>
            {
                var outcome = finals.Select(m.Item2).ToArray();
                return (IReadOnlyList<Driver>)[.. varied.Select(n => new Driver(n, Math.Round(Correlation.Spearman(parameterValues[n], outcome), 3)))
                    .Where(d => double.IsFinite(d.RankCorrelation) && Math.Abs(d.RankCorrelation) >= significant)
                    .OrderByDescending(d => Math.Abs(d.RankCorrelation)).ThenBy(d => d.Parameter, StringComparer.Ordinal).Take(3)];
            });
        return new OutcomeBands(samples, Percentile(finals, 0.1), Percentile(finals, 0.5), Percentile(finals, 0.9), drivers);
    }

    /// <summary>
    /// The parameter draws the bands rest on: <paramref name="samples"/> draws about <paramref name="centre"/> from the
    /// plausible ranges (<see cref="ModelParameters.Sample"/>), with the settings that are not physiology kept.
    /// Deterministic for a seed; other callers (the evidence library's coverage) use the same draws.
    /// </summary>
    /// <param name="centre">The parameters the draws centre on.</param>
    /// <param name="samples">How many draws.</param>
    /// <param name="seed">The random seed.</param>
    public static IReadOnlyList<ModelParameters> Draws(ModelParameters centre, int samples, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(centre);
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        var random = new Random(seed);
        return [.. Enumerable.Range(0, samples).Select(_ => centre.Sample(random, Fixed))];
    }

    /// <summary>The families whose changes a draw makes a person's (fibre shares and injury risk keep parameter uncertainty only).</summary>
    private static readonly MeasureFamily[] Applied =
        [MeasureFamily.Vo2Max, MeasureFamily.Size, MeasureFamily.Strength, MeasureFamily.Endurance, MeasureFamily.Mass, MeasureFamily.Bone, MeasureFamily.Joint];

    /// <summary>One draw's person: their response factors and the model's discrepancy (a standard normal per family).</summary>
    private sealed record Person(ModelParameters Parameters, IReadOnlyDictionary<MeasureFamily, double> Factors, IReadOnlyDictionary<MeasureFamily, double> Errors)
    {
        /// <summary>A predicted change as this person's: scaled by their factor, plus the model's discrepancy.</summary>
        public double Change(MeasureFamily family, double change, double floor) =>
            (change * Factors[family]) + (Errors[family] * ModelDiscrepancy.Sd(Parameters, family, change, floor));
    }

    /// <summary>A draw's final state as its changes from its own start, made the draw's person's and applied to the central start.</summary>
    private static BodySnapshot FromStart(BodySnapshot start, SimulationOutcome draw, Person person)
    {
        var (s, f) = (draw.Start, draw.Final);
        double Size(double change) => person.Change(MeasureFamily.Size, change, 1);
        double Strength(double change) => person.Change(MeasureFamily.Strength, change, 1);
        double Level(MeasureFamily family, double startLevel, double drawStart, double drawEnd, double floor) =>
            startLevel + person.Change(family, drawEnd - drawStart, floor);
        var vo2 = Level(MeasureFamily.Vo2Max, start.Vo2MaxMillilitresPerKilogramPerMinute, s.Vo2MaxMillilitresPerKilogramPerMinute, f.Vo2MaxMillilitresPerKilogramPerMinute, 1);
        var mass = Level(MeasureFamily.Mass, start.BodyMassKilograms, s.BodyMassKilograms, f.BodyMassKilograms, 0.5);
        return f with
        {
            Muscles = f.Muscles.ToDictionary(m => m.Key, m => m.Value with
            {
                SizeChangePercent = Size(m.Value.SizeChangePercent),
                FibreAreaType1ChangePercent = Size(m.Value.FibreAreaType1ChangePercent),
                FibreAreaType2ChangePercent = Size(m.Value.FibreAreaType2ChangePercent),
                FibreAreaMeanChangePercent = Size(m.Value.FibreAreaMeanChangePercent),
                StrengthChangePercent = Strength(m.Value.StrengthChangePercent),
                OneRepetitionMaximumChangePercent = Strength(m.Value.OneRepetitionMaximumChangePercent),
                EnduranceChangePercent = person.Change(MeasureFamily.Endurance, m.Value.EnduranceChangePercent, 1),
                Type1Percent = Math.Clamp(start.Muscles[m.Key].Type1Percent + m.Value.Type1Percent - s.Muscles[m.Key].Type1Percent, 0, 100),
                Type2APercent = Math.Clamp(start.Muscles[m.Key].Type2APercent + m.Value.Type2APercent - s.Muscles[m.Key].Type2APercent, 0, 100),
                Type2XPercent = Math.Clamp(start.Muscles[m.Key].Type2XPercent + m.Value.Type2XPercent - s.Muscles[m.Key].Type2XPercent, 0, 100),
            }),
            Vo2MaxMillilitresPerKilogramPerMinute = vo2,
            Vo2MaxMillilitresPerMinute = vo2 * mass,
            BodyMassKilograms = mass,
            FatMassKilograms = Math.Max(0, Level(MeasureFamily.Mass, start.FatMassKilograms, s.FatMassKilograms, f.FatMassKilograms, 0.5)),
            BoneDensityChangePercent = person.Change(MeasureFamily.Bone, f.BoneDensityChangePercent, 1),
            KneeCartilageChangePercent = person.Change(MeasureFamily.Joint, f.KneeCartilageChangePercent, 1),
        };
    }

    // vo2.trainability is a person's trait (set per athlete); between people it is the person factor's job.
    private static bool Fixed(ModelParameter p) =>
        p.Name.StartsWith("intensity.", StringComparison.Ordinal) || p.Name.StartsWith("banister.", StringComparison.Ordinal)
        || ModelDiscrepancy.IsSpreadParameter(p.Name) || p.Name == ParameterNames.Vo2Trainability;

    private static BodySnapshot Percentile(IReadOnlyList<BodySnapshot> finals, double q)
    {
        // R-7 (linear interpolation between order statistics), the definition the hand-written version used.
        double P(Func<BodySnapshot, double> field) => Math.Round(Statistics.QuantileCustom(finals.Select(field), q, QuantileDefinition.R7), 3);

        return new BodySnapshot
        {
            Muscles = finals[0].Muscles.Keys.ToDictionary(m => m, m => new MuscleSnapshot(
                P(f => f.Muscles[m].SizeChangePercent), P(f => f.Muscles[m].Type1Percent), P(f => f.Muscles[m].Type2APercent),
                P(f => f.Muscles[m].Type2XPercent), P(f => f.Muscles[m].EnduranceChangePercent), P(f => f.Muscles[m].StrengthChangePercent))
            {
                FibreAreaType1ChangePercent = P(f => f.Muscles[m].FibreAreaType1ChangePercent),
                FibreAreaType2ChangePercent = P(f => f.Muscles[m].FibreAreaType2ChangePercent),
                FibreAreaMeanChangePercent = P(f => f.Muscles[m].FibreAreaMeanChangePercent),
                OneRepetitionMaximumChangePercent = P(f => f.Muscles[m].OneRepetitionMaximumChangePercent),
            }),
            Vo2MaxMillilitresPerKilogramPerMinute = P(f => f.Vo2MaxMillilitresPerKilogramPerMinute),
            Vo2MaxMillilitresPerMinute = P(f => f.Vo2MaxMillilitresPerMinute),
            BodyMassKilograms = P(f => f.BodyMassKilograms),
            FatMassKilograms = P(f => f.FatMassKilograms),
            BoneDensityChangePercent = P(f => f.BoneDensityChangePercent),
            JointLoadIndex = P(f => f.JointLoadIndex),
            InjuryRisk = P(f => f.InjuryRisk),
        };
    }
}
