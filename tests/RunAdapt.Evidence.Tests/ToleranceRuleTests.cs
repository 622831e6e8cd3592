namespace RunAdapt.Evidence.Tests;

/// <summary>The tolerance rule of evidence/README.md, with hand-computed numbers.</summary>
public sealed class ToleranceRuleTests
{
    private static Outcome With(Spread spread, Unit unit = Unit.Pct, double mean = 5, string? versus = null) =>
        new(Measure.TryParse(unit == Unit.Ratio ? "injury_risk" : "quadriceps.size")!, "test", null, unit, versus, mean, spread, new SourceRef("PMID:1", "abstract"));

    private static Spread Spread(double? sd = null, double? se = null, (double, double)? ci = null, double? between = null, int? n = null, double? published = null) =>
        new(sd, se, ci, between, n, published);

    [Fact]
    public void SdIsUsedAsItIs()
    {
        var band = ToleranceRule.For(With(Spread(sd: 2.6, se: 9, n: 7)));
        Assert.Equal((2.4, 7.6, "SD"), (band.Low, band.High, band.Basis), new Close());
    }

    [Fact]
    public void SeTimesRootN()
    {
        // 1.5 · √16 = 6
        var band = ToleranceRule.For(With(Spread(se: 1.5, n: 16)));
        Assert.Equal((-1.0, 11.0, "SE·√n"), (band.Low, band.High, band.Basis), new Close());
    }

    [Fact]
    public void CiOfTheMeanBecomesAnSd()
    {
        // (7 − 3) / 3.92 · √25 = 5.102
        var band = ToleranceRule.For(With(Spread(ci: (3, 7), n: 25)));
        Assert.Equal(5.102, band.High - 5, 3);
        Assert.Equal("95 % CI → SD", band.Basis);
    }

    [Fact]
    public void BetweenSubjectSdIsUsedAsItIsAndSaidSo()
    {
        var band = ToleranceRule.For(With(Spread(between: 3.5)));
        Assert.Equal((1.5, 8.5, "between-subject SD"), (band.Low, band.High, band.Basis), new Close());
    }

    [Theory]
    [InlineData(Unit.Pct, 1.0)]
    [InlineData(Unit.Points, 1.0)]
    [InlineData(Unit.Kg, 0.5)]
    [InlineData(Unit.MlKgMin, 1.0)]
    [InlineData(Unit.MlMin, 50)]
    public void TheFloorOfTheUnitAppliesToASmallSd(Unit unit, double floor)
    {
        var outcome = new Outcome(Measure.TryParse(unit switch { Unit.Points => "quadriceps.type1", Unit.Kg => "body_mass", Unit.MlKgMin => "vo2max", Unit.MlMin => "vo2max_abs", _ => "quadriceps.size" })!,
            "test", null, unit, null, 10, Spread(sd: 0.1), new SourceRef("PMID:1", "abstract"));
        var band = ToleranceRule.For(outcome);
        Assert.Equal(10 + floor, band.High, 9);
        Assert.Equal("SD (floor)", band.Basis);
    }

    [Fact]
    public void VersusUsesTheCiOfTheRatioDirectly()
    {
        var band = ToleranceRule.For(With(Spread(ci: (1.31, 2.05), n: 5205), Unit.Ratio, 1.64, "reference"));
        Assert.Equal((1.31, 2.05, "95 % CI"), (band.Low, band.High, band.Basis), new Close());
        Assert.True(band.Contains(2.0) && !band.Contains(2.1) && !band.Contains(1.3));
    }

    [Fact]
    public void ANarrowCiIsWidenedToTheFloorOnEachSide()
    {
        // mean 1.5, CI 1.45–1.7: the low side widens to 1.5 − 0.10 = 1.40, the high side stays 1.7.
        var band = ToleranceRule.For(With(Spread(ci: (1.45, 1.7)), Unit.Ratio, 1.5, "reference"));
        Assert.Equal((1.40, 1.70), (band.Low, band.High), new Close());
        Assert.Equal(0.10, band.HalfWidthToward(1.2), 9);
        Assert.Equal(0.20, band.HalfWidthToward(1.9), 9);
    }

    [Fact]
    public void APublishedValidationToleranceWins()
    {
        var band = ToleranceRule.For(With(Spread(sd: 9, published: 3)));
        Assert.Equal((2.0, 8.0, "published tolerance (VALIDATION.md)"), (band.Low, band.High, band.Basis), new Close());
    }

    [Fact]
    public void NoSpreadIsAnError() =>
        Assert.Throws<ArgumentException>(() => ToleranceRule.For(With(Spread(se: 1.0))));

    [Fact]
    public void PassIsInclusiveOfTheBandsEdges()
    {
        var band = ToleranceRule.For(With(Spread(sd: 3)));
        Assert.True(band.Contains(2) && band.Contains(8) && !band.Contains(8.0001));
    }

    private sealed class Close : IEqualityComparer<(double, double, string)>, IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double, string) x, (double, double, string) y) => Equals((x.Item1, x.Item2), (y.Item1, y.Item2)) && x.Item3 == y.Item3;

        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) < 1e-9 && Math.Abs(x.Item2 - y.Item2) < 1e-9;

        public int GetHashCode((double, double, string) obj) => 0;

        public int GetHashCode((double, double) obj) => 0;
    }
}
