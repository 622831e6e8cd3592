using MathNet.Numerics.Distributions;

namespace RunAdapt.Core.Model;

/// <summary>The families of measures, each with its own between-person spread and its own model discrepancy.</summary>
public enum MeasureFamily
{
    /// <summary>VO2max.</summary>
    Vo2Max,

    /// <summary>Muscle size, whole-muscle or fibre.</summary>
    Size,

    /// <summary>Strength, maximal voluntary or 1RM.</summary>
    Strength,

    /// <summary>Body mass, fat and lean mass.</summary>
    Mass,

    /// <summary>Bone mineral density.</summary>
    Bone,

    /// <summary>Fibre-type shares.</summary>
    FibreType,

    /// <summary>Muscular endurance.</summary>
    Endurance,

    /// <summary>Injury risk.</summary>
    Injury,

    /// <summary>Knee cartilage.</summary>
    Joint,
}

/// <summary>
/// Between-person variation: how much one person's response differs from the average response to the same training.
/// Not uncertainty about the model: even a perfect model of the average person is off for a person by this much. A draw
/// multiplies the change of a family's measures by a person factor ~ N(1, cv), or by N(1, cv/√n) for the mean of a
/// group of n (a study's arm), cut at 0 (a non-responder, never a reversed response). Only VO2max, size and strength
/// have a measured spread.
/// </summary>
public static class PersonVariation
{
    /// <summary>The parameter that holds a family's coefficient of variation, or <c>null</c> when none is measured.</summary>
    /// <param name="family">The family.</param>
    public static string? Parameter(MeasureFamily family) => family switch
    {
        MeasureFamily.Vo2Max => ParameterNames.PersonVo2ResponseCv,
        MeasureFamily.Size => ParameterNames.PersonSizeResponseCv,
        MeasureFamily.Strength => ParameterNames.PersonStrengthResponseCv,
        _ => null,
    };

    /// <summary>One draw of a person factor (or a group's mean factor) for a family (1 for a family without a measured spread).</summary>
    /// <param name="parameters">Where the family's cv is read.</param>
    /// <param name="family">The family.</param>
    /// <param name="random">The source of randomness.</param>
    /// <param name="groupSize">1 for one person; n for the mean of a group of n.</param>
    public static double Factor(ModelParameters parameters, MeasureFamily family, Random random, int groupSize = 1)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfLessThan(groupSize, 1);
        var cv = Parameter(family) is { } name ? parameters.Get(name) / Math.Sqrt(groupSize) : 0;
        return cv > 0 ? Math.Max(0, Normal.Sample(random, 1, cv)) : 1;
    }
}

/// <summary>
/// Where the model's structure is uncertain, it says so: the spread of its errors on published studies it was not
/// fitted to, per family of measures, as a fraction of the size of the change it predicts (never less than the unit's
/// smallest meaningful change). <c>runadapt calibrate</c> measures it on each fold's fitted studies (so the held-out
/// coverage stays a test) and writes it as <c>structure.*_sd</c>; a draw adds N(0, sd × max(|change|, floor)).
/// </summary>
public static class ModelDiscrepancy
{
    /// <summary>The parameter that holds a family's relative discrepancy SD.</summary>
    /// <param name="family">The family.</param>
    public static string Parameter(MeasureFamily family) => family switch
    {
        MeasureFamily.Vo2Max => ParameterNames.StructureVo2Sd,
        MeasureFamily.Size => ParameterNames.StructureSizeSd,
        MeasureFamily.Strength => ParameterNames.StructureStrengthSd,
        MeasureFamily.Mass => ParameterNames.StructureMassSd,
        MeasureFamily.Bone => ParameterNames.StructureBoneSd,
        MeasureFamily.FibreType => ParameterNames.StructureFibreTypeSd,
        MeasureFamily.Endurance => ParameterNames.StructureEnduranceSd,
        MeasureFamily.Injury => ParameterNames.StructureInjurySd,
        MeasureFamily.Joint => ParameterNames.StructureJointSd,
        _ => throw new ArgumentOutOfRangeException(nameof(family)),
    };

    /// <summary>Whether a parameter describes people or the model's discrepancy (applied to changes, never drawn as a parameter).</summary>
    /// <param name="name">The parameter's name.</param>
    public static bool IsSpreadParameter(string name) =>
        name.StartsWith("person.", StringComparison.Ordinal) || name.StartsWith("structure.", StringComparison.Ordinal);

    /// <summary>The SD of the discrepancy of a predicted change (a draw adds this × a standard normal).</summary>
    /// <param name="parameters">Where the family's relative SD is read.</param>
    /// <param name="family">The family.</param>
    /// <param name="change">The predicted change.</param>
    /// <param name="floor">The smallest meaningful change in its unit.</param>
    public static double Sd(ModelParameters parameters, MeasureFamily family, double change, double floor)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.Get(Parameter(family)) * Math.Max(Math.Abs(change), floor);
    }
}
