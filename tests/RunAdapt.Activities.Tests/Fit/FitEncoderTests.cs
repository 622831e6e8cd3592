using RunAdapt.Activities.Fit;

namespace RunAdapt.Activities.Tests.Fit;

public sealed class FitEncoderTests
{
    private static Activity Single(byte[] bytes, string name) => Assert.Single(FitDecoder.DecodeActivities(bytes, name));

    [Theory]
    [InlineData("activity-small-fenix2-run.fit")]
    [InlineData("hrv-activity.fit")]
    [InlineData("garmin-fenix-5-run.fit")]
    public void WhatIsWrittenDecodesToTheSameActivity(string name)
    {
        var original = Single(File.ReadAllBytes(Corpus.Fit(name)), name);
        var copy = Single(FitEncoder.Encode(original), name);

        Assert.Empty(copy.Problems);
        Assert.Equal(original.Sport, copy.Sport);
        Assert.Equal(original.Samples.Count, copy.Samples.Count);
        for (var i = 0; i < original.Samples.Count; i++)
        {
            var (a, b) = (original.Samples[i], copy.Samples[i]);
            Assert.Equal(a.TimestampUtc, b.TimestampUtc);
            Near(a.LatitudeDegrees, b.LatitudeDegrees, 1e-6);
            Near(a.DistanceMetres, b.DistanceMetres, 0.011);
            Near(a.SpeedMetresPerSecond, b.SpeedMetresPerSecond, 0.0011);
            Near(a.AltitudeMetres, b.AltitudeMetres, 0.21);
            Near(a.HeartRateBeatsPerMinute, b.HeartRateBeatsPerMinute, 0);
            Near(a.PowerWatts, b.PowerWatts, 0);
            Near(a.GroundContactTimeSeconds, b.GroundContactTimeSeconds, 0.00011);
        }

        var laps = original.Summaries.Where(s => s.Kind == SummaryKind.Lap).ToList();
        var copiedLaps = copy.Summaries.Where(s => s.Kind == SummaryKind.Lap).ToList();
        Assert.Equal(laps.Count, copiedLaps.Count);
        Assert.Equal(laps.Select(l => l.Intensity), copiedLaps.Select(l => l.Intensity));
        Assert.Equal(laps.Select(l => l.WorkoutStepIndex), copiedLaps.Select(l => l.WorkoutStepIndex));
        Assert.All(laps.Zip(copiedLaps), p => Near(p.First.TotalTimerSeconds, p.Second.TotalTimerSeconds, 0.0011));
    }

    [Fact]
    public void ThePerceivedExertionIsWrittenAsGarminDoesAndReadBack()
    {
        var ride = Single(File.ReadAllBytes(Corpus.Fit("hrv-activity.fit")), "ride") with { PerceivedExertion = 7 };
        Assert.Equal(7, Single(FitEncoder.Encode(ride), "rated.fit").PerceivedExertion);
        Assert.Null(Single(File.ReadAllBytes(Corpus.Fit("hrv-activity.fit")), "ride").PerceivedExertion);
    }

    [Fact]
    public void AFootStrikeChannelIsWrittenAsADeveloperFieldAndReadBack()
    {
        var t0 = new DateTime(2025, 5, 1, 6, 0, 0, DateTimeKind.Utc);
        var samples = Enumerable.Range(0, 120).Select(i => new ActivitySample(t0.AddSeconds(i), DistanceMetres: 3.0 * i, FootStrikeScore: i < 60 ? 3 : 13)).ToList();
        var run = new Activity { SourceFormat = "fit", Sport = Sport.Running, StartTimeUtc = t0, Samples = samples };

        var copy = Single(FitEncoder.Encode(run), "foot-pod.fit");

        Assert.Equal(samples.Select(s => s.FootStrikeScore), copy.Samples.Select(s => s.FootStrikeScore));
        Assert.Null(Single(File.ReadAllBytes(Corpus.Fit("developer-types-sample.fit")), "stryd").Samples[100].FootStrikeScore); // Stryd's developer fields are not foot strike
    }

    private static void Near(double? expected, double? actual, double tolerance)
    {
        Assert.Equal(expected.HasValue, actual.HasValue);
        if (expected is { } e)
        {
            Assert.InRange(actual!.Value, e - tolerance, e + tolerance);
        }
    }
}
