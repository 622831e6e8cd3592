namespace RunAdapt.Core.Model;

/// <summary>
/// How the legs are taken out of use on a day. The kinds differ in how much muscle activity is left, so in how fast
/// muscle and strength are lost (Bostock et al. 2013 review: a step-wise difference between immobilisation, bed rest
/// and limb suspension), and in whether the whole body is deconditioned.
/// </summary>
public enum Disuse
{
    /// <summary>Ordinary daily use.</summary>
    None,

    /// <summary>Bed rest: both legs unloaded, the whole body deconditioned (VO2max falls); the muscles still contract to move in bed.</summary>
    BedRest,

    /// <summary>One leg in a cast or a locked brace: no load and hardly any contraction; the rest of the body stays active.</summary>
    LegCast,

    /// <summary>One leg kept off the ground (crutches, unilateral lower-limb suspension): no weight-bearing, but the leg moves freely.</summary>
    LegUnloaded,
}
