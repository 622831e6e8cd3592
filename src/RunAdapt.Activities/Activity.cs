namespace RunAdapt.Activities;

/// <summary>The sport an activity was recorded as.</summary>
public enum Sport
{
    /// <summary>Not known or not one of the others.</summary>
    Other,

    /// <summary>Running (road, trail, track, treadmill).</summary>
    Running,

    /// <summary>Cycling.</summary>
    Cycling,

    /// <summary>Swimming.</summary>
    Swimming,

    /// <summary>Walking or hiking.</summary>
    Walking,

    /// <summary>Strength training.</summary>
    Strength,
}

/// <summary>
/// One time-indexed sample of an activity, in SI units. Any channel the file does not carry at this instant is <c>null</c>.
/// </summary>
/// <param name="TimestampUtc">When the sample was taken (UTC, <see cref="DateTimeKind.Utc"/>).</param>
/// <param name="LatitudeDegrees">Latitude, in degrees (WGS84).</param>
/// <param name="LongitudeDegrees">Longitude, in degrees (WGS84).</param>
/// <param name="DistanceMetres">Cumulative distance from the start, in metres.</param>
/// <param name="SpeedMetresPerSecond">Instantaneous speed, in metres per second.</param>
/// <param name="AltitudeMetres">Altitude above sea level, in metres.</param>
/// <param name="HeartRateBeatsPerMinute">Heart rate, in beats per minute.</param>
/// <param name="CadencePerMinute">Cadence as the device records it (FIT running: strides of one foot per minute; cycling: revolutions per minute).</param>
/// <param name="PowerWatts">Power, in watts.</param>
/// <param name="TemperatureCelsius">Temperature, in degrees Celsius.</param>
/// <param name="GroundContactTimeSeconds">Ground contact time of the step, in seconds.</param>
/// <param name="VerticalOscillationMetres">Vertical oscillation of the torso, in metres.</param>
/// <param name="StepLengthMetres">Step length, in metres.</param>
/// <param name="FootStrikeScore">
/// Foot strike on RunScribe's 1–16 scale (1–5 rearfoot, 6–10 midfoot, 11–16 forefoot), from a foot pod's developer
/// field; validated against motion capture at 78 % accuracy (J Athl Train 2020;55(12):1307).
/// </param>
public readonly record struct ActivitySample(
    DateTime TimestampUtc,
    double? LatitudeDegrees = null,
    double? LongitudeDegrees = null,
    double? DistanceMetres = null,
    double? SpeedMetresPerSecond = null,
    double? AltitudeMetres = null,
    double? HeartRateBeatsPerMinute = null,
    double? CadencePerMinute = null,
    double? PowerWatts = null,
    double? TemperatureCelsius = null,
    double? GroundContactTimeSeconds = null,
    double? VerticalOscillationMetres = null,
    double? StepLengthMetres = null,
    double? FootStrikeScore = null);

/// <summary>Whether a summary covers one lap or a whole session.</summary>
public enum SummaryKind
{
    /// <summary>A lap (manual, auto or workout step).</summary>
    Lap,

    /// <summary>A whole session (one sport of a possibly multisport activity).</summary>
    Session,
}

/// <summary>What a lap was meant to be, as a structured workout's step or the device names it.</summary>
public enum LapIntensity
{
    /// <summary>Work: the hard part of an interval, or ordinary running.</summary>
    Active,

    /// <summary>Standing or walking rest.</summary>
    Rest,

    /// <summary>Warm-up.</summary>
    Warmup,

    /// <summary>Cool-down.</summary>
    Cooldown,

    /// <summary>Easy running or riding between work bouts.</summary>
    Recovery,

    /// <summary>An interval (FIT's <c>interval</c>).</summary>
    Interval,

    /// <summary>Any other value the file gives.</summary>
    Other,
}

/// <summary>The device's own summary of a lap or session.</summary>
public sealed record ActivitySummary
{
    /// <summary>Lap or session.</summary>
    public required SummaryKind Kind { get; init; }

    /// <summary>Start time (UTC).</summary>
    public DateTime? StartTimeUtc { get; init; }

    /// <summary>End time (UTC), the summary message's own timestamp in FIT.</summary>
    public DateTime? TimestampUtc { get; init; }

    /// <summary>Sport of this lap or session, if recorded.</summary>
    public Sport? Sport { get; init; }

    /// <summary>The sport as the file names it (<c>running</c>, <c>trail_running</c> ...), if recorded.</summary>
    public string? SportName { get; init; }

    /// <summary>Elapsed time including pauses, in seconds.</summary>
    public double? TotalElapsedSeconds { get; init; }

    /// <summary>Moving (timer) time, in seconds.</summary>
    public double? TotalTimerSeconds { get; init; }

    /// <summary>Distance, in metres.</summary>
    public double? TotalDistanceMetres { get; init; }

    /// <summary>Total ascent, in metres.</summary>
    public double? TotalAscentMetres { get; init; }

    /// <summary>Total descent, in metres.</summary>
    public double? TotalDescentMetres { get; init; }

    /// <summary>Mean heart rate, in beats per minute.</summary>
    public double? AverageHeartRateBeatsPerMinute { get; init; }

    /// <summary>Maximal heart rate, in beats per minute.</summary>
    public double? MaxHeartRateBeatsPerMinute { get; init; }

    /// <summary>The lap's intensity (work, rest, warm-up ...): the lap's own field, else its workout step's; <c>null</c> when the file says neither.</summary>
    public LapIntensity? Intensity { get; init; }

    /// <summary>The index of the structured workout step the lap belongs to, if it was recorded following a workout.</summary>
    public int? WorkoutStepIndex { get; init; }
}

/// <summary>
/// A decoded activity in one normalised shape whatever file it came from: sport, device, start time,
/// time-ordered samples, and the device's lap and session summaries.
/// </summary>
public sealed record Activity
{
    /// <summary>The format the activity was decoded from (<c>fit</c>, <c>tcx</c>, <c>gpx</c>).</summary>
    public required string SourceFormat { get; init; }

    /// <summary>The sport, <see cref="Sport.Other"/> when the file does not say.</summary>
    public Sport Sport { get; init; } = Sport.Other;

    /// <summary>The activity's title (from an export's index), if known.</summary>
    public string? Title { get; init; }

    /// <summary>The recording device or app, if the file names it.</summary>
    public string? Device { get; init; }

    /// <summary>When the activity started (UTC), if known.</summary>
    public DateTime? StartTimeUtc { get; init; }

    /// <summary>The samples, in file order.</summary>
    public required IReadOnlyList<ActivitySample> Samples { get; init; }

    /// <summary>The lap and session summaries, in file order.</summary>
    public IReadOnlyList<ActivitySummary> Summaries { get; init; } = [];

    /// <summary>The athlete's rating of perceived exertion for the whole activity on Borg's CR-10 scale (0–10), if the file or export recorded one.</summary>
    public double? PerceivedExertion { get; init; }

    /// <summary>Problems the decoder stepped over or stopped at (bad CRC, truncation); empty for a sound file.</summary>
    public IReadOnlyList<ActivityFormatException> Problems { get; init; } = [];
}
