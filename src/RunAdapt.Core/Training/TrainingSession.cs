namespace RunAdapt.Core.Training;

/// <summary>
/// Everything one training session put on the body, as the model sees it: runs as steady segments,
/// strength work as sets, and cross-training. Recorded activities and planned programmes both become these.
/// </summary>
/// <param name="Date">The day of the session.</param>
/// <param name="Run">The running segments, in order (empty for a non-running session).</param>
/// <param name="Strength">The strength exercises (empty if none).</param>
/// <param name="Cross">Cross-training bouts (empty if none).</param>
public sealed record TrainingSession(
    DateOnly Date,
    IReadOnlyList<RunSegment> Run,
    IReadOnlyList<StrengthSet> Strength,
    IReadOnlyList<CrossTraining> Cross)
{
    /// <summary>A running session made of the given segments.</summary>
    public static TrainingSession Running(DateOnly date, params RunSegment[] segments) => new(date, segments, [], []);

    /// <summary>A strength session made of the given sets.</summary>
    public static TrainingSession Lifting(DateOnly date, params StrengthSet[] sets) => new(date, [], sets, []);
}
