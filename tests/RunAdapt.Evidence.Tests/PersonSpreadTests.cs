using RunAdapt.Core.Model;

namespace RunAdapt.Evidence.Tests;

/// <summary>Measuring between-person variation from the published SDs of individual change.</summary>
public sealed class PersonSpreadTests
{
    private static Outcome Outcome(string measure, double mean, Spread spread, string? versus = null) =>
        new(Measure.TryParse(measure)!, "test", 8, Unit.Pct, versus, mean, spread, new SourceRef("PMID:1", "abstract"));

    private static Study Study(params Outcome[] outcomes) =>
        new("s", "s.yaml", new Citation("A", 2000, "T", "J", null, "1", null), "endurance", "RCT", null,
            [new Arm("a", new Dictionary<string, string> { ["n"] = "12" }, "weeks: 1", outcomes)]);

    [Fact]
    public void EachFamilyIsTheMedianOfItsSdOverMeanFromIndividualChangesOnly()
    {
        var study = Study(
            Outcome("vo2max", 10, new Spread(5, null, null, null, 20, null)),                 // 0.5
            Outcome("vo2max", -8, new Spread(null, 1, null, null, 16, null)),                 // se 1 × √16 = 4 → 0.5
            Outcome("vo2max", 20, new Spread(null, null, (16, 24), null, 16, null)),          // 8/3.92 × 4 ≈ 8.16 → 0.41
            Outcome("vo2max", 10, new Spread(null, null, null, 30, null, null)),              // a between-subject SD: not a response spread
            Outcome("vo2max", 1.5, new Spread(9, null, null, null, 10, null)),                // a mean under twice the floor says nothing
            Outcome("vo2max", 10, new Spread(9, null, null, null, 10, null), versus: "b"),    // a comparison of arms has no person factor
            Outcome("quadriceps.size", 6, new Spread(6, null, null, null, 10, null)),         // 1.0
            Outcome("quadriceps.strength_1rm", 30, new Spread(9, null, null, null, 10, null)), // 0.3
            Outcome("quadriceps.endurance", 30, new Spread(9, null, null, null, 10, null)));   // no family
        var spreads = PersonSpread.Measure([study]).ToDictionary(s => s.Family);
        Assert.Equal(3, spreads[MeasureFamily.Vo2Max].Outcomes);
        Assert.Equal(0.5, spreads[MeasureFamily.Vo2Max].Cv, 3);
        Assert.Equal(1.0, spreads[MeasureFamily.Size].Cv, 3);
        Assert.Equal(0.3, spreads[MeasureFamily.Strength].Cv, 3);
        Assert.Equal(3, spreads.Count);
    }

    [Fact]
    public void AGroupIsTheOutcomesNThenTheArmsThenTen()
    {
        var study = Study(Outcome("vo2max", 10, new Spread(5, null, null, null, 20, null)), Outcome("vo2max", 10, new Spread(5, null, null, null, null, null)));
        var arm = study.Arms[0];
        Assert.Equal(20, PersonSpread.GroupSize(arm, arm.Outcomes[0]));
        Assert.Equal(12, PersonSpread.GroupSize(arm, arm.Outcomes[1]));
        var bare = arm with { Population = new Dictionary<string, string>() };
        Assert.Equal(10, PersonSpread.GroupSize(bare, arm.Outcomes[1]));
    }

    [Fact]
    public void TheDiscrepancyIsTheRobustSdOfRelativeErrorsAndASparseFamilyTakesThePooledValue()
    {
        var study = Study(
            Outcome("vo2max", 10, new Spread(5, null, null, null, 20, null)),
            Outcome("vo2max", 10, new Spread(5, null, null, null, 20, null)),
            Outcome("vo2max", 10, new Spread(5, null, null, null, 20, null)),
            Outcome("quadriceps.size", 4, new Spread(5, null, null, null, 20, null)));
        var arm = study.Arms[0];
        OutcomeResult Result(int i, double model) => new(study, arm, arm.Outcomes[i], model, ToleranceRule.For(arm.Outcomes[i]));

        // VO2max: the model says 8, 10 and 12.5 against 10 published: relative errors 0.25, 0, 0.2 → median 0.2.
        var results = new[] { Result(0, 8), Result(1, 10), Result(2, 12.5), Result(3, 0.5) };
        var measured = PersonSpread.Discrepancy(results).ToDictionary(s => s.Family);
        Assert.Equal(Math.Round(0.2 / 0.6745, 3), measured[MeasureFamily.Vo2Max].Cv, 3);
        Assert.Equal(3, measured[MeasureFamily.Vo2Max].Outcomes);

        // Size has one outcome (error |0.5 − 4| / max(0.5, floor 1) = 3.5): too few, so it takes the pooled value of all four.
        Assert.Equal(1, measured[MeasureFamily.Size].Outcomes);
        Assert.Equal(Math.Round(((0.2 + 0.25) / 2) / 0.6745, 3), measured[MeasureFamily.Size].Cv, 3);
    }
}
