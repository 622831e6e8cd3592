using System.Globalization;
using RunAdapt.Activities;
using RunAdapt.Core;
using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Training;

namespace RunAdapt.Analysis;

/// <summary>What the analysis made of one activity: the model's session plus the figures shown to the user.</summary>
/// <param name="Session">The session as the model sees it (running as steady segments).</param>
/// <param name="DistanceMetres">Distance covered.</param>
/// <param name="MovingSeconds">Time in motion (pauses removed).</param>
/// <param name="ElevationGainMetres">Elevation gain after smoothing.</param>
/// <param name="AverageHeartRate">Mean heart rate while moving, if recorded.</param>
public sealed record AnalysedSession(TrainingSession Session, double DistanceMetres, double MovingSeconds, double ElevationGainMetres, double? AverageHeartRate)
{
    /// <summary>Load, zones, detected content and best efforts (what the store keeps per session and <c>history</c> shows).</summary>
    public ActivityAnalysis Analysis { get; init; } = ActivityAnalysis.Empty;
}

/// <summary>What a session held beyond its segments: its load and how it was estimated, time in zones, what was detected, best efforts.</summary>
/// <param name="Load">Training load (TRIMP) and how it was estimated.</param>
/// <param name="HeartRateZoneSeconds">Seconds in heart-rate zones 1–5 (index 0 = zone 1); all zero without heart rate.</param>
/// <param name="PaceZoneSeconds">Seconds in pace zones 1–5 by grade-adjusted speed.</param>
/// <param name="Features">Sprints and interval repeats, climbs, long run, downhill running.</param>
/// <param name="BestEfforts">Fastest times over the standard distances (running only).</param>
/// <param name="FootStrikeMeasured">Whether a foot pod measured the foot strike (else the athlete's profile applies).</param>
/// <param name="EnergyKilojoules">Metabolic energy of the running (Minetti's cost at each segment's grade, body mass plus carried load); 0 for other sports.</param>
/// <param name="CarriedLoadKilograms">Extra mass the user marked as carried (weighted vest, pack); 0 for none.</param>
/// <param name="PerceivedExertion">The athlete's rating of the session (CR-10), if the file or export had one.</param>
/// <param name="FarthestIn">The longest distance in each standard duration, 10 s to 90 min (running only); <c>null</c> in analyses stored before they were kept.</param>
/// <param name="StepsPerMinute">Mean cadence in steps per minute over the running that recorded it (running only); <c>null</c> without a cadence channel.</param>
/// <param name="RunningMetres">The distance run: all of a run, the running legs of a multisport activity, 0 for other sports; <c>null</c> in analyses stored before it was kept.</param>
/// <param name="Kind">What kind of run it was (<see cref="RunKinds"/>); <c>null</c> for other sports and in analyses stored before kinds were kept.</param>
public sealed record ActivityAnalysis(SessionLoad Load, double[] HeartRateZoneSeconds, double[] PaceZoneSeconds, RunFeatures Features, IReadOnlyList<BestEffort> BestEfforts, bool FootStrikeMeasured,
    double EnergyKilojoules = 0, double CarriedLoadKilograms = 0, double? PerceivedExertion = null, IReadOnlyList<BestEffort>? FarthestIn = null,
    double? StepsPerMinute = null, double? RunningMetres = null, RunKind? Kind = null)
{
    /// <summary>Nothing measured (an activity stored before analyses were kept).</summary>
    public static ActivityAnalysis Empty { get; } = new(new SessionLoad(0, LoadMethod.Duration), new double[5], new double[5], new RunFeatures([], [], false, 0), [], false);

    /// <summary>What the session held, in a few words: interval repeats, sprints, climbs, long run, downhill, carried load, measured foot strike; "steady" when none.</summary>
    /// <param name="unit">The unit of the repeats' pace.</param>
    public string Describe(DistanceUnit unit = DistanceUnit.Kilometres)
    {
        var parts = new List<string>();
        var repeats = Features.Repeats.Where(r => !r.IsSprint).ToList();
        if (repeats.Count > 0)
        {
            // A pool swim's repeats can have no speed (lengths without distance): the pace is then unknown, not infinite.
            var speed = repeats.Average(r => r.SpeedMetresPerSecond);
            parts.Add(I($"{repeats.Count}× {Durations.Clock(repeats.Average(r => r.Seconds))}") + (speed > 0 ? $" at {DistanceUnits.Pace(speed, unit)}{unit.PerUnit()}" : ""));
        }

        var sprints = Features.Repeats.Count(r => r.IsSprint);
        if (sprints > 0)
        {
            parts.Add(I($"{sprints} sprint{(sprints > 1 ? "s" : "")}"));
        }

        if (Features.Climbs.Count > 0)
        {
            parts.Add(I($"{Features.Climbs.Count} climb{(Features.Climbs.Count > 1 ? "s" : "")} (+{Features.Climbs.Sum(c => c.GainMetres):0} m)"));
        }

        if (Features.IsLongRun)
        {
            parts.Add("long run");
        }

        if (Features.DownhillSeconds >= 60)
        {
            parts.Add(I($"{Features.DownhillSeconds / 60:0} min downhill"));
        }

        if (CarriedLoadKilograms > 0)
        {
            parts.Add(I($"carrying {CarriedLoadKilograms:0.#} kg"));
        }

        if (FootStrikeMeasured)
        {
            parts.Add("foot strike measured");
        }

        return parts.Count == 0 ? "steady" : string.Join(", ", parts);
    }

    private static string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Turns a decoded activity into the model's <see cref="TrainingSession"/>: orders and de-duplicates samples, drops
/// GPS jumps and pauses, smooths altitude into grade, and cuts the run into steady one-minute segments.
/// </summary>
public static class SessionBuilder
{
    /// <summary>Samples further apart than this are a pause (auto-pause or a stop), not running.</summary>
    private const double PauseSeconds = 10;

    /// <summary>
    /// A gap longer than this is a stop however far the runner got: smart recording writes a point at least every
    /// minute or so while moving, so a longer silence is the device off, a lost fix or a damaged file.
    /// </summary>
    private const double MaxRecordingGapSeconds = 900;

    /// <summary>Faster than this between two fixes is a GPS jump, not running.</summary>
    private const double MaxPlausibleSpeed = 12.5;

    /// <summary>No recorded speed beyond this is real, whatever the sport (it is a damaged value).</summary>
    private const double MaxRecordedSpeed = 100;

    /// <summary>On a bike the limit is a fast descent (108 km/h), not a sprinter.</summary>
    private const double MaxPlausibleCyclingSpeed = 30;

    /// <summary>Below this speed the runner is standing (GPS drift while stopped).</summary>
    private const double StationarySpeed = 0.5;

    /// <summary>Standing is judged on the speed over this many seconds around a step, not the step alone.</summary>
    private const double StationaryWindowSeconds = 30;

    /// <summary>Heart-rate reserve assumed for a ride or swim recorded without heart rate (moderate).</summary>
    private const double AssumedCrossTrainingReserve = 0.6;

    /// <summary>Faster than this for half the time is not running (the marathon world record is run at 5.9 m/s).</summary>
    private const double FastestRunningSpeed = 6.5;

    /// <summary>Length of the steady segments the run is cut into.</summary>
    private const double SegmentSeconds = 60;

    /// <summary>A trace whose summed rises exceed the smoothed trace's by this factor is noisy (GPS altitude) and is smoothed.</summary>
    private const double NoisyAltitudeRatio = 1.5;

    /// <summary>Altitude is smoothed over this many seconds before grades and gain are taken (GPS altitude is noisy).</summary>
    private const double AltitudeSmoothingSeconds = 30;

    /// <summary>Analyses an activity; <c>null</c> when it holds no usable movement (a settings file, a strength log without samples).</summary>
    /// <param name="activity">The decoded activity.</param>
    /// <param name="athlete">The athlete: sex for the load, heart rates for the zones when no threshold history is given.</param>
    /// <param name="thresholds">The athlete's dated thresholds, if kept; else they come from the profile.</param>
    /// <param name="carriedLoadKilograms">Extra mass carried on this run (the user marks it; a file cannot tell), in kilograms.</param>
    public static AnalysedSession? Analyse(Activity activity, Athlete athlete, ThresholdHistory? thresholds = null, double carriedLoadKilograms = 0)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(athlete);
        ArgumentOutOfRangeException.ThrowIfNegative(carriedLoadKilograms);
        var walk = Walk(activity, carriedLoadKilograms);
        if (walk is null || walk.MovingSeconds < 60)
        {
            return null;
        }

        var date = DateOnly.FromDateTime(walk.Start);
        var onDay = thresholds?.On(date) ?? Thresholds.FromAthlete(athlete, date);
        double? heartRate = walk.HeartRateSeconds > 0 ? walk.HeartRateSum / walk.HeartRateSeconds : null;
        // Rides and swims are cross-training at the intensity their heart rate says, else the athlete's rating, else an
        // assumed moderate one.
        var rated = activity.PerceivedExertion is { } rpe ? Math.Clamp(rpe / 10, 0, 1) : (double?)null;
        var crossIntensity = heartRate is { } hr ? onDay.ReserveFraction(hr) : rated ?? AssumedCrossTrainingReserve;
        var legs = Legs(activity);
        var multisport = legs is null ? null : MultisportSession(activity, legs, date, onDay, rated, carriedLoadKilograms);
        var session = multisport?.Session ?? activity.Sport switch
        {
            Sport.Cycling => new TrainingSession(date, [], [], [new CrossTraining(CrossTrainingMode.Cycling, walk.MovingSeconds, crossIntensity)]),
            Sport.Swimming => new TrainingSession(date, [], [], [new CrossTraining(CrossTrainingMode.Swimming, walk.MovingSeconds, crossIntensity)]),
            _ => new TrainingSession(date, walk.Segments, [], []),
        };
        var load = TrainingLoad.Of(session, onDay, athlete.Sex);
        if (session.Run.Count == 0 && heartRate is not null)
        {
            load = load with { Method = LoadMethod.HeartRate };
        }
        else if (session.Run.Count == 0 && rated is not null)
        {
            load = load with { Method = LoadMethod.PerceivedEffort };
        }
        else if (load.Method == LoadMethod.Duration && rated is { } reserve)
        {
            // Running without heart rate or speed (a treadmill without a foot pod): the rating is the last evidence before the duration.
            load = new SessionLoad(TrainingLoad.Trimp(walk.MovingSeconds / 60, reserve, athlete.Sex), LoadMethod.PerceivedEffort);
        }

        // A file that does not name its sport counts as running unless it moved faster than any runner (a ride) or
        // holds sessions of another sport (a multisport file).
        var running = activity.Sport is Sport.Running || (activity.Sport is Sport.Other && Median(walk.Segments) <= FastestRunningSpeed
            && !activity.Summaries.Any(s => s.Kind == SummaryKind.Session && s.Sport is not (null or Sport.Running or Sport.Other)));
        // A multisport file (triathlon, duathlon) holds one session per leg, whatever sport the file or its export
        // names: pace zones, energy, cadence and best efforts come from the running legs only (a bike leg gave a 400 m in 0:36).
        var efforts = walk.Series;
        var runSegments = walk.Segments;
        if (multisport is not null)
        {
            running = multisport.RunningSegments.Count > 0;
            runSegments = multisport.RunningSegments;
            efforts = Walk(activity with { Sport = Sport.Running, Samples = multisport.RunningSamples }, 0)?.Series ?? new MovingSeries();
        }

        var moving = new TrainingSession(date, walk.Segments, [], []);
        var runningOnly = new TrainingSession(date, runSegments, [], []);
        var features = Detection.Detect(running ? efforts : walk.Series);
        var analysis = new ActivityAnalysis(
            load,
            Zones.TimeInHeartRateZones(moving, onDay),
            running ? Zones.TimeInPaceZones(runningOnly, onDay) : new double[5],
            features,
            running ? BestEfforts.ByDistance(efforts) : [],
            walk.Segments.Any(s => s.FootStrike is not null),
            running ? GradeAdjustedPace.SessionEnergyKilojoules(runningOnly, athlete.MassKilograms) : 0,
            carriedLoadKilograms,
            activity.PerceivedExertion,
            running ? BestEfforts.ByDuration(efforts) : [],
            running ? MeanCadence(runSegments) : null,
            running ? multisport?.RunningMetres ?? walk.DistanceMetres : 0,
            running ? RunKinds.Of(runSegments, features, onDay) : null);
        return new AnalysedSession(session, multisport?.Metres ?? walk.DistanceMetres, multisport?.MovingSeconds ?? walk.MovingSeconds, walk.GainMetres, heartRate)
        {
            Analysis = analysis,
        };
    }

    /// <summary>
    /// <see cref="Analyse"/> for a whole history: an activity the analysis cannot handle gives the reason instead of an
    /// exception, so it can be stored, left out of the model and shown as such while every other activity goes on.
    /// </summary>
    /// <param name="activity">The decoded activity.</param>
    /// <param name="athlete">The athlete.</param>
    /// <param name="thresholds">The athlete's dated thresholds, if kept.</param>
    /// <param name="carriedLoadKilograms">Extra mass carried on this run, in kilograms.</param>
    /// <returns>The analysis (<c>null</c> for no usable movement) and, when it could not be made, the one-line reason.</returns>
    public static (AnalysedSession? Analysed, string? Problem) TryAnalyse(Activity activity, Athlete athlete, ThresholdHistory? thresholds = null, double carriedLoadKilograms = 0)
    {
        AnalysedSession? analysed;
        try
        {
            analysed = Analyse(activity, athlete, thresholds, carriedLoadKilograms);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // Any failure, a bug included: the activity is kept with the reason (which names the bug for a report)
            // and the rest of the history goes on.
            return (null, $"cannot be analysed ({e.GetType().Name}: {e.Message})");
        }

        // Infinite or NaN totals would poison every sum the model takes over the history.
        if (analysed is not null && !(double.IsFinite(analysed.DistanceMetres) && double.IsFinite(analysed.MovingSeconds) && double.IsFinite(analysed.Analysis.Load.Trimp)))
        {
            return (null, "cannot be analysed (its distance, time or load is not a finite number)");
        }

        return (analysed, null);
    }

    /// <summary>
    /// A multisport file's legs (one session each, in order, transitions left out) with their samples, or <c>null</c>
    /// when the file is not multisport (one session, or every session of one sport).
    /// </summary>
    private static List<(Sport Sport, List<ActivitySample> Samples)>? Legs(Activity activity)
    {
        var legs = activity.Summaries.Where(s => s.Kind == SummaryKind.Session && s.StartTimeUtc is not null).ToList();
        if (legs.Select(l => l.Sport).Distinct().Count() < 2)
        {
            return null;
        }

        return [.. legs.Where(l => !string.Equals(l.SportName, "transition", StringComparison.OrdinalIgnoreCase)).Select(l =>
        {
            var (from, to) = (l.StartTimeUtc!.Value, l.TimestampUtc ?? l.StartTimeUtc!.Value.AddSeconds(l.TotalElapsedSeconds ?? 0));
            return (l.Sport ?? Sport.Other, activity.Samples.Where(x => x.TimestampUtc >= from && x.TimestampUtc <= to).ToList());
        })];
    }

    /// <summary>What a multisport file is to the model: its session, and what of it was running.</summary>
    /// <param name="Session">Running legs as running, walking legs as a walk is, bike and swim legs as cross-training.</param>
    /// <param name="RunningSegments">The running legs' segments (for pace zones, energy, cadence and the kind).</param>
    /// <param name="RunningSamples">The running legs' samples (for best efforts and detection).</param>
    /// <param name="RunningMetres">The distance run.</param>
    /// <param name="Metres">The distance of every leg (each leg cleaned on its own: a device may start each leg's distance at zero).</param>
    /// <param name="MovingSeconds">The moving time of every leg.</param>
    private sealed record Multisport(TrainingSession Session, List<RunSegment> RunningSegments, List<ActivitySample> RunningSamples, double RunningMetres, double Metres, double MovingSeconds);

    /// <summary>
    /// A multisport file as the model sees it: each running leg as running, each bike or swim leg as cross-training at
    /// the intensity its own heart rate says (else the athlete's rating, else a moderate one), a walking leg as a walk,
    /// and a leg that names no sport as running unless it moved faster than any runner (then cycling), as a whole file
    /// that names no sport is.
    /// </summary>
    private static Multisport MultisportSession(Activity activity, List<(Sport Sport, List<ActivitySample> Samples)> legs, DateOnly date, Thresholds onDay, double? rated, double carriedLoadKilograms)
    {
        var walked = new List<RunSegment>();
        var running = new List<RunSegment>();
        var runningSamples = new List<ActivitySample>();
        double runningMetres = 0, metres = 0, seconds = 0;
        var cross = new List<CrossTraining>();
        foreach (var (named, samples) in legs)
        {
            if (Walk(activity with { Sport = named, Samples = samples }, named is Sport.Running or Sport.Other ? carriedLoadKilograms : 0) is not { MovingSeconds: > 0 } leg)
            {
                continue;
            }

            metres += leg.DistanceMetres;
            seconds += leg.MovingSeconds;
            var sport = named is Sport.Other or Sport.Strength ? (Median(leg.Segments) <= FastestRunningSpeed ? Sport.Running : Sport.Cycling) : named;
            switch (sport)
            {
                case Sport.Running:
                    running.AddRange(leg.Segments);
                    runningSamples.AddRange(samples);
                    runningMetres += leg.DistanceMetres;
                    break;
                case Sport.Walking:
                    walked.AddRange(leg.Segments);
                    break;
                default:
                    var intensity = leg.HeartRateSeconds > 0 ? onDay.ReserveFraction(leg.HeartRateSum / leg.HeartRateSeconds) : rated ?? AssumedCrossTrainingReserve;
                    cross.Add(new CrossTraining(sport == Sport.Cycling ? CrossTrainingMode.Cycling : CrossTrainingMode.Swimming, leg.MovingSeconds, intensity));
                    break;
            }
        }

        return new Multisport(new TrainingSession(date, [.. running, .. walked], [], cross), running, runningSamples, runningMetres, metres, seconds);
    }

    /// <summary>
    /// The cleaned moving series of an activity (same cleaning as <see cref="Analyse"/>): moving time and distance with
    /// pauses, GPS jumps and standing removed, smoothed altitude, heart rate. For best efforts and detection.
    /// </summary>
    /// <param name="activity">The decoded activity.</param>
    public static MovingSeries Moving(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return Walk(activity, 0)?.Series ?? new MovingSeries();
    }

    /// <summary>One pass over the cleaned points: the moving series, the steady segments and the totals.</summary>
    private static WalkResult? Walk(Activity activity, double carriedLoadKilograms)
    {
        var points = Clean(activity.Samples);
        if (points.Count < 2)
        {
            return null;
        }

        SmoothAltitude(points);
        var result = new WalkResult(points[0].Time);
        result.Series.Add(0, 0, points[0].Altitude, points[0].HeartRate, points[0].Time);
        double segSeconds = 0, segDistance = 0, segClimb = 0, segHr = 0, segHrSeconds = 0, segStrike = 0, segStrikeSeconds = 0, segSteps = 0, segStepSeconds = 0;
        var around = SpeedAround(points);
        var stepsPerCount = StepsPerCadenceCount(points);
        RunSegment Current() => Segment(segSeconds, segDistance, segClimb, segHrSeconds > 0 ? segHr / segHrSeconds : null,
            MeasuredFootStrike(Covering(segStrike, segStrikeSeconds, segSeconds)), carriedLoadKilograms, Covering(segSteps, segStepSeconds, segSeconds));
        var fastest = activity.Sport == Sport.Cycling ? MaxPlausibleCyclingSpeed : MaxPlausibleSpeed;
        for (var i = 1; i < points.Count; i++)
        {
            var (a, b) = (points[i - 1], points[i]);
            var dt = (b.Time - a.Time).TotalSeconds;
            var dd = Math.Max(0, b.Distance - a.Distance);
            var dz = b.Altitude - a.Altitude;
            if (dt <= 0 || dd / dt > fastest)
            {
                continue;
            }

            // A long gap without progress is a pause (auto-pause, a stop); a long gap with progress is smart recording.
            var paused = (dt > PauseSeconds && dd / dt < StationarySpeed) || dt > MaxRecordingGapSeconds;
            if (!paused)
            {
                // Devices count ascent whenever they record, slow hiking and standing included; so does the gain here.
                result.GainMetres += Math.Max(0, dz);
            }

            // Standing is judged over the half-minute around the step: a device that updates distance in chunks
            // (smart recording) shows single steps without progress while the runner is moving.
            if (paused || (dd / dt < StationarySpeed && around[i] < StationarySpeed))
            {
                continue;
            }

            result.DistanceMetres += dd;
            result.MovingSeconds += dt;
            result.Series.Add(result.MovingSeconds, result.DistanceMetres, b.Altitude, b.HeartRate, b.Time);
            segSeconds += dt;
            segDistance += dd;
            segClimb += dz;
            if (b.HeartRate is { } hr)
            {
                result.HeartRateSum += hr * dt;
                result.HeartRateSeconds += dt;
                segHr += hr * dt;
                segHrSeconds += dt;
            }

            if (b.FootStrikeScore is { } strike)
            {
                segStrike += strike * dt;
                segStrikeSeconds += dt;
            }

            if (b.Cadence is { } cadence)
            {
                segSteps += cadence * stepsPerCount * dt;
                segStepSeconds += dt;
            }

            if (segSeconds >= SegmentSeconds)
            {
                result.Segments.Add(Current());
                segSeconds = segDistance = segClimb = segHr = segHrSeconds = segStrike = segStrikeSeconds = segSteps = segStepSeconds = 0;
            }
        }

        if (segSeconds >= 10 || (segSeconds > 0 && result.Segments.Count == 0))
        {
            result.Segments.Add(Current());
        }
        else if (segSeconds > 0)
        {
            // A tail of a few seconds joins the last segment, so the segments still add up to the whole run.
            var last = result.Segments[^1];
            var seconds = last.DurationSeconds + segSeconds;
            var metres = last.DistanceMetres + segDistance;
            result.Segments[^1] = last with
            {
                DurationSeconds = seconds,
                SpeedMetresPerSecond = metres / seconds,
                GradeFraction = metres > 1 ? Math.Clamp(((last.GradeFraction * last.DistanceMetres) + segClimb) / metres, -0.45, 0.45) : 0,
            };
        }

        return result;
    }

    /// <summary>For each step (from point i − 1 to i): the mean speed over the <see cref="StationaryWindowSeconds"/> around it.</summary>
    private static double[] SpeedAround(List<Point> points)
    {
        var speeds = new double[points.Count];
        var half = TimeSpan.FromSeconds(StationaryWindowSeconds / 2);
        int lo = 0, hi = 0;
        for (var i = 1; i < points.Count; i++)
        {
            var middle = points[i - 1].Time + ((points[i].Time - points[i - 1].Time) / 2);
            while (lo < i - 1 && points[lo + 1].Time <= middle - half)
            {
                lo++;
            }

            hi = Math.Max(hi, i);
            while (hi + 1 < points.Count && points[hi + 1].Time <= middle + half)
            {
                hi++;
            }

            var seconds = (points[hi].Time - points[lo].Time).TotalSeconds;
            speeds[i] = seconds > 0 ? (points[hi].Distance - points[lo].Distance) / seconds : 0;
        }

        return speeds;
    }

    /// <summary>Fewest steps per minute of running (the slowest jog is above ~140); below it a cadence counts one foot.</summary>
    private const double RunningStepsFloor = 125;

    private static double Median(List<RunSegment> segments) =>
        segments.Count == 0 ? 0 : segments.Select(s => s.SpeedMetresPerSecond).Order().ElementAt(segments.Count / 2);

    private sealed class WalkResult(DateTime start)
    {
        public DateTime Start { get; } = start;
        public MovingSeries Series { get; } = new();
        public List<RunSegment> Segments { get; } = [];
        public double DistanceMetres { get; set; }
        public double MovingSeconds { get; set; }
        public double GainMetres { get; set; }
        public double HeartRateSum { get; set; }
        public double HeartRateSeconds { get; set; }
    }

    private static RunSegment Segment(double seconds, double metres, double climb, double? heartRate, FootStrike? footStrike, double carriedLoadKilograms, double? stepsPerMinute) =>
        new(seconds, metres / seconds, metres > 1 ? Math.Clamp(climb / metres, -0.45, 0.45) : 0, carriedLoadKilograms, footStrike, heartRate, StepsPerMinute: stepsPerMinute);

    /// <summary>Steps per minute over the segments that recorded cadence, weighted by time; <c>null</c> when none did.</summary>
    private static double? MeanCadence(List<RunSegment> segments)
    {
        var measured = segments.Where(s => s.StepsPerMinute is not null).ToList();
        var seconds = measured.Sum(s => s.DurationSeconds);
        return seconds > 0 ? measured.Sum(s => s.StepsPerMinute!.Value * s.DurationSeconds) / seconds : null;
    }

    /// <summary>The time-weighted mean of a channel when it covers at least half the segment; otherwise <c>null</c>.</summary>
    private static double? Covering(double weightedSum, double coveredSeconds, double segmentSeconds) =>
        coveredSeconds >= segmentSeconds / 2 && coveredSeconds > 0 ? weightedSum / coveredSeconds : null;

    /// <summary>
    /// Steps per unit of the recorded cadence. Garmin's FIT, TCX and GPX record running cadence per foot (strides
    /// of one foot, ~80–95 a minute); other apps record steps (~160–190). Running is never below ~125 steps a minute,
    /// so a moving median under that is per foot.
    /// </summary>
    private static double StepsPerCadenceCount(List<Point> points)
    {
        var counts = points.Where(p => p.Cadence > 0).Select(p => p.Cadence!.Value).Order().ToList();
        return counts.Count > 0 && counts[counts.Count / 2] < RunningStepsFloor ? 2 : 1;
    }

    /// <summary>
    /// The segment's foot strike from a foot pod's score (RunScribe's 1–16 scale: 1–5 rearfoot, 6–10 midfoot,
    /// 11–16 forefoot, J Athl Train 2020;55(12):1307), given its mean over the segment when it covers at least half of
    /// it (<see cref="Covering"/>); otherwise <c>null</c>, which leaves the athlete's habitual foot strike to the model.
    /// </summary>
    private static FootStrike? MeasuredFootStrike(double? score) => score switch
    {
        null => null,
        < 5.5 => FootStrike.Rearfoot,
        < 10.5 => FootStrike.Midfoot,
        _ => FootStrike.Forefoot,
    };

    /// <summary>Orders samples by time, drops duplicates, and fills distance from speed or positions where the file lacks it.</summary>
    private static List<Point> Clean(IReadOnlyList<ActivitySample> samples)
    {
        // A damaged file can put anything in a channel: values no device records count as missing.
        static double? Valid(double? value, double low, double high) => value is { } v && double.IsFinite(v) && v >= low && v <= high ? v : null;
        var ordered = samples.OrderBy(s => s.TimestampUtc).ToList();
        var points = new List<Point>(ordered.Count);
        double distance = 0;
        ActivitySample? previous = null;
        foreach (var raw in ordered)
        {
            if (previous is { } p && raw.TimestampUtc == p.TimestampUtc)
            {
                continue;
            }

            var s = raw with
            {
                DistanceMetres = Valid(raw.DistanceMetres, 0, 1e7), SpeedMetresPerSecond = Valid(raw.SpeedMetresPerSecond, 0, MaxRecordedSpeed),
                LatitudeDegrees = Valid(raw.LatitudeDegrees, -90, 90), LongitudeDegrees = Valid(raw.LongitudeDegrees, -180, 180),
                AltitudeMetres = Valid(raw.AltitudeMetres, -500, 9000), HeartRateBeatsPerMinute = Valid(raw.HeartRateBeatsPerMinute, 20, 250),
                FootStrikeScore = Valid(raw.FootStrikeScore, 0, 16), CadencePerMinute = Valid(raw.CadencePerMinute, 30, 260),
            };
            var dt = previous is { } before ? (s.TimestampUtc - before.TimestampUtc).TotalSeconds : 0;
            if (s.DistanceMetres is { } recorded)
            {
                distance = Math.Max(distance, recorded);
            }
            else if (previous is { } prev)
            {
                distance += s.SpeedMetresPerSecond is { } v ? v * dt
                    : s.LatitudeDegrees is { } lat && s.LongitudeDegrees is { } lon && prev.LatitudeDegrees is { } plat && prev.LongitudeDegrees is { } plon
                        ? Geo.HaversineMetres(plat, plon, lat, lon) : 0;
            }

            points.Add(new Point(s.TimestampUtc, distance, s.AltitudeMetres ?? double.NaN, s.HeartRateBeatsPerMinute, s.FootStrikeScore, s.CadencePerMinute));
            previous = s;
        }

        return points;
    }

    /// <summary>Centred moving average over time; missing altitude becomes flat ground.</summary>
    private static void SmoothAltitude(List<Point> points)
    {
        var raw = points.Select(p => p.Altitude).ToArray();
        var known = raw.Where(double.IsFinite).DefaultIfEmpty(0).First();
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = double.IsFinite(raw[i]) ? known = raw[i] : known;
        }

        var smooth = new double[raw.Length];
        var half = TimeSpan.FromSeconds(AltitudeSmoothingSeconds / 2);
        int lo = 0, hi = 0;
        double sum = 0;
        for (var i = 0; i < points.Count; i++)
        {
            while (hi < points.Count && points[hi].Time <= points[i].Time + half)
            {
                sum += raw[hi++];
            }

            while (points[lo].Time < points[i].Time - half)
            {
                sum -= raw[lo++];
            }

            smooth[i] = sum / (hi - lo);
        }

        // A barometric trace is smooth: smoothing it only flattens real short hills. GPS altitude jitters, and its
        // rises add up to several times the smoothed trace's. Keep the raw trace unless it looks like that.
        var chosen = Rises(raw) > NoisyAltitudeRatio * Rises(smooth) ? smooth : raw;
        for (var i = 0; i < points.Count; i++)
        {
            points[i] = points[i] with { Altitude = chosen[i] };
        }
    }

    private static double Rises(double[] altitude)
    {
        double rises = 0;
        for (var i = 1; i < altitude.Length; i++)
        {
            rises += Math.Max(0, altitude[i] - altitude[i - 1]);
        }

        return rises;
    }

    private readonly record struct Point(DateTime Time, double Distance, double Altitude, double? HeartRate, double? FootStrikeScore, double? Cadence);
}
