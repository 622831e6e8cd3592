namespace RunAdapt.Reports.Tests;

public sealed class NarrativeTests
{
    [Fact]
    public void LeadsWithTheMuscleThatGrewMost()
    {
        var findings = Narrative.Findings(new OutcomeBuilder().Size("glutes", 7).Size("calves", 3).Build());
        Assert.StartsWith("Your glutes grew most: +7.0 %", findings[0], StringComparison.Ordinal);
        Assert.Contains("calves +3.0 %", findings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void SaysSoWhenNothingGrew()
    {
        var outcome = new OutcomeBuilder().Size("quadriceps", 0.2).Size("hamstrings", 0).Size("calves", 0.1).Size("glutes", -0.1).Build();
        Assert.StartsWith("No leg muscle grew appreciably", Narrative.Findings(outcome)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void NamesShrinkingMuscles()
    {
        var findings = Narrative.Findings(new OutcomeBuilder().Size("hamstrings", -2).Build());
        Assert.Contains(findings, f => f.StartsWith("Smaller: hamstrings (-2.0 %)", StringComparison.Ordinal));
    }

    [Fact]
    public void DescribesTheIIxToIIaShift()
    {
        var findings = Narrative.Findings(new OutcomeBuilder().FinalType2X(4).Build());
        Assert.Contains(findings, f => f.Contains("from fast, fatigable IIx toward fatigue-resistant IIa", StringComparison.Ordinal) && f.Contains("IIx -8.0", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsVo2MaxChange()
    {
        var findings = Narrative.Findings(new OutcomeBuilder().Vo2(40, 44).Build());
        Assert.Contains("Aerobic fitness improved: VO2max 40.0 → 44.0 ml/kg/min (+10.0 %).", findings);
    }

    [Fact]
    public void WarnsAboutALoadSpikeNamingTheWeek()
    {
        var findings = Narrative.Findings(new OutcomeBuilder().PeakRisk(1.6).Build());
        Assert.Contains(findings, f => f.StartsWith("Watch the load: injury risk peaked at ×1.60 of baseline in week 2", StringComparison.Ordinal));
    }

    [Fact]
    public void SplitsMassChangeIntoFatAndFatFree()
    {
        var findings = Narrative.Findings(new OutcomeBuilder().Mass(73, 13.5).Build());
        Assert.Contains("Body mass 75.0 → 73.0 kg (-2.0 kg): fat -1.5 kg, fat-free mass -0.5 kg.", findings);
    }
}
