namespace RunAdapt.Core.Training;

/// <summary>
/// When a planned or logged session is a hill session: sustained climbing, not one short rise. One rule for the run
/// kinds of planned sessions (Analysis) and the report's and "why"'s session groups (Reports).
/// </summary>
public static class Climbing
{
    /// <summary>A hill is climbed at this grade or steeper (4 %).</summary>
    public const double HillGradeFraction = 0.04;

    /// <summary>Hill repeats: at least this many climbs.</summary>
    public const int HillRepeats = 4;

    /// <summary>Or at least this many seconds of running at <see cref="HillGradeFraction"/> or steeper.</summary>
    public const double SustainedSeconds = 10 * 60;

    /// <summary>
    /// Whether the session's running climbs in a sustained way: at least <see cref="HillRepeats"/> stretches at
    /// <see cref="HillGradeFraction"/> or steeper (hill repeats), or <see cref="SustainedSeconds"/> of them in all.
    /// </summary>
    /// <param name="session">The session.</param>
    public static bool IsSustained(TrainingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var uphill = session.Run.Where(s => s.SpeedMetresPerSecond > 0 && s.GradeFraction >= HillGradeFraction).ToList();
        return uphill.Count >= HillRepeats || uphill.Sum(s => s.DurationSeconds) >= SustainedSeconds;
    }
}
