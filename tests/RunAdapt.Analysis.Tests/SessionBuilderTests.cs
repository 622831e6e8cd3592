using RunAdapt.Activities;
using RunAdapt.Activities.Fit;
using RunAdapt.Core.Model;
using RunAdapt.Core.Training;

namespace RunAdapt.Analysis.Tests;

public sealed class SessionBuilderTests
{
    private static string Fixture(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "RunAdapt.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir.FullName, "tests", "fixtures", "activities", "fit", name);
    }

    [Fact]
    public void ARecordedRunBecomesSteadySegmentsMatchingTheDeviceTotals()
    {
        var run = Assert.Single(FitDecoder.DecodeActivities(File.ReadAllBytes(Fixture("activity-small-fenix2-run.fit")), "run"));
        var session = Assert.Single(run.Summaries, s => s.Kind == SummaryKind.Session);
        var analysed = SessionBuilder.Analyse(run, new Athlete())!;
        Assert.Equal(session.TotalDistanceMetres!.Value, analysed.DistanceMetres, session.TotalDistanceMetres.Value * 0.03);
        Assert.InRange(analysed.MovingSeconds, session.TotalTimerSeconds!.Value * 0.9, session.TotalTimerSeconds.Value * 1.02);
        Assert.All(analysed.Session.Run, s => Assert.InRange(s.SpeedMetresPerSecond, 0.5, 12.5));
        Assert.Equal(analysed.DistanceMetres, analysed.Session.Run.Sum(s => s.DistanceMetres), 1);
    }

    [Fact]
    public void ElevationGainIsWithinTenPercentOfTheDeviceTotal()
    {
        var run = Assert.Single(FitDecoder.DecodeActivities(File.ReadAllBytes(Fixture("activity-small-fenix2-run.fit")), "run"));
        var device = run.Summaries.Single(s => s.Kind == SummaryKind.Session).TotalAscentMetres!.Value;
        var gain = SessionBuilder.Analyse(run, new Athlete())!.ElevationGainMetres;
        Assert.InRange(gain, device * 0.9, device * 1.1);
    }

    [Fact]
    public void GpsJumpsAndPausesAreNotRunning()
    {
        var t0 = new DateTime(2025, 1, 6, 8, 0, 0, DateTimeKind.Utc);
        var samples = new List<ActivitySample>();
        double distance = 0;
        for (var i = 0; i < 600; i++)
        {
            distance += i == 300 ? 500 : 3; // one 500 m GPS jump
            var time = t0.AddSeconds(i < 400 ? i : i + 120); // a two-minute pause
            samples.Add(new ActivitySample(time, DistanceMetres: distance, AltitudeMetres: 100));
        }

        var analysed = SessionBuilder.Analyse(new Activity { SourceFormat = "test", Sport = Sport.Running, Samples = samples }, new Athlete())!;
        Assert.Equal(597 * 3, analysed.DistanceMetres, 1); // 599 steps, less the jump and the pause
        Assert.Equal(597, analysed.MovingSeconds, 1);
    }

    [Fact]
    public void TrimpOfTheWorkedExample() =>
        Assert.Equal(117.9, new Physiology(ModelParameters.Default).Trimp(60, (155.0 - 55) / (190 - 55), Sex.Male), 1);
}
