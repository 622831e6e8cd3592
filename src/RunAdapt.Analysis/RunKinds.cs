using System.Globalization;
using RunAdapt.Core.Model;
using RunAdapt.Core.Training;

namespace RunAdapt.Analysis;

/// <summary>The kinds of run runners recognise (docs/ANALYSIS.md, "Session kinds", gives the thresholds).</summary>
public enum RunKind
{
    /// <summary>None of the others: steady running below tempo effort, shorter than a long run.</summary>
    Easy,

    /// <summary>At least <see cref="RunKinds.LongRunSeconds"/> of moving time.</summary>
    Long,

    /// <summary>A continuous stretch of at least <see cref="RunKinds.TempoSeconds"/> at tempo or threshold effort.</summary>
    Tempo,

    /// <summary>At least <see cref="RunKinds.IntervalRepeats"/> hard repeats of 20 s or longer with easier running or rest between.</summary>
    Intervals,

    /// <summary>Sustained climbing: repeats of one hill, or a lot of climbing for the distance (not any minute at 3 %).</summary>
    Hills,

    /// <summary>Hard from start to finish, as hard as the athlete's threshold says they can run for that long.</summary>
    Race,

    /// <summary>Easy running with at least <see cref="RunKinds.StridesCount"/> short near-sprints (strides).</summary>
    Strides,
}

/// <summary>
/// Names a run's kind: recorded runs from their segments and what detection found, planned ones from the plan's own
/// structure (repeats with rests, grades, prescribed effort). The first kind that applies, in the order race, intervals,
/// tempo, hills, long, strides, easy: a long run with a tempo finish is a tempo run, a hilly long run a hill run.
/// </summary>
public static class RunKinds
{
    /// <summary>Long runs last at least this many moving seconds (90 min).</summary>
    public const double LongRunSeconds = Detection.LongRunSeconds;

    /// <summary>A tempo run holds tempo effort for at least this many seconds without a break (15 min).</summary>
    public const double TempoSeconds = 15 * 60;

    /// <summary>Tempo effort by heart rate: at least this fraction of heart-rate reserve (Daniels' tempo is ≈ 80 % of VO2 reserve).</summary>
    public const double TempoReserveFraction = 0.80;

    /// <summary>Tempo effort by pace, without heart rate: at least this fraction of the threshold speed (marathon pace is ≈ 0.9 of it).</summary>
    public const double TempoSpeedFraction = 0.92;

    /// <summary>An interval session has at least this many hard repeats of 20 s or longer.</summary>
    public const int IntervalRepeats = 3;

    /// <summary>The repeats of an interval session are alike: each within this factor of their median duration.</summary>
    public const double IntervalLengthRatio = 1.5;

    /// <summary>A bout run down a slope at least this steep (2 %) is fast because of the slope: it is not an interval repeat.</summary>
    public const double DownhillRepeatGradeFraction = 0.02;

    /// <summary>
    /// Recoveries slower than this are walking (the walk-run transition is ≈ 2.0 m/s, Hreljac 1993): running bouts
    /// between walks are a walk/run unless the bouts themselves reach tempo pace.
    /// </summary>
    public const double WalkingSpeedMetresPerSecond = 2.0;

    /// <summary>Strides: at least this many sprints (under 20 s, near top speed) in otherwise easy running.</summary>
    public const int StridesCount = 2;

    /// <summary>A race lasts at least this many moving seconds (10 min: a 3 000 m).</summary>
    public const double RaceMinSeconds = 10 * 60;

    /// <summary>A race by heart rate: a mean of at least this fraction of heart-rate reserve over the whole run.</summary>
    public const double RaceReserveFraction = 0.88;

    /// <summary>
    /// A race by pace, without heart rate: a mean speed of at least this fraction of the speed the threshold predicts for
    /// that duration (the threshold speed is ≈ one-hour race speed; Riegel's exponent 1.06 scales it to other durations).
    /// </summary>
    public const double RaceSpeedFraction = 0.97;

    /// <summary>Riegel's fatigue exponent: race time grows as distance to this power.</summary>
    public const double RiegelExponent = 1.06;

    /// <summary>A hill is climbed at this grade or steeper (4 %); a climb of hill repeats gains at least <see cref="HillRepeatGainMetres"/>.</summary>
    public const double HillGradeFraction = Climbing.HillGradeFraction;

    /// <summary>Hill repeats: at least this many climbs of one hill (lengths within <see cref="HillRepeatLengthRatio"/> of their median).</summary>
    public const int HillRepeats = Climbing.HillRepeats;

    /// <summary>The least gain of one climb of hill repeats, in metres.</summary>
    public const double HillRepeatGainMetres = 15;

    /// <summary>Climbs of hill repeats are of one hill: each within this factor of their median length.</summary>
    public const double HillRepeatLengthRatio = 1.5;

    /// <summary>Sustained climbing: at least this many metres of gain on climbs per kilometre run ...</summary>
    public const double HillGainPerKilometre = 20;

    /// <summary>... and at least this many metres in all.</summary>
    public const double HillMinGainMetres = 150;

    /// <summary>A planned run is hills with at least this many seconds at <see cref="HillGradeFraction"/> or steeper.</summary>
    public const double PlannedHillSeconds = Climbing.SustainedSeconds;

    /// <summary>The kind's name as shown: <c>easy</c>, <c>long</c>, <c>tempo</c>, <c>intervals</c>, <c>hills</c>, <c>race</c>, <c>strides</c>.</summary>
    /// <param name="kind">The kind.</param>
    public static string Name(RunKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>A recorded run's kind.</summary>
    /// <param name="segments">Its steady segments (about a minute each), with heart rate where recorded.</param>
    /// <param name="features">What detection found in its second-by-second series.</param>
    /// <param name="onDay">The athlete's thresholds on the day.</param>
    public static RunKind Of(IReadOnlyList<RunSegment> segments, RunFeatures features, Thresholds onDay)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(onDay);
        var seconds = segments.Sum(s => s.DurationSeconds);
        var metres = segments.Sum(s => s.DistanceMetres);
        var withHeartRate = segments.Where(s => s.HeartRateBeatsPerMinute is not null).ToList();
        // Effort by heart rate where most of the run has it; by pace against the threshold otherwise.
        var byHeartRate = withHeartRate.Sum(s => s.DurationSeconds) >= 0.8 * seconds;
        bool AtTempoPace(double speed) => speed >= TempoSpeedFraction * onDay.ThresholdSpeedMetresPerSecond;
        bool Hard(RunSegment s) => byHeartRate && s.HeartRateBeatsPerMinute is { } hr
            ? onDay.ReserveFraction(hr) >= TempoReserveFraction
            : AtTempoPace(s.SpeedMetresPerSecond);
        // Repeats make intervals only when they are the runner's doing and alike: not the running between the walks of a
        // trail walk/run (unless that running is itself hard), not a hilly run's fast descents, and at least three
        // within IntervalLengthRatio of their median duration (surges of any length are a fartlek).
        var work = features.Repeats.Where(r => !r.IsSprint && r.GradeFraction > -DownhillRepeatGradeFraction
            && (r.RestSpeedMetresPerSecond >= WalkingSpeedMetresPerSecond || r.RestSeconds <= 0 || AtTempoPace(r.SpeedMetresPerSecond)));
        if (Alike(work.Select(r => r.Seconds), IntervalLengthRatio) >= IntervalRepeats)
        {
            return RunKind.Intervals;
        }

        if (seconds >= RaceMinSeconds && IsRace(seconds, metres, withHeartRate, byHeartRate, onDay))
        {
            return RunKind.Race;
        }

        if (LongestStretch(segments, Hard) >= TempoSeconds)
        {
            return RunKind.Tempo;
        }

        if (IsHills(features.Climbs, metres))
        {
            return RunKind.Hills;
        }

        if (seconds >= LongRunSeconds)
        {
            return RunKind.Long;
        }

        return features.Repeats.Count(r => r.IsSprint) >= StridesCount ? RunKind.Strides : RunKind.Easy;
    }

    /// <summary>
    /// A planned run's kind, from the plan: repeats with rests between are intervals (strides when the repeats are
    /// sprints under 20 s), uphill repeats or <see cref="PlannedHillSeconds"/> uphill are hills, a block at tempo effort
    /// or harder of <see cref="TempoSeconds"/> is tempo, <see cref="LongRunSeconds"/> is long. A plan does not say race.
    /// </summary>
    /// <param name="session">The planned session (its running).</param>
    /// <param name="tempoReserveFraction">The VO2-reserve fraction of a tempo effort (<c>intensity.tempo</c> of the model's parameters).</param>
    /// <returns>The kind, or <c>null</c> for a session without running.</returns>
    public static RunKind? OfPlanned(TrainingSession session, double tempoReserveFraction)
    {
        ArgumentNullException.ThrowIfNull(session);
        var run = session.Run;
        if (run.Count == 0)
        {
            return null;
        }

        if (Climbing.IsSustained(session))
        {
            return RunKind.Hills;
        }

        var work = run.Where(s => s.SpeedMetresPerSecond > 0).ToList();
        if (work.Count >= IntervalRepeats && run.Count - work.Count >= IntervalRepeats - 1)
        {
            return work.All(s => s.DurationSeconds < 20) ? RunKind.Strides : RunKind.Intervals;
        }

        if (LongestStretch(run, s => s.ReserveFraction >= tempoReserveFraction - 0.005) >= TempoSeconds)
        {
            return RunKind.Tempo;
        }

        return run.Sum(s => s.DurationSeconds) >= LongRunSeconds ? RunKind.Long : RunKind.Easy;
    }

    /// <summary>
    /// A plan's description followed by its runs by kind (<c>Runs by kind: easy 24, intervals 12, hills 12.</c>), each
    /// kind taken from the plan (<see cref="OfPlanned"/>); the description alone for a plan without running.
    /// </summary>
    /// <param name="description">What the plan says of itself, if anything.</param>
    /// <param name="plan">The plan as simulated (its sessions, and its parameters for the effort of a tempo run).</param>
    public static string? DescribePlan(string? description, SimulationInput plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var tempo = plan.Parameters.Get("intensity.tempo");
        var kinds = plan.Sessions.Select(s => OfPlanned(s, tempo)).OfType<RunKind>().GroupBy(k => k).OrderBy(g => g.Key).ToList();
        return kinds.Count == 0 ? description
            : $"{description} Runs by kind: {string.Join(", ", kinds.Select(g => string.Create(CultureInfo.InvariantCulture, $"{Name(g.Key)} {g.Count()}")))}.".TrimStart();
    }

    private static bool IsRace(double seconds, double metres, List<RunSegment> withHeartRate, bool byHeartRate, Thresholds onDay)
    {
        if (byHeartRate)
        {
            var beats = withHeartRate.Sum(s => s.HeartRateBeatsPerMinute!.Value * s.DurationSeconds) / withHeartRate.Sum(s => s.DurationSeconds);
            return onDay.ReserveFraction(beats) >= RaceReserveFraction;
        }

        // Speed for a race of this duration: time ∝ distance^1.06, so speed ∝ time^(−0.06/1.06), anchored at one hour.
        var predicted = onDay.ThresholdSpeedMetresPerSecond * Math.Pow(3600 / seconds, (RiegelExponent - 1) / RiegelExponent);
        return metres / seconds >= RaceSpeedFraction * predicted;
    }

    private static bool IsHills(IReadOnlyList<Climb> climbs, double metres)
    {
        var steep = climbs.Where(c => c.GradeFraction >= HillGradeFraction && c.GainMetres >= HillRepeatGainMetres).ToList();
        if (Alike(steep.Select(c => c.LengthMetres), HillRepeatLengthRatio) >= HillRepeats)
        {
            return true;
        }

        var gain = climbs.Where(c => c.GradeFraction >= HillGradeFraction).Sum(c => c.GainMetres);
        return gain >= HillMinGainMetres && gain >= HillGainPerKilometre * metres / 1000;
    }

    /// <summary>How many of the values lie within <paramref name="ratio"/> of their median (the upper one): repeats of one kind.</summary>
    private static int Alike(IEnumerable<double> values, double ratio)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return 0;
        }

        var median = sorted[sorted.Count / 2];
        return sorted.Count(v => v <= median * ratio && v >= median / ratio);
    }

    /// <summary>The longest time of consecutive segments that all pass the test.</summary>
    private static double LongestStretch(IEnumerable<RunSegment> segments, Func<RunSegment, bool> test)
    {
        double longest = 0, current = 0;
        foreach (var s in segments)
        {
            current = test(s) ? current + s.DurationSeconds : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }
}
