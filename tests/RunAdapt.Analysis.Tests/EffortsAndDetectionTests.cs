using CsCheck;
using RunAdapt.Activities;
using RunAdapt.Activities.Fit;
using RunAdapt.Core.Training;

namespace RunAdapt.Analysis.Tests;

public sealed class EffortsAndDetectionTests
{
    private static readonly DateTime T0 = new(2025, 3, 3, 7, 0, 0, DateTimeKind.Utc);

    /// <summary>A 1 Hz running activity from a speed (and altitude) per second.</summary>
    private static Activity Run(IReadOnlyList<double> speed, Func<double, double>? altitudeAtMetres = null)
    {
        var samples = new List<ActivitySample>(speed.Count);
        double distance = 0;
        for (var i = 0; i < speed.Count; i++)
        {
            distance += speed[i];
            samples.Add(new ActivitySample(T0.AddSeconds(i), DistanceMetres: distance, AltitudeMetres: altitudeAtMetres?.Invoke(distance) ?? 50));
        }

        return new Activity { SourceFormat = "test", Sport = Sport.Running, StartTimeUtc = T0, Samples = samples };
    }

    private static List<double> Steady(double speed, int seconds) => [.. Enumerable.Repeat(speed, seconds)];

    [Fact]
    public void BestEffortsFindTheFastStretch()
    {
        // 1 000 s at 4 m/s with 100 s at 5 m/s in the middle: 400 m best in 80 s, best minute 300 m.
        var speed = Steady(4, 450).Concat(Steady(5, 100)).Concat(Steady(4, 450)).ToList();
        var series = SessionBuilder.Moving(Run(speed));
        var byDistance = BestEfforts.ByDistance(series);
        Assert.Equal(80, byDistance.Single(e => e.Name == "400 m").Seconds, 1e-6);
        Assert.DoesNotContain(byDistance, e => e.Name == "5 km");
        var byTime = BestEfforts.ByDuration(series);
        Assert.Equal(300, byTime.Single(e => e.Name == "1 min").DistanceMetres, 1e-6);
        Assert.Equal((5 * 100) + (4 * 200), byTime.Single(e => e.Name == "5 min").DistanceMetres, 1e-6);
    }

    [Fact]
    public void BestEffortsLieWithinTheSpeedsRunAndGrowWithTheirLength() =>
        Gen.Double[1.5, 6].Array[1200, 2400].Sample(speeds =>
        {
            var series = SessionBuilder.Moving(Run(speeds));
            var (slowest, fastest) = (speeds.Min() - 1e-9, speeds.Max() + 1e-9);
            var byDistance = BestEfforts.ByDistance(series);
            var byTime = BestEfforts.ByDuration(series);
            return byDistance.Concat(byTime).All(e => e.SpeedMetresPerSecond >= slowest && e.SpeedMetresPerSecond <= fastest)
                && byDistance.Zip(byDistance.Skip(1)).All(p => p.Second.Seconds > p.First.Seconds)
                && byTime.Zip(byTime.Skip(1)).All(p => p.Second.DistanceMetres > p.First.DistanceMetres);
        }, iter: 30);

    [Fact]
    public void IntervalRepeatsAndTheirRestsAreFound()
    {
        // Warm-up, 6 × (90 s at 5 m/s, 60 s jog at 2.5 m/s), cool-down.
        var speed = Steady(3, 600);
        for (var k = 0; k < 6; k++)
        {
            speed.AddRange(Steady(5, 90));
            speed.AddRange(Steady(2.5, 60));
        }

        speed.AddRange(Steady(3, 600));
        var features = Detection.Detect(SessionBuilder.Moving(Run(speed)));
        Assert.Equal(6, features.Repeats.Count);
        Assert.True(features.Repeats.Count(r => !r.IsSprint) >= 3);
        Assert.All(features.Repeats, r => Assert.InRange(r.Seconds, 85, 95));
        Assert.All(features.Repeats, r => Assert.InRange(r.SpeedMetresPerSecond, 4.8, 5.01));
        Assert.All(features.Repeats.SkipLast(1), r => Assert.InRange(r.RestSeconds, 55, 65));
        Assert.All(features.Repeats.SkipLast(1), r => Assert.InRange(r.RestSpeedMetresPerSecond, 2.5, 2.7));
        Assert.False(features.IsLongRun);
    }

    [Fact]
    public void ASteadyRunHasNoRepeatsAndALongOneIsALongRun()
    {
        var features = Detection.Detect(SessionBuilder.Moving(Run(Steady(3, 100 * 60))));
        Assert.Empty(features.Repeats);
        Assert.True(features.IsLongRun);
        Assert.Empty(features.Climbs);
    }

    /// <summary>
    /// A steady or steadily progressing run with GPS noise (autocorrelated, 6 % per second) holds no intervals and no
    /// sprints: the noise and the progression are not taken for hard bouts.
    /// </summary>
    [Fact]
    public void GpsNoiseAndAProgressionAreNotIntervals() =>
        Gen.Select(Gen.Int[0, int.MaxValue], Gen.Double[2.5, 4.5], Gen.Double[0, 0.25]).Sample((seed, pace, progression) =>
        {
            var random = new Random(seed);
            double noise = 0;
            var speed = new List<double>();
            for (var t = 0; t < 2400; t++)
            {
                noise = (0.8 * noise) + (0.6 * 0.06 * ((random.NextDouble() * 2) - 1) * Math.Sqrt(3));
                speed.Add(pace * (1 + (progression * t / 2400)) * (1 + noise));
            }

            var features = Detection.Detect(SessionBuilder.Moving(Run(speed)));
            Assert.True(features.Repeats.Count == 0, $"pace {pace:0.00} progression {progression:0.00}: {string.Join("; ", features.Repeats)}");
        }, iter: 60);

    [Fact]
    public void StridesAreSprints()
    {
        var speed = Steady(3, 600);
        for (var k = 0; k < 4; k++)
        {
            speed.AddRange(Steady(7, 12));
            speed.AddRange(Steady(3, 60));
        }

        var features = Detection.Detect(SessionBuilder.Moving(Run(speed)));
        Assert.Equal(4, features.Repeats.Count);
        Assert.All(features.Repeats, r => Assert.True(r.IsSprint));
        Assert.True(features.Repeats.Count(r => !r.IsSprint) < 3);
    }

    [Fact]
    public void AHillIsOneClimbAndItsDescentIsDownhillRunning()
    {
        // 1 km flat, 1 km at 6 % (60 m up), 1 km at -6 %, 1 km flat, at 3 m/s.
        static double Altitude(double m) => m < 1000 ? 100 : m < 2000 ? 100 + (0.06 * (m - 1000)) : m < 3000 ? 160 - (0.06 * (m - 2000)) : 100;
        var features = Detection.Detect(SessionBuilder.Moving(Run(Steady(3, 4000 / 3), Altitude)));
        var climb = Assert.Single(features.Climbs);
        Assert.InRange(climb.GainMetres, 54, 60);
        Assert.InRange(climb.GradeFraction, 0.05, 0.065);
        Assert.InRange(climb.StartMetres, 950, 1050);
        Assert.InRange(features.DownhillSeconds, 250, 340); // about the 333 s of the descent
    }

    [Fact]
    public void ARealRunHasBestEffortsConsistentWithItsDistance()
    {
        var run = Assert.Single(FitDecoder.DecodeActivities(File.ReadAllBytes(Fixture("activity-small-fenix2-run.fit")), "run"));
        var series = SessionBuilder.Moving(run);
        var analysed = SessionBuilder.Analyse(run, new Athlete())!;
        Assert.Equal(analysed.DistanceMetres, series.Metres[^1], 1e-6);
        Assert.Equal(analysed.MovingSeconds, series.Seconds[^1], 1e-6);
        var efforts = BestEfforts.ByDistance(series);
        Assert.Equal(BestEfforts.Distances.Count(d => d.Metres <= analysed.DistanceMetres), efforts.Count);
        Assert.All(efforts, e => Assert.InRange(e.SpeedMetresPerSecond, analysed.DistanceMetres / analysed.MovingSeconds, 12.5));
    }

    /// <summary>
    /// hrv-activity.fit was recorded following a structured workout ("HIIT 20 X 0:30/0:15": 30 s work, 15 s recovery);
    /// the rider completed three work steps before stopping. Each work lap (its workout step's intensity is active,
    /// followed by a recovery lap) must be found by detection from the speed alone: one repeat starting within 5 s of
    /// the lap, lasting within 6 s of it, at its speed within 10 %; between two work laps the detected rest is the
    /// recovery lap within 6 s (after the last one the rider eased off, so the rest runs on).
    /// </summary>
    [Fact]
    public void DetectedIntervalsMatchTheLapsOfAStructuredWorkout()
    {
        var activity = Assert.Single(FitDecoder.DecodeActivities(File.ReadAllBytes(Fixture("hrv-activity.fit")), "hrv-activity.fit"));
        var laps = activity.Summaries.Where(s => s.Kind == SummaryKind.Lap).ToList();
        var work = laps.Select((lap, i) => (lap, next: i + 1 < laps.Count ? laps[i + 1] : null))
            .Where(p => p.lap.Intensity == LapIntensity.Active && p.next?.Intensity == LapIntensity.Recovery && p.lap.TotalTimerSeconds >= 20)
            .ToList();
        Assert.Equal(3, work.Count);

        var repeats = Detection.Detect(SessionBuilder.Moving(activity)).Repeats;
        for (var k = 0; k < work.Count; k++)
        {
            var (lap, recovery) = work[k];
            var match = Assert.Single(repeats, r => r.StartUtc is { } t && Math.Abs((t - lap.StartTimeUtc!.Value).TotalSeconds) <= 5);
            Assert.InRange(match.Seconds, lap.TotalTimerSeconds!.Value - 6, lap.TotalTimerSeconds.Value + 6);
            if (k + 1 < work.Count)
            {
                Assert.InRange(match.RestSeconds, recovery!.TotalTimerSeconds!.Value - 6, recovery.TotalTimerSeconds.Value + 6);
            }

            Assert.InRange(match.SpeedMetresPerSecond, 0.9 * lap.TotalDistanceMetres!.Value / lap.TotalTimerSeconds.Value, 1.1 * lap.TotalDistanceMetres.Value / lap.TotalTimerSeconds.Value);
        }
    }

    private static string Fixture(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "RunAdapt.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir.FullName, "tests", "fixtures", "activities", "fit", name);
    }
}
