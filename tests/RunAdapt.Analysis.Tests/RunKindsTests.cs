using RunAdapt.Activities;
using RunAdapt.Activities.Fit;
using RunAdapt.Core.Scenarios;
using RunAdapt.Core.Training;

namespace RunAdapt.Analysis.Tests;

/// <summary>Session kinds runners recognise, on synthetic runs, the corpus's structured workout, and planned sessions.</summary>
public sealed class RunKindsTests
{
    private static readonly DateTime T0 = new(2025, 3, 3, 7, 0, 0, DateTimeKind.Utc);

    /// <summary>Threshold speed 3.5 m/s (4:46/km): tempo from 3.22 m/s, a 30-min race from ≈ 3.53 m/s.</summary>
    private static readonly ThresholdHistory Anchors = new([new Thresholds(DateOnly.MinValue, 55, 190, 3.5)]);

    /// <summary>A 1 Hz run from (speed, grade) per second, without heart rate (so effort is judged by pace).</summary>
    private static Activity Run(IEnumerable<(double Speed, double Grade)> seconds)
    {
        var samples = new List<ActivitySample>();
        double distance = 0, altitude = 100;
        var i = 0;
        foreach (var (speed, grade) in seconds)
        {
            distance += speed;
            altitude += speed * grade;
            samples.Add(new ActivitySample(T0.AddSeconds(i++), DistanceMetres: distance, AltitudeMetres: altitude));
        }

        return new Activity { SourceFormat = "test", Sport = Sport.Running, StartTimeUtc = T0, Samples = samples };
    }

    private static IEnumerable<(double, double)> For(int seconds, double speed, double grade = 0) => Enumerable.Repeat((speed, grade), seconds);

    private static RunKind? KindOf(Activity activity) => SessionBuilder.Analyse(activity, new Athlete(), Anchors)!.Analysis.Kind;

    [Fact]
    public void RecordedRunsAreNamedAsRunnersWould()
    {
        var easy = For(2400, 2.8);
        Assert.Equal(RunKind.Easy, KindOf(Run(easy)));
        // One minute at 3 % (and back down) is a bump, not a hill session: it made every run of a hilly runner "hills".
        Assert.Equal(RunKind.Easy, KindOf(Run(For(1200, 2.8).Concat(For(60, 2.8, 0.03)).Concat(For(60, 2.8, -0.03)).Concat(For(1080, 2.8)))));
        Assert.Equal(RunKind.Long, KindOf(Run(For(100 * 60, 2.8))));
        Assert.Equal(RunKind.Tempo, KindOf(Run(For(600, 2.8).Concat(For(20 * 60, 3.4)).Concat(For(600, 2.8)))));
        Assert.Equal(RunKind.Race, KindOf(Run(For(30 * 60, 3.6))));
        var intervals = For(600, 2.8).Concat(Enumerable.Range(0, 6).SelectMany(_ => For(180, 4.2).Concat(For(120, 2.5)))).Concat(For(600, 2.8));
        Assert.Equal(RunKind.Intervals, KindOf(Run(intervals)));
        // Intervals with walking recoveries are still intervals when the bouts are hard (4.2 m/s ≥ tempo pace)…
        var walkRecoveries = For(600, 2.8).Concat(Enumerable.Range(0, 6).SelectMany(_ => For(180, 4.2).Concat(For(120, 1.3)))).Concat(For(600, 2.8));
        Assert.Equal(RunKind.Intervals, KindOf(Run(walkRecoveries)));
        // …but a trail walk/run — easy running on the flats, walking the climbs — is not.
        var walkRun = Enumerable.Range(0, 8).SelectMany(_ => For(150, 2.6).Concat(For(240, 1.2, 0.08)).Concat(For(60, 2.6, -0.05)));
        Assert.NotEqual(RunKind.Intervals, KindOf(Run(walkRun)));
        // …nor an easy run over rolling hills, fastest on its descents.
        var rolling = Enumerable.Range(0, 6).SelectMany(_ => For(200, 2.4, 0.05).Concat(For(90, 3.4, -0.06)).Concat(For(120, 2.6)));
        Assert.NotEqual(RunKind.Intervals, KindOf(Run(rolling)));
        // …nor surges of any length (a fartlek): 25 s, 70 s, 3 min and 40 s are not three alike.
        var fartlek = For(600, 2.8).Concat(For(25, 4.2)).Concat(For(300, 2.8)).Concat(For(70, 4.2)).Concat(For(300, 2.8)).Concat(For(180, 4.2)).Concat(For(300, 2.8)).Concat(For(40, 4.2)).Concat(For(600, 2.8));
        Assert.NotEqual(RunKind.Intervals, KindOf(Run(fartlek)));
        var strides = For(1800, 2.8).Concat(Enumerable.Range(0, 4).SelectMany(_ => For(15, 5.5).Concat(For(75, 2.5))));
        Assert.Equal(RunKind.Strides, KindOf(Run(strides)));
        // Five repeats of one hill: 90 s up at 6 % (≈ 16 m of gain), jogging back down.
        var hills = For(600, 2.8).Concat(Enumerable.Range(0, 5).SelectMany(_ => For(90, 3, 0.06).Concat(For(120, 2.25, -0.06)))).Concat(For(600, 2.8));
        Assert.Equal(RunKind.Hills, KindOf(Run(hills)));
    }

    /// <summary>
    /// The corpus's structured workout: hrv-activity.fit followed "HIIT 20 X 0:30/0:15" (a ride; its laps carry the
    /// workout steps' intensities). Read as a run — the kinds are for running — it is intervals, and its kind agrees
    /// with its laps: at least three active laps each followed by a recovery lap.
    /// </summary>
    [Fact]
    public void TheCorpusStructuredWorkoutIsIntervals()
    {
        var workout = Assert.Single(FitDecoder.DecodeActivities(File.ReadAllBytes(Fixture("hrv-activity.fit")), "hrv-activity.fit"));
        var laps = workout.Summaries.Where(s => s.Kind == SummaryKind.Lap).ToList();
        Assert.True(laps.Zip(laps.Skip(1)).Count(p => p.First.Intensity == LapIntensity.Active && p.Second.Intensity == LapIntensity.Recovery) >= RunKinds.IntervalRepeats);
        Assert.Equal(RunKind.Intervals, KindOf(workout with { Sport = Sport.Running }));
        Assert.Null(KindOf(workout)); // as recorded, a ride: no run kind
    }

    /// <summary>Planned sessions take their kind from the plan: repeats with rests, grades, the prescribed effort.</summary>
    [Fact]
    public void PlannedSessionsTakeTheirKindFromThePlan()
    {
        var scenario = ScenarioParser.Parse("""
            athlete: { sex: female, age: 35, mass_kg: 62, training_status: recreational }
            weeks: 1
            week:
              - { day: mon, run: { km: 8, effort: easy } }
              - { day: tue, run: { repeats: 6, meters: 800, pace: "3:40/km", rest: "2:00" } }
              - { day: wed, run: { minutes: 25, effort: tempo } }
              - { day: thu, run: { minutes: 40, effort: easy, grade_pct: 5 } }
              - { day: fri, run: { repeats: 6, seconds: 15, effort: sprint, rest: "1:00" } }
              - { day: sat, run: { minutes: 100, effort: easy } }
              - { day: sun, run: { repeats: 8, seconds: 60, effort: interval, grade_pct: 6, rest: "1:30" } }
            """, "plan.yaml");
        Assert.Equal(
            [RunKind.Easy, RunKind.Intervals, RunKind.Tempo, RunKind.Hills, RunKind.Strides, RunKind.Long, RunKind.Hills],
            scenario.Sessions.OrderBy(s => s.Date).Select(s => RunKinds.OfPlanned(s, 0.80)));
        Assert.Null(RunKinds.OfPlanned(TrainingSession.Lifting(new DateOnly(2025, 1, 1), new StrengthSet("back_squat", 3, 5, 0.8)), 0.80));
    }

    /// <summary>A plan's description says its runs by kind as the plan sets them; a plan without running is described as it is.</summary>
    [Fact]
    public void APlansDescriptionSaysItsRunsByKind()
    {
        var plan = ScenarioParser.Parse("""
            weeks: 2
            week:
              - { day: mon, run: { minutes: 40, effort: easy } }
              - { day: tue, run: { repeats: 5, meters: 800, effort: interval, rest: "2:00" } }
              - { day: thu, run: { minutes: 40, effort: easy } }
            """, "plan.yaml").ToInput();
        Assert.Equal("Two weeks. Runs by kind: easy 4, intervals 2.", RunKinds.DescribePlan("Two weeks.", plan));
        Assert.Equal("Runs by kind: easy 4, intervals 2.", RunKinds.DescribePlan(null, plan));
        var lifting = ScenarioParser.Parse("weeks: 1\nweek:\n  - { day: mon, strength: [ { exercise: back_squat, sets: 3, reps: 5, load_pct_1rm: 80 } ] }\n", "gym.yaml").ToInput();
        Assert.Equal("Gym only.", RunKinds.DescribePlan("Gym only.", lifting));
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
