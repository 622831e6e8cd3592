using CsCheck;
using RunAdapt.Core.Training;

namespace RunAdapt.Analysis.Tests;

public sealed class LoadAndPaceTests
{
    private static readonly DateOnly Day = new(2025, 3, 3);
    private static readonly Thresholds Anchors = new(Day, 55, 190, 3.5);

    private static double Minetti(double i) => (155.4 * Math.Pow(i, 5)) - (30.4 * Math.Pow(i, 4)) - (43.3 * Math.Pow(i, 3)) + (46.3 * i * i) + (19.5 * i) + 3.6;

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(-0.1)]
    [InlineData(0.3)]
    public void GradeAdjustedSpeedScalesByMinettiCost(double grade) =>
        Assert.Equal(3 * Minetti(grade) / 3.6, GradeAdjustedPace.EquivalentLevelSpeed(3, grade), 9);

    [Fact]
    public void DownhillAtTenPercentIsTheCheapestAndUphillCostsMore()
    {
        Assert.True(GradeAdjustedPace.EquivalentLevelSpeed(3, -0.1) < 3);
        Assert.True(GradeAdjustedPace.EquivalentLevelSpeed(3, 0.05) > 3);
    }

    [Fact]
    public void SessionEnergyIsCostTimesMassTimesDistance()
    {
        // 10 km on the level at 70 kg: 3.6 J/kg/m × 70 kg × 10 000 m = 2 520 kJ; a 5 kg vest adds 5/70 of that.
        var session = TrainingSession.Running(Day, new RunSegment(3000, 10000.0 / 3000));
        Assert.Equal(2520, GradeAdjustedPace.SessionEnergyKilojoules(session, 70), 6);
        var vest = TrainingSession.Running(Day, new RunSegment(3000, 10000.0 / 3000, CarriedLoadKilograms: 5));
        Assert.Equal(2520 * 75.0 / 70, GradeAdjustedPace.SessionEnergyKilojoules(vest, 70), 6);
    }

    [Fact]
    public void TrimpOfTheWorkedExampleFromHeartRate()
    {
        // VALIDATION #21: 60 min at 155 bpm, rest 55, max 190, male -> 117.9 ± 0.5.
        var session = TrainingSession.Running(Day, new RunSegment(3600, 3, HeartRateBeatsPerMinute: 155));
        var load = TrainingLoad.Of(session, Anchors, Sex.Male);
        Assert.Equal(LoadMethod.HeartRate, load.Method);
        Assert.Equal(117.9, load.Trimp, 0.5);
    }

    [Fact]
    public void WomenUseTheirOwnWeighting()
    {
        var x = (155.0 - 55) / (190 - 55);
        Assert.Equal(60 * x * 0.86 * Math.Exp(1.67 * x), TrainingLoad.Trimp(60, x, Sex.Female), 9);
        Assert.Equal(60 * x * 0.64 * Math.Exp(1.92 * x), TrainingLoad.Trimp(60, x, Sex.Male), 9);
    }

    [Fact]
    public void WithoutHeartRateTheLoadComesFromPaceAndSaysSo()
    {
        var atThreshold = TrainingLoad.Of(TrainingSession.Running(Day, new RunSegment(3600, 3.5)), Anchors, Sex.Male);
        Assert.Equal(LoadMethod.Pace, atThreshold.Method);
        Assert.Equal(TrainingLoad.Trimp(60, TrainingLoad.ReserveAtThreshold, Sex.Male), atThreshold.Trimp, 9);
        var easier = TrainingLoad.Of(TrainingSession.Running(Day, new RunSegment(3600, 2.8)), Anchors, Sex.Male);
        Assert.True(easier.Trimp < atThreshold.Trimp);
    }

    [Fact]
    public void OnlyADurationFallsBackToAnAssumedEffort()
    {
        var standing = TrainingLoad.Of(TrainingSession.Running(Day, new RunSegment(1800, 0)), Anchors, Sex.Male);
        Assert.Equal(LoadMethod.Duration, standing.Method);
        Assert.Equal(TrainingLoad.Trimp(30, TrainingLoad.ReserveWhenUnknown, Sex.Male), standing.Trimp, 9);
    }

    [Fact]
    public void ConstantDailyLoadApproachesItExponentially()
    {
        var days = FitnessFatigue.Series(Enumerable.Range(0, 100).Select(d => (Day.AddDays(d), 50.0)));
        Assert.Equal(100, days.Count);
        var last = days[^1];
        Assert.Equal(50 * (1 - Math.Pow(1 - (1 / 42.0), 100)), last.Fitness, 9);
        Assert.Equal(50 * (1 - Math.Pow(1 - (1 / 7.0), 100)), last.Fatigue, 9);
        Assert.Equal(days[^2].Fitness - days[^2].Fatigue, last.Form, 9);
        Assert.Equal(last.Fitness - days[^8].Fitness, last.RampPerWeek, 9);
        Assert.Equal(last.Fatigue / last.Fitness, last.AcuteChronicRatio, 9);
        Assert.True(last.Form < 0, "steady training leaves fatigue above fitness");
    }

    [Fact]
    public void RestDaysAreInTheSeriesAndSessionsOnADayAddUp()
    {
        var days = FitnessFatigue.Series([(Day, 30), (Day, 20), (Day.AddDays(3), 10)], fitnessDays: 10, fatigueDays: 2, until: Day.AddDays(5));
        Assert.Equal(6, days.Count);
        Assert.Equal(50, days[0].Load);
        Assert.Equal(0, days[1].Load);
        Assert.Equal(5, days[0].Fitness, 9);
        Assert.Equal(25, days[0].Fatigue, 9);
        Assert.True(days[5].Fatigue < days[3].Fatigue);
    }

    [Fact]
    public void ThresholdsInForceAreTheLatestOnOrBeforeTheDay()
    {
        var history = new ThresholdHistory([Anchors with { EffectiveFrom = Day.AddDays(30), HeartRateMaxBeatsPerMinute = 185 }, Anchors]);
        Assert.Equal(190, history.On(Day.AddDays(-5)).HeartRateMaxBeatsPerMinute);
        Assert.Equal(190, history.On(Day.AddDays(29)).HeartRateMaxBeatsPerMinute);
        Assert.Equal(185, history.On(Day.AddDays(30)).HeartRateMaxBeatsPerMinute);
    }

    [Fact]
    public void TimeInZonesAddsUpToTheTimeWithHeartRate()
    {
        var session = TrainingSession.Running(Day,
            new RunSegment(600, 2.8, HeartRateBeatsPerMinute: 120), // 48 % HRR: zone 1
            new RunSegment(1200, 3.3, HeartRateBeatsPerMinute: 160), // 78 %: zone 3
            new RunSegment(300, 4.0, HeartRateBeatsPerMinute: 180), // 93 %: zone 5
            new RunSegment(60, 3.0));
        Assert.Equal([600, 0, 1200, 0, 300], Zones.TimeInHeartRateZones(session, Anchors));
        Assert.Equal(2160, Zones.TimeInPaceZones(session, Anchors).Sum(), 9);
        Assert.Equal(5, Zones.PaceZone(4.0, Anchors));
    }

    [Fact]
    public void LoadGrowsWithDurationAndIntensity() =>
        Gen.Select(Gen.Double[1, 300], Gen.Double[0.05, 0.9], Gen.Double[0.01, 0.1]).Sample((minutes, x, dx) =>
            TrainingLoad.Trimp(minutes, x + dx, Sex.Male) > TrainingLoad.Trimp(minutes, x, Sex.Male)
            && TrainingLoad.Trimp(minutes * 1.5, x, Sex.Female) > TrainingLoad.Trimp(minutes, x, Sex.Female));
}
