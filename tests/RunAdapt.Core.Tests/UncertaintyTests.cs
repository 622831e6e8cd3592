using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Scenarios;

namespace RunAdapt.Core.Tests;

public sealed class UncertaintyTests
{
    [Fact]
    public void DrawsStayInTheirRangesAndCentreOnTheDocumentedValue()
    {
        var random = new Random(5);
        var draws = Enumerable.Range(0, 2000).Select(_ => ModelParameters.Default.Sample(random, p => p.Name.StartsWith("banister.", StringComparison.Ordinal))).ToList();
        foreach (var p in ModelParameters.Default.All)
        {
            Assert.All(draws, d => Assert.InRange(d[p.Name].Values[0], p.Minimum, p.Maximum));
            if (p.Values.Count > 1 || p.Name.StartsWith("banister.", StringComparison.Ordinal))
            {
                Assert.All(draws, d => Assert.Equal(p.Values, d[p.Name].Values)); // tables and kept settings stay
            }
        }

        // Lopsided range (0–3 around 1): the median stays at the value, half the draws on each side.
        var trainability = draws.Select(d => d.Get("vo2.trainability")).Order().ToList();
        Assert.Equal(1.0, trainability[trainability.Count / 2], 0.05);
        Assert.True(trainability.Max() > 2 && trainability.Min() < 0.3);
    }

    [Fact]
    public void AFittedParameterIsDrawnFromItsPosteriorNotItsRange()
    {
        var name = "strength.neural_max";
        var p = ModelParameters.Default[name];
        var narrowed = ModelParameters.Default.WithPosteriorSds(new Dictionary<string, double> { [name] = 0.01 });
        var random = new Random(7);
        var draws = Enumerable.Range(0, 4000).Select(_ => narrowed.Sample(random).Get(name)).ToList();
        var mean = draws.Average();
        var sd = Math.Sqrt(draws.Sum(v => (v - mean) * (v - mean)) / (draws.Count - 1));
        Assert.Equal(p.Value, mean, 0.002);
        Assert.Equal(0.01, sd, 0.002);
        Assert.All(draws, v => Assert.InRange(v, p.Minimum, p.Maximum));
    }

    [Fact]
    public void AGroupsMeanVariesLessThanOnePerson()
    {
        var random = new Random(11);
        double Spread(int n)
        {
            var f = Enumerable.Range(0, 4000).Select(_ => PersonVariation.Factor(ModelParameters.Default, MeasureFamily.Vo2Max, random, n)).ToList();
            var m = f.Average();
            return Math.Sqrt(f.Sum(v => (v - m) * (v - m)) / (f.Count - 1));
        }

        var cv = ModelParameters.Default.Get("person.vo2_response_cv");
        Assert.InRange(Spread(100), 0.8 * cv / 10, 1.2 * cv / 10);
        Assert.True(Spread(1) > 3 * Spread(100));
    }

    [Fact]
    public void BandsAreOrderedReproducibleAndNameTheirDrivers()
    {
        var plan = ScenarioParser.Parse(BuiltInScenarios.Text("novice")!, "novice").ToInput();
        var bands = Uncertainty.Of(plan, 60, seed: 3, cancellation: TestContext.Current.CancellationToken);
        static IEnumerable<double> Fields(BodySnapshot b) =>
            b.Muscles.Values.SelectMany(m => new[] { m.SizeChangePercent, m.Type1Percent, m.EnduranceChangePercent, m.StrengthChangePercent })
                .Concat([b.Vo2MaxMillilitresPerKilogramPerMinute, b.BodyMassKilograms, b.FatMassKilograms, b.BoneDensityChangePercent, b.InjuryRisk]);
        Assert.All(Fields(bands.Low).Zip(Fields(bands.Median), Fields(bands.High)), t => Assert.True(t.First <= t.Second && t.Second <= t.Third));

        var point = Simulator.Run(plan).Final;
        Assert.InRange(point.Vo2MaxMillilitresPerKilogramPerMinute, bands.Low.Vo2MaxMillilitresPerKilogramPerMinute, bands.High.Vo2MaxMillilitresPerKilogramPerMinute);
        Assert.True(bands.High.Muscles["quadriceps"].SizeChangePercent > bands.Low.Muscles["quadriceps"].SizeChangePercent + 1, "guessed parameters leave a real spread");

        // Who the person is (their response among people's) multiplies the VO2max response, and the model's measured
        // discrepancy adds to it: one of the two, not a model parameter, must lead its drivers.
        Assert.Contains(bands.Drivers["vo2max"][0].Parameter, new[] { "person.vo2_response_cv", "structure.vo2_sd" });
        Assert.True(bands.Drivers["vo2max"][0].RankCorrelation > 0.5);

        var again = Uncertainty.Of(plan, 60, seed: 3, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal(Fields(bands.High), Fields(again.High));
        Assert.Throws<ArgumentOutOfRangeException>(() => Uncertainty.Of(plan, 5, cancellation: TestContext.Current.CancellationToken));
    }
}
