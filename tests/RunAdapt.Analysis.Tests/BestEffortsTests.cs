using RunAdapt.Activities;
using RunAdapt.Activities.Fit;

namespace RunAdapt.Analysis.Tests;

public sealed class BestEffortsTests
{
    [Fact]
    public void EvenPaceGivesDistanceOverSpeed()
    {
        var t0 = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var samples = Enumerable.Range(0, 3601).Select(i => new ActivitySample(t0.AddSeconds(i), DistanceMetres: i * 3.5)).ToList();
        var byDistance = BestEfforts.ByDistance(samples);
        Assert.Equal(5000 / 3.5, byDistance.Single(e => e.DistanceMetres == 5000).Seconds, 0.6);
        Assert.DoesNotContain(byDistance, e => e.DistanceMetres > 3600 * 3.5);
        var byDuration = BestEfforts.ByDuration(samples);
        Assert.Equal(600 * 3.5, byDuration.Single(e => e.Seconds == 600).DistanceMetres, 1);
    }

    [Fact]
    public void AFastMiddleSectionIsFound()
    {
        var t0 = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        double d = 0;
        var samples = new List<ActivitySample>();
        for (var i = 0; i <= 1800; i++)
        {
            samples.Add(new ActivitySample(t0.AddSeconds(i), DistanceMetres: d));
            d += i is >= 600 and < 900 ? 5.0 : 3.0; // five fast minutes
        }

        Assert.Equal(1000 / 5.0, BestEfforts.ByDistance(samples).Single(e => e.DistanceMetres == 1000).Seconds, 0.6);
        Assert.Equal(300 * 5.0, BestEfforts.ByDuration(samples).Single(e => e.Seconds == 300).DistanceMetres, 1);
    }

    [Fact]
    public void ARealRunsBestEffortsAreConsistent()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "RunAdapt.slnx")))
        {
            dir = dir.Parent;
        }

        var run = Assert.Single(FitDecoder.DecodeActivities(File.ReadAllBytes(Path.Combine(dir.FullName, "tests", "fixtures", "activities", "fit", "activity-small-fenix2-run.fit")), "run"));
        var efforts = BestEfforts.ByDistance(run.Samples);
        Assert.Contains(efforts, e => e.DistanceMetres == 5000);
        Assert.DoesNotContain(efforts, e => e.DistanceMetres == 10000); // the run is 9 km
        // Within one run a longer distance always takes longer.
        Assert.True(efforts.Zip(efforts.Skip(1)).All(p => p.Second.Seconds > p.First.Seconds));
    }
}
