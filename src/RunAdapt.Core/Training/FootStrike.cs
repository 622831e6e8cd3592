namespace RunAdapt.Core.Training;

/// <summary>Which part of the foot meets the ground first in running.</summary>
public enum FootStrike
{
    /// <summary>Heel first (the most common pattern in shod recreational runners).</summary>
    Rearfoot,

    /// <summary>Heel and ball together.</summary>
    Midfoot,

    /// <summary>Ball of the foot first; loads the calves and Achilles more, the knee less.</summary>
    Forefoot,
}
