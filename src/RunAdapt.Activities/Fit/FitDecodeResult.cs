namespace RunAdapt.Activities.Fit;

/// <summary>What a streaming decode went through: counts and the problems it recovered from or stopped at.</summary>
/// <param name="Files">FIT files found in the stream (chained files count separately).</param>
/// <param name="Messages">Data messages reported to the handler.</param>
/// <param name="Problems">Problems found, in order; the decode stopped at the last one if <paramref name="Stopped"/>.</param>
/// <param name="Stopped">Whether a problem ended decoding before the end of the input.</param>
public sealed record FitDecodeResult(int Files, long Messages, IReadOnlyList<InvalidActivityFileException> Problems, bool Stopped);
