using CsCheck;
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

    /// <summary>
    /// A foot pod's foot-strike score, written into a real run as a FIT developer field and decoded back, sets each
    /// segment's foot strike; where the pod is silent the segment keeps the athlete's habitual one (null). The model
    /// then loads the calves more on the measured forefoot run than on the same run with no measurement.
    /// </summary>
    [Fact]
    public void FootStrikeComesFromTheFootPodWhereItRecordedAndFromTheProfileElsewhere()
    {
        var run = Assert.Single(FitDecoder.DecodeActivities(File.ReadAllBytes(Fixture("activity-small-fenix2-run.fit")), "run"));
        var start = run.Samples[0].TimestampUtc;
        var withPod = run with
        {
            // A forefoot score (13) for the first 20 minutes, then the pod's battery died.
            Samples = [.. run.Samples.Select(s => (s.TimestampUtc - start).TotalMinutes < 20 ? s with { FootStrikeScore = 13 } : s)],
        };
        var decoded = Assert.Single(FitDecoder.DecodeActivities(FitEncoder.Encode(withPod), "pod.fit"));

        var segments = SessionBuilder.Analyse(decoded, new Athlete())!.Session.Run;
        Assert.Equal(FootStrike.Forefoot, segments[0].FootStrike);
        Assert.Null(segments[^1].FootStrike);
        Assert.InRange(segments.Count(s => s.FootStrike == FootStrike.Forefoot), 15, 21);

        var rearfootRunner = new Athlete { FootStrike = FootStrike.Rearfoot };
        double Calves(Activity a)
        {
            // The same run three times a week for eight weeks.
            var session = SessionBuilder.Analyse(a, rearfootRunner)!.Session;
            var sessions = Enumerable.Range(0, 24).Select(k => session with { Date = session.Date.AddDays((k / 3 * 7) + (k % 3 * 2)) }).ToList();
            return Simulator.Run(SimulationInput.ForHistory(rearfootRunner, sessions)).Final.Muscles["calves"].SizeChangePercent;
        }

        Assert.True(Calves(decoded) > Calves(run), $"measured forefoot {Calves(decoded)} vs unmeasured {Calves(run)}");
    }

    /// <summary>
    /// The watch's cadence (Garmin: strides of one foot a minute) becomes steps a minute on each segment; an app that
    /// records steps is not doubled. The model reads the step length from it: the same run recorded at a 10 % higher
    /// cadence (shorter steps) loads the knee less.
    /// </summary>
    [Fact]
    public void RecordedCadenceBecomesStepsPerMinuteAndSetsTheStepLength()
    {
        var run = Assert.Single(FitDecoder.DecodeActivities(File.ReadAllBytes(Fixture("activity-small-fenix2-run.fit")), "run"));
        var athlete = new Athlete { HeightCentimetres = 175 };
        var analysed = SessionBuilder.Analyse(run, athlete)!;
        var segments = analysed.Session.Run;
        Assert.InRange(analysed.Analysis.StepsPerMinute!.Value, 150, 185);
        Assert.All(segments, s => Assert.InRange(s.StepsPerMinute!.Value, 90, 200)); // minutes with walking breaks included
        Assert.InRange(segments.Select(s => s.StepsPerMinute!.Value).Order().ElementAt(segments.Count / 2), 150, 185);
        var steps = run with { Samples = [.. run.Samples.Select(s => s with { CadencePerMinute = s.CadencePerMinute * 2 })] };
        Assert.Equal(segments.Select(s => s.StepsPerMinute), SessionBuilder.Analyse(steps, athlete)!.Session.Run.Select(s => s.StepsPerMinute));

        var bio = new Biomechanics(ModelParameters.Default);
        var typical = segments.Select(s => bio.StepLengthRatio(s, athlete.HeightCentimetres)).Order().ElementAt(segments.Count / 2);
        Assert.InRange(typical, 0.9, 1.1); // this runner's steps are close to the natural ones for their speed
        var quicker = run with { Samples = [.. run.Samples.Select(s => s with { CadencePerMinute = s.CadencePerMinute * 1.1 })] };
        var quickerSegments = SessionBuilder.Analyse(quicker, athlete)!.Session.Run;
        Assert.All(quickerSegments.Zip(segments), p => Assert.Equal(p.Second.StepsPerMinute!.Value * 1.1, p.First.StepsPerMinute!.Value, 1e-6));
        var quickerTypical = quickerSegments.Select(s => bio.StepLengthRatio(s, athlete.HeightCentimetres)).Order().ElementAt(segments.Count / 2);
        Assert.Equal(typical / 1.1, quickerTypical, 0.01);
        double KneeIndexAfterASwitch(IReadOnlyList<RunSegment> last)
        {
            // Eight weeks of the natural run three times a week, then one week of the other.
            var natural = new TrainingSession(new DateOnly(2025, 1, 6), segments, [], []);
            var sessions = Enumerable.Range(0, 27).Select(k => (k < 24 ? natural : natural with { Run = last }) with { Date = natural.Date.AddDays((k / 3 * 7) + (k % 3 * 2)) }).ToList();
            return Simulator.Run(SimulationInput.ForHistory(athlete, sessions)).Final.JointLoadIndex;
        }

        Assert.True(KneeIndexAfterASwitch(quickerSegments) < KneeIndexAfterASwitch(segments), "shorter, quicker steps lower the knee's load");
    }

    /// <summary>
    /// Hostile samples — shuffled and repeated times, NaN, infinite, negative and huge values in any channel — never
    /// make the analysis throw, and what it returns is finite: a damaged file must not stop an import.
    /// </summary>
    [Fact]
    public void HostileSamplesNeverBreakTheAnalysis()
    {
        var run = Assert.Single(FitDecoder.DecodeActivities(File.ReadAllBytes(Fixture("activity-small-fenix2-run.fit")), "run"));
        double?[] odd = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1e9, 1e12, 0, null];
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            double? Mess(double? v) => random.Next(8) == 0 ? odd[random.Next(odd.Length)] : v;
            var samples = run.Samples.Take(600).Select(x => random.Next(20) == 0
                ? x with { TimestampUtc = x.TimestampUtc.AddSeconds(random.Next(-300, 300)) }
                : x with
                {
                    DistanceMetres = Mess(x.DistanceMetres), AltitudeMetres = Mess(x.AltitudeMetres), HeartRateBeatsPerMinute = Mess(x.HeartRateBeatsPerMinute),
                    SpeedMetresPerSecond = Mess(x.SpeedMetresPerSecond), LatitudeDegrees = Mess(x.LatitudeDegrees), FootStrikeScore = Mess(x.FootStrikeScore),
                    CadencePerMinute = Mess(x.CadencePerMinute),
                }).ToList();
            var analysed = SessionBuilder.Analyse(run with { Samples = samples, PerceivedExertion = Mess(5) }, new Athlete());
            if (analysed is not null)
            {
                Assert.True(double.IsFinite(analysed.DistanceMetres) && double.IsFinite(analysed.MovingSeconds) && double.IsFinite(analysed.ElevationGainMetres));
                Assert.True(double.IsFinite(analysed.Analysis.Load.Trimp) && analysed.Analysis.Load.Trimp >= 0);
                Assert.All(analysed.Session.Run, r => Assert.True(double.IsFinite(r.SpeedMetresPerSecond) && double.IsFinite(r.GradeFraction) && r.DurationSeconds > 0
                    && (r.StepsPerMinute is null || (r.StepsPerMinute >= 30 && r.StepsPerMinute <= 520))));
                Assert.All(analysed.Analysis.HeartRateZoneSeconds, z => Assert.True(double.IsFinite(z)));
            }
        }, iter: 200);
    }

    /// <summary>Every file in the corpus's <c>bad/</c> folder decodes (or is rejected) and is analysed within seconds.</summary>
    [Fact]
    public async Task HostileFilesAreAnalysedInTime()
    {
        var folder = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Fixture("x.fit")))!, "bad");
        foreach (var path in Directory.GetFiles(folder))
        {
            var work = Task.Run(() =>
            {
                try
                {
                    foreach (var activity in ActivityFormats.Decode(File.ReadAllBytes(path), path))
                    {
                        SessionBuilder.Analyse(activity, new Athlete());
                        Assert.All(Laps.Of(activity), lap => Assert.True(double.IsFinite(lap.Seconds) && double.IsFinite(lap.DistanceMetres)));
                    }
                }
                catch (ActivityFormatException)
                {
                    // Rejected as a bad file: that is a clean outcome too.
                }
            }, TestContext.Current.CancellationToken);
            var finished = await Task.WhenAny(work, Task.Delay(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken));
            Assert.True(finished == work, $"{Path.GetFileName(path)}: the analysis did not finish");
            await work;
        }
    }

    /// <summary>A run the user marks as carried-load: every segment carries the mass, and the energy grows with body plus load.</summary>
    [Fact]
    public void AMarkedCarriedLoadReachesEverySegmentAndTheEnergy()
    {
        var run = Assert.Single(FitDecoder.DecodeActivities(File.ReadAllBytes(Fixture("activity-small-fenix2-run.fit")), "run"));
        var athlete = new Athlete { MassKilograms = 70 };
        var plain = SessionBuilder.Analyse(run, athlete)!;
        var vest = SessionBuilder.Analyse(run, athlete, carriedLoadKilograms: 7)!;

        Assert.All(vest.Session.Run, s => Assert.Equal(7, s.CarriedLoadKilograms));
        Assert.All(plain.Session.Run, s => Assert.Equal(0, s.CarriedLoadKilograms));
        Assert.Equal(7, vest.Analysis.CarriedLoadKilograms);
        Assert.Equal(plain.Analysis.EnergyKilojoules * 77 / 70, vest.Analysis.EnergyKilojoules, 6);
        // About 1 kcal per kg per km on the level (Margaria 1963); Minetti's level cost, 3.6 J/kg/m, is 0.86 of that.
        Assert.InRange(plain.Analysis.EnergyKilojoules / 4.184, 0.8 * 70 * plain.DistanceMetres / 1000, 1.2 * 70 * plain.DistanceMetres / 1000);
        Assert.Throws<ArgumentOutOfRangeException>(() => SessionBuilder.Analyse(run, athlete, carriedLoadKilograms: -1));
    }

    /// <summary>
    /// Smart recording and chunky distance: a device that updates distance every third second, and leaves a 20 s gap
    /// while the runner keeps going, is moving all along; a 60 s gap without progress (auto-pause) is not.
    /// </summary>
    /// <summary>
    /// Load falls back from heart rate to the athlete's rating of perceived exertion before the bare duration: a ride
    /// without heart rate, rated 8, weighs more than the same ride rated 3, and both say how they were estimated.
    /// </summary>
    [Fact]
    public void APerceivedExertionRatingIsTheLoadsFallbackBeforeTheDuration()
    {
        var ride = Assert.Single(FitDecoder.DecodeActivities(File.ReadAllBytes(Fixture("hrv-activity.fit")), "ride"));
        var withoutHeartRate = ride with { Samples = [.. ride.Samples.Select(x => x with { HeartRateBeatsPerMinute = null })] };
        var athlete = new Athlete();
        var hard = SessionBuilder.Analyse(withoutHeartRate with { PerceivedExertion = 8 }, athlete)!.Analysis.Load;
        var easy = SessionBuilder.Analyse(withoutHeartRate with { PerceivedExertion = 3 }, athlete)!.Analysis.Load;
        var unrated = SessionBuilder.Analyse(withoutHeartRate, athlete)!.Analysis.Load;
        var measured = SessionBuilder.Analyse(ride with { PerceivedExertion = 3 }, athlete)!.Analysis.Load;

        Assert.Equal(LoadMethod.PerceivedEffort, hard.Method);
        Assert.True(hard.Trimp > 2 * easy.Trimp, $"{hard.Trimp} vs {easy.Trimp}");
        Assert.Equal(LoadMethod.Duration, unrated.Method);
        Assert.Equal(LoadMethod.HeartRate, measured.Method); // recorded heart rate wins over the rating
    }

    [Fact]
    public void ChunkyDistanceAndSmartRecordingGapsAreMovingButAPauseIsNot()
    {
        var t0 = new DateTime(2024, 6, 1, 6, 0, 0, DateTimeKind.Utc);
        var samples = new List<ActivitySample>();
        double metres = 0;
        var t = 0;
        void Run(int seconds)
        {
            for (var k = 0; k < seconds; k++, t++)
            {
                samples.Add(new ActivitySample(t0.AddSeconds(t), DistanceMetres: Math.Floor(metres / 9) * 9)); // 9 m chunks at 3 m/s
                metres += 3;
            }
        }

        Run(600);
        t += 20; // smart recording: 20 s without a sample, 60 m further on
        metres += 60;
        Run(300);
        t += 60; // auto-pause: a minute later, no further
        Run(300);

        var analysed = SessionBuilder.Analyse(new Activity { SourceFormat = "test", Sport = Sport.Running, Samples = samples }, new Athlete())!;
        Assert.InRange(analysed.MovingSeconds, 600 + 20 + 300 + 300 - 5, 600 + 20 + 300 + 300 + 1);
        Assert.InRange(analysed.DistanceMetres, 3 * 1220 - 20, 3 * 1220 + 1);
    }

    private static readonly string[] DeviceAscentFiles =
    [
        "activity-small-fenix2-run.fit", // Fenix 2 running, noisy altitude: smoothed
        "2013-02-06-12-11-14.fit", // Forerunner 110, GPS only, smart recording, steep hiking
        "garmin-edge-500-activity.fit", // Edge 500 cycling, barometric: kept raw
        "coros-pace-2-cycling-misaligned-fields.fit", // Coros Pace 2 cycling
        "activity-large-fenxi2-multisport.fit", // Fenix 2 multisport: the sessions' ascents added up
    ];

    public static TheoryData<string> FilesWithDeviceAscent() => [.. DeviceAscentFiles];

    /// <summary>
    /// Every corpus activity whose device reports an ascent of 50 m or more: our gain is within 10 % of the device's
    /// total (the sum over its sessions). Smaller totals are dominated by the altimeter's resolution.
    /// </summary>
    [Theory]
    [MemberData(nameof(FilesWithDeviceAscent))]
    public void ElevationGainIsWithinTenPercentOfTheDeviceTotal(string name)
    {
        var activity = Assert.Single(FitDecoder.DecodeActivities(File.ReadAllBytes(Fixture(name)), name));
        var device = activity.Summaries.Where(s => s.Kind == SummaryKind.Session).Sum(s => s.TotalAscentMetres ?? 0);
        Assert.True(device >= 50, $"{name}: device ascent {device} m");
        var gain = SessionBuilder.Analyse(activity, new Athlete())!.ElevationGainMetres;
        Assert.InRange(gain, device * 0.9, device * 1.1);
    }

    [Fact]
    public void EveryCorpusActivityWithALargeDeviceAscentIsInTheElevationTest()
    {
        foreach (var path in Directory.EnumerateFiles(Path.GetDirectoryName(Fixture("x.fit"))!, "*.fit"))
        {
            if (TryDecode(path).Any(a => a.Summaries.Where(s => s.Kind == SummaryKind.Session).Sum(s => s.TotalAscentMetres ?? 0) >= 50))
            {
                Assert.Contains(Path.GetFileName(path), DeviceAscentFiles);
            }
        }
    }

    private static IReadOnlyList<Activity> TryDecode(string path)
    {
        try
        {
            return FitDecoder.DecodeActivities(File.ReadAllBytes(path), path);
        }
        catch (InvalidActivityFileException)
        {
            return [];
        }
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

    /// <summary>A multisport file named a run by its export: its bike leg is no running best effort (it gave a 400 m in 0:36).</summary>
    [Fact]
    public void AMultisportBikeLegIsNotARunningBestEffort()
    {
        var start = new DateTime(2024, 6, 1, 8, 0, 0, DateTimeKind.Utc);
        // Ten minutes on the bike at 10 m/s, then ten minutes running at 3.5 m/s, distance accumulated across both.
        var samples = Enumerable.Range(0, 1201).Select(t => new ActivitySample(start.AddSeconds(t), DistanceMetres: t <= 600 ? 10.0 * t : 6000 + (3.5 * (t - 600)), HeartRateBeatsPerMinute: 150)).ToList();
        var activity = new Activity
        {
            SourceFormat = "test", Sport = Sport.Running, StartTimeUtc = start, Samples = samples,
            Summaries =
            [
                new ActivitySummary { Kind = SummaryKind.Session, Sport = Sport.Cycling, StartTimeUtc = start, TimestampUtc = start.AddSeconds(600) },
                new ActivitySummary { Kind = SummaryKind.Session, Sport = Sport.Running, StartTimeUtc = start.AddSeconds(601), TimestampUtc = start.AddSeconds(1200) },
            ],
        };
        var analysed = SessionBuilder.Analyse(activity, new Athlete())!;
        var fourHundred = Assert.Single(analysed.Analysis.BestEfforts, e => e.Name == "400 m");
        Assert.InRange(fourHundred.Seconds, 400 / 3.6, 400 / 3.4);

        // Split by sport for the model: the run leg is running, the bike leg cross-training; the distance run is the run leg's.
        var ride = Assert.Single(analysed.Session.Cross);
        Assert.Equal(CrossTrainingMode.Cycling, ride.Mode);
        Assert.InRange(ride.DurationSeconds, 590, 600);
        Assert.InRange(analysed.Session.Run.Sum(r => r.DurationSeconds), 590, 600);
        Assert.All(analysed.Session.Run, r => Assert.InRange(r.SpeedMetresPerSecond, 3.4, 3.6));
        Assert.InRange(analysed.Analysis.RunningMetres!.Value, 0.98 * 2100, 2100);
        Assert.Equal(RunKind.Easy, analysed.Analysis.Kind);
    }

    /// <summary>
    /// The corpus's Fenix 2 multisport file (a generic leg, transitions, two running legs and a bike leg): transitions
    /// are left out, the bike leg is cycling, the rest is running, and the distance run leaves the bike's 28.9 km out.
    /// </summary>
    [Fact]
    public void TheCorpusMultisportFileIsSplitBySport()
    {
        var activity = Assert.Single(FitDecoder.DecodeActivities(File.ReadAllBytes(Fixture("activity-large-fenxi2-multisport.fit")), "multisport"));
        var analysed = SessionBuilder.Analyse(activity, new Athlete())!;
        Assert.Equal(CrossTrainingMode.Cycling, Assert.Single(analysed.Session.Cross).Mode);
        Assert.NotEmpty(analysed.Session.Run);
        Assert.True(analysed.Analysis.RunningMetres < analysed.DistanceMetres - 20_000, $"{analysed.Analysis.RunningMetres} of {analysed.DistanceMetres} m run");
        Assert.Equal(analysed.Analysis.RunningMetres!.Value, analysed.Session.Run.Sum(r => r.DistanceMetres), 1);
    }
}

