namespace RunAdapt.Core.Training;

/// <summary>One exercise of a strength session: sets × reps at a load.</summary>
/// <param name="Exercise">The exercise's library name, e.g. <c>back_squat</c>, <c>calf_raise_standing</c>.</param>
/// <param name="Sets">Number of working sets (&gt; 0).</param>
/// <param name="Reps">Repetitions per set (&gt; 0).</param>
/// <param name="LoadFractionOfOneRepMax">Load as a fraction of the one-repetition maximum (0.75 = 75 % 1RM); body-weight exercises give their own effective fraction.</param>
public sealed record StrengthSet(string Exercise, int Sets, int Reps, double LoadFractionOfOneRepMax);
