using CsCheck;
using RunAdapt.Activities;
using RunAdapt.Core.Outcomes;

namespace RunAdapt.Analysis.Tests;

/// <summary>The device's laps: FIT lap messages and TCX laps with their totals, the rest from the samples; GPX has none; damage never throws.</summary>
public sealed class LapsTests
{
    private static string Fixture(string folder, string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "RunAdapt.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir.FullName, "tests", "fixtures", "activities", folder, name);
    }

    private static Activity Decode(string folder, string name) => Assert.Single(ActivityFormats.Decode(File.ReadAllBytes(Fixture(folder, name)), name));

    [Fact]
    public void FitLapsCarryTheDevicesTotals()
    {
        var run = Decode("fit", "activity-small-fenix2-run.fit");
        var recorded = run.Summaries.Where(s => s.Kind == SummaryKind.Lap).ToList();
        var laps = Laps.Of(run);
        Assert.Equal(recorded.Count, laps.Count);
        Assert.True(laps.Count > 1, "the corpus run has several laps");
        Assert.Equal(Enumerable.Range(1, laps.Count), laps.Select(l => l.Number));
        for (var i = 0; i < laps.Count; i++)
        {
            Assert.Equal(recorded[i].StartTimeUtc, laps[i].StartUtc);
            Assert.Equal(recorded[i].TotalDistanceMetres!.Value, laps[i].DistanceMetres, 3);
            Assert.Equal(recorded[i].TotalTimerSeconds!.Value, laps[i].Seconds, 3);
            // The lap's own mean heart rate, else the mean of its samples'.
            Assert.InRange(laps[i].AverageHeartRate!.Value, 80, 200);
            if (recorded[i].AverageHeartRateBeatsPerMinute is { } hr)
            {
                Assert.Equal(hr, laps[i].AverageHeartRate);
            }
        }

        // The laps cover the run: their distances add up to the session's.
        var session = run.Summaries.Single(s => s.Kind == SummaryKind.Session);
        Assert.Equal(session.TotalDistanceMetres!.Value, laps.Sum(l => l.DistanceMetres), 0);
    }

    [Fact]
    public void TcxLapsTakeTheirGainFromTheSamples()
    {
        var run = Decode("tcx", "test.tcx");
        var laps = Laps.Of(run);
        Assert.Equal(3, laps.Count);
        Assert.All(laps, lap =>
        {
            Assert.InRange(lap.DistanceMetres, 1000, 3000);
            Assert.InRange(lap.AverageHeartRate!.Value, 100, 200);
            // TCX laps hold no ascent: it comes from the altitude of the lap's track points.
            Assert.InRange(lap.ElevationGainMetres!.Value, 0, 200);
        });
        Assert.True(laps.Sum(l => l.ElevationGainMetres) > 0, "the run climbs");
        var cells = Laps.Cells(laps[0], DistanceUnit.Miles);
        Assert.Equal(Laps.Columns(DistanceUnit.Miles).Count, cells.Count);
        Assert.EndsWith(" mi", cells[1], StringComparison.Ordinal);
        Assert.DoesNotContain(cells.Concat(Laps.Columns(DistanceUnit.Miles)), c => c.Contains("km", StringComparison.Ordinal));
    }

    [Fact]
    public void GpxHasNoLaps() => Assert.Empty(Laps.Of(Decode("gpx", "cerknicko-jezero.gpx")));

    /// <summary>Laps with any numbers a damaged file may hold (NaN, negative, huge, dates out of order) give finite laps, never an exception.</summary>
    [Fact]
    public void DamagedLapsGiveFiniteLapsAndNeverThrow()
    {
        var start = new DateTime(2024, 5, 1, 7, 0, 0, DateTimeKind.Utc);
        var number = Gen.OneOf(Gen.Const(double.NaN), Gen.Const(double.PositiveInfinity), Gen.Const(-1.0), Gen.Const(1e300), Gen.Double[0, 5000]).Nullable();
        var summary = Gen.Select(Gen.Int[-100_000, 100_000].Nullable(), Gen.Select(number, number, number), Gen.Select(number, number, Gen.Int[-50_000, 50_000].Nullable()))
            .Select((offset, a, b) => new ActivitySummary
            {
                Kind = SummaryKind.Lap, StartTimeUtc = offset is { } o ? start.AddSeconds(o) : null, TotalTimerSeconds = a.Item1, TotalElapsedSeconds = a.Item2,
                TotalDistanceMetres = a.Item3, AverageHeartRateBeatsPerMinute = b.Item1, TotalAscentMetres = b.Item2, TimestampUtc = b.Item3 is { } t ? start.AddSeconds(t) : null,
            });
        var sample = Gen.Select(Gen.Int[-5000, 5000], number, number, number)
            .Select((t, d, h, alt) => new ActivitySample(start.AddSeconds(t), DistanceMetres: d, HeartRateBeatsPerMinute: h, AltitudeMetres: alt));
        Gen.Select(summary.List[0, 40], sample.List[0, 200]).Sample((summaries, samples) =>
        {
            var laps = Laps.Of(new Activity { SourceFormat = "fit", Samples = samples, Summaries = summaries });
            Assert.True(laps.Count <= summaries.Count);
            Assert.All(laps, lap =>
            {
                Assert.True(double.IsFinite(lap.Seconds) && lap.Seconds >= 0, $"seconds {lap.Seconds}");
                Assert.True(double.IsFinite(lap.DistanceMetres) && lap.DistanceMetres >= 0, $"distance {lap.DistanceMetres}");
                Assert.True(lap.AverageHeartRate is null || double.IsFinite(lap.AverageHeartRate.Value));
                Assert.True(lap.ElevationGainMetres is null || (double.IsFinite(lap.ElevationGainMetres.Value) && lap.ElevationGainMetres >= 0));
                Assert.Equal(Laps.Columns(DistanceUnit.Kilometres).Count, Laps.Cells(lap, DistanceUnit.Kilometres).Count);
            });
        }, iter: 300);
    }

    /// <summary>A file declaring a million laps over a long track is read in time, and only <see cref="Laps.MostLaps"/> of them.</summary>
    [Fact]
    public void AMillionLapsAreCutAndReadInTime()
    {
        var start = new DateTime(2024, 5, 1, 7, 0, 0, DateTimeKind.Utc);
        var samples = Enumerable.Range(0, 200_000).Select(i => new ActivitySample(start.AddSeconds(i), DistanceMetres: i * 3.0, HeartRateBeatsPerMinute: 150, AltitudeMetres: i % 100)).ToList();
        // Every lap covers the whole track: a per-lap scan of the samples would take 10 000 × 200 000 steps.
        var summary = new ActivitySummary { Kind = SummaryKind.Lap, StartTimeUtc = start, TotalElapsedSeconds = 200_000 };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var laps = Laps.Of(new Activity { SourceFormat = "fit", Samples = samples, Summaries = Enumerable.Repeat(summary, 1_000_000).ToList() });
        Assert.Equal(Laps.MostLaps, laps.Count);
        // ≈ 2 s here; a scan of the samples per lap would read 10 000 × 200 000 samples (≈ 240 GB), minutes.
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 15);
        Assert.Equal(599_997, laps[0].DistanceMetres, 0);
    }
}
