namespace RunAdapt.Core.Model;

/// <summary>The leg and hip muscle groups the model follows.</summary>
public enum Muscle
{
    /// <summary>Knee extensors (vasti, rectus femoris).</summary>
    Quadriceps,

    /// <summary>Knee flexors / hip extensors (biceps femoris, semitendinosus, semimembranosus).</summary>
    Hamstrings,

    /// <summary>Plantarflexors (gastrocnemius, soleus) and, through them, the Achilles tendon.</summary>
    Calves,

    /// <summary>Hip extensors and abductors (gluteus maximus, medius).</summary>
    Glutes,
}

/// <summary>Names of the muscle groups as the public JSON uses them.</summary>
public static class Muscles
{
    /// <summary>Every muscle group, in output order.</summary>
    public static IReadOnlyList<Muscle> All { get; } = [Muscle.Quadriceps, Muscle.Hamstrings, Muscle.Calves, Muscle.Glutes];

    /// <summary>The JSON name (<c>quadriceps</c>, ...).</summary>
    /// <param name="muscle">The group.</param>
    public static string Name(this Muscle muscle) => muscle switch
    {
        Muscle.Quadriceps => "quadriceps",
        Muscle.Hamstrings => "hamstrings",
        Muscle.Calves => "calves",
        _ => "glutes",
    };
}
