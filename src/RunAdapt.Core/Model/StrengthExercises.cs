namespace RunAdapt.Core.Model;

/// <summary>How one strength exercise loads the muscle groups.</summary>
/// <param name="Name">Library name.</param>
/// <param name="Shares">Share of the load each group carries (1 = prime mover).</param>
/// <param name="BodyWeightEffort">Effort of a body-weight or explosive exercise when no %1RM is given (0 = needs a load).</param>
/// <param name="SecondsPerRep">Time under tension per repetition.</param>
public sealed record StrengthExercise(string Name, IReadOnlyDictionary<Muscle, double> Shares, double BodyWeightEffort, double SecondsPerRep);

/// <summary>
/// The exercise library: which muscles each exercise trains and how much, from EMG and joint-moment studies of the
/// lifts (prime movers 1.0, synergists less). The shares are assumptions of the model, documented in docs/MODEL.md.
/// </summary>
public static class StrengthExercises
{
    private static readonly Dictionary<string, StrengthExercise> Library = Build();

    /// <summary>Every known exercise name.</summary>
    public static IEnumerable<string> Names => Library.Keys.Order(StringComparer.Ordinal);

    /// <summary>The exercise by name, or <c>null</c>.</summary>
    /// <param name="name">Library name (e.g. <c>back_squat</c>).</param>
    public static StrengthExercise? Find(string name) => Library.GetValueOrDefault(name);

    /// <summary>
    /// The effective effort of a set: load as a fraction of 1RM, raised toward 1 as the set nears failure, when the
    /// largest motor units are recruited (Epley: repetitions to failure ≈ 30 × (1/load − 1)).
    /// </summary>
    /// <param name="loadFraction">Load as a fraction of 1RM.</param>
    /// <param name="reps">Repetitions done.</param>
    public static double SetEffort(double loadFraction, int reps)
    {
        var load = Math.Clamp(loadFraction, 0.05, 1.0);
        var toFailure = Math.Max(1, 30 * ((1 / load) - 1));
        return load + ((1 - load) * Math.Min(1, reps / toFailure));
    }

    private static Dictionary<string, StrengthExercise> Build()
    {
        const Muscle Q = Muscle.Quadriceps, H = Muscle.Hamstrings, C = Muscle.Calves, G = Muscle.Glutes;
        StrengthExercise E(string name, double bodyWeightEffort, double secondsPerRep, params (Muscle M, double Share)[] shares) =>
            new(name, shares.ToDictionary(s => s.M, s => s.Share), bodyWeightEffort, secondsPerRep);
        return new[]
        {
            E("back_squat", 0, 3, (Q, 1.0), (G, 0.8), (H, 0.3), (C, 0.15)),
            E("front_squat", 0, 3, (Q, 1.0), (G, 0.6), (H, 0.2), (C, 0.15)),
            E("deadlift", 0, 3, (G, 0.9), (H, 0.8), (Q, 0.5), (C, 0.15)),
            E("romanian_deadlift", 0, 3, (H, 1.0), (G, 0.8)),
            E("hip_thrust", 0, 3, (G, 1.0), (H, 0.4), (Q, 0.2)),
            E("lunge", 0.55, 3, (Q, 0.9), (G, 0.8), (H, 0.3), (C, 0.2)),
            E("step_up", 0.5, 3, (Q, 0.9), (G, 0.8), (H, 0.2), (C, 0.2)),
            E("leg_press", 0, 3, (Q, 1.0), (G, 0.5), (H, 0.2), (C, 0.1)),
            E("leg_extension", 0, 3, (Q, 1.0)),
            E("leg_curl", 0, 3, (H, 1.0)),
            E("nordic_curl", 0.9, 4, (H, 1.0), (G, 0.2)),
            E("calf_raise_standing", 0.4, 2.5, (C, 1.0)),
            E("calf_raise_seated", 0, 2.5, (C, 0.8)),
            E("box_jump", 0.7, 1, (Q, 0.7), (G, 0.7), (C, 0.8), (H, 0.3)),
            E("plyometrics", 0.75, 1, (Q, 0.7), (G, 0.6), (C, 0.9), (H, 0.3)),
            E("jump_squat", 0.7, 1, (Q, 0.8), (G, 0.7), (C, 0.6), (H, 0.2)),
            E("power_clean", 0, 1.5, (G, 0.9), (Q, 0.8), (H, 0.7), (C, 0.5)),
            E("clean", 0, 1.5, (G, 0.9), (Q, 0.9), (H, 0.7), (C, 0.5)),
            E("snatch", 0, 1.5, (G, 0.9), (Q, 0.8), (H, 0.7), (C, 0.5)),
        }.ToDictionary(e => e.Name);
    }
}
