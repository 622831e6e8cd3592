using CsCheck;
using RunAdapt.Core.Outcomes;

namespace RunAdapt.Core.Tests;

public sealed class RaceTimesTests
{
    /// <summary>
    /// Rows of the VDOT table of Daniels' Running Formula (equivalent race times per VDOT), as transcribed in two public
    /// copies read 2026-11-30: VDOT 30–34 from gist.github.com/anartzdev/f8dc089091d7da98ca31c3a7caa91d04 ("Jack Daniels
    /// VDOT", ESTIMATED_PACES: 5km, 10Km, mm = half marathon, m = marathon) and VDOT 55 from
    /// gist.github.com/ayn/2916d0dcd5d8a1d79a10094f5a6cc78e (the table's row 55: 5k, 10k, HM, M).
    /// </summary>
    public static TheoryData<double, string, string, string, string> DanielsTable => new()
    {
        { 30, "30:40", "1:03:46", "2:21:04", "4:49:17" },
        { 31, "29:53", "1:02:03", "2:17:21", "4:41:57" },
        { 32, "29:05", "1:00:26", "2:13:49", "4:34:59" },
        { 33, "28:22", "58:54", "2:10:27", "4:28:22" },
        { 34, "27:39", "57:26", "2:07:16", "4:22:03" },
        { 55, "18:22", "38:06", "1:24:18", "2:56:01" },
    };

    [Theory]
    [MemberData(nameof(DanielsTable))]
    public void PredictedTimesAreWithinOnePercentOfDanielsTable(double vdot, string fiveK, string tenK, string half, string marathon)
    {
        foreach (var (race, published) in Race.Standard.Zip([fiveK, tenK, half, marathon]))
        {
            var expected = Durations.Seconds(published)!.Value;
            var predicted = RaceTimes.Seconds(race, vdot);
            Assert.True(Math.Abs(predicted / expected - 1) < 0.01, $"VDOT {vdot} {race.Name}: {Durations.Clock(predicted)}, Daniels {published}");
        }
    }

    [Fact]
    public void ATableTimeGivesBackItsVdot() =>
        Assert.Equal(55, RaceTimes.Vdot(10000, Durations.Seconds("38:06")!.Value), 0.3);

    [Fact]
    public void RiegelScalesTheTimeByTheDistanceToThePower106() =>
        Assert.Equal(40 * 60 * Math.Pow(42195 / 10000.0, 1.06), RaceTimes.Riegel(Race.Find("marathon")!, 10000, 40 * 60), 1e-6);

    [Fact]
    public void MoreFitnessIsFasterAtEveryDistanceAndEachTimeImpliesItsFitness() =>
        Gen.Select(Gen.Double[25, 85], Gen.Double[0.5, 10], Gen.Int[0, 3]).Sample((vdot, gain, i) =>
        {
            var race = Race.Standard[i];
            var time = RaceTimes.Seconds(race, vdot);
            return RaceTimes.Seconds(race, vdot + gain) < time && Math.Abs(RaceTimes.Vdot(race.Metres, time) - vdot) < 0.01;
        });

    [Theory]
    [InlineData("10K", "10 km")]
    [InlineData(" marathon ", "marathon")]
    public void RacesAreFoundByTheirKey(string key, string name) => Assert.Equal(name, Race.Find(key)!.Name);

    [Fact]
    public void AnUnknownRaceIsNotFound() => Assert.Null(Race.Find("15k"));

    [Theory]
    [InlineData("47:00", 2820)]
    [InlineData("3:05:30", 11130)]
    [InlineData("90", 90)]
    public void ClockTimesAreRead(string text, double seconds) => Assert.Equal(seconds, Durations.Seconds(text));

    [Theory]
    [InlineData("4:-1")]
    [InlineData("1:2:3:4")]
    [InlineData("fast")]
    public void WhatIsNotATimeIsNull(string text) => Assert.Null(Durations.Seconds(text));

    [Theory]
    [InlineData(-300, "-5:00")]
    [InlineData(61, "+1:01")]
    [InlineData(0.2, "0:00")]
    public void ChangesInTimeCarryTheirSign(double seconds, string text) => Assert.Equal(text, Durations.SignedClock(seconds));
}
