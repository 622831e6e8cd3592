namespace RunAdapt.Evidence;

/// <summary>The unit of a published outcome.</summary>
public enum Unit
{
    /// <summary>Percent of the baseline value.</summary>
    Pct,

    /// <summary>Percentage points (of fibres).</summary>
    Points,

    /// <summary>Kilograms.</summary>
    Kg,

    /// <summary>ml/kg/min.</summary>
    MlKgMin,

    /// <summary>ml/min.</summary>
    MlMin,

    /// <summary>A ratio between two arms (hazard or risk ratio).</summary>
    Ratio,
}

/// <summary>What a measure is about.</summary>
public enum MeasureKind
{
    /// <summary>Whole-muscle size.</summary>
    Size,

    /// <summary>Type I fibre area.</summary>
    FibreAreaType1,

    /// <summary>Type II fibre area.</summary>
    FibreAreaType2,

    /// <summary>Mean fibre area.</summary>
    FibreAreaMean,

    /// <summary>Type I fibre share.</summary>
    Type1,

    /// <summary>Type IIa fibre share.</summary>
    Type2A,

    /// <summary>Type IIx fibre share.</summary>
    Type2X,

    /// <summary>Maximal strength: isometric or isokinetic force of the muscle.</summary>
    Strength,

    /// <summary>The load lifted once (1RM) in the trained lift: strength plus the lift's learned coordination.</summary>
    StrengthOneRepetitionMaximum,

    /// <summary>Muscular endurance.</summary>
    Endurance,

    /// <summary>VO2max in ml/kg/min.</summary>
    Vo2Max,

    /// <summary>VO2max in ml/min.</summary>
    Vo2MaxAbsolute,

    /// <summary>Body mass.</summary>
    BodyMass,

    /// <summary>Fat mass.</summary>
    FatMass,

    /// <summary>Lean mass.</summary>
    LeanMass,

    /// <summary>Hip bone mineral density.</summary>
    BoneHip,

    /// <summary>Knee cartilage thickness or volume.</summary>
    KneeCartilage,

    /// <summary>Injury risk (a ratio between arms).</summary>
    InjuryRisk,
}

/// <summary>A measure of the evidence library (evidence/README.md, "Measures"): a kind and, for muscle measures, the muscle.</summary>
/// <param name="Name">The name as written, e.g. <c>thigh.size</c>.</param>
/// <param name="Kind">What is measured.</param>
/// <param name="Muscle">The muscle (<c>quadriceps</c>, <c>hamstrings</c>, <c>calves</c>, <c>glutes</c>, <c>thigh</c>), or <c>null</c> for body measures.</param>
public sealed record Measure(string Name, MeasureKind Kind, string? Muscle)
{
    /// <summary>The muscles a muscle measure may name (<c>thigh</c> = (2·quadriceps + hamstrings) / 3).</summary>
    public static IReadOnlyList<string> Muscles { get; } = ["quadriceps", "hamstrings", "calves", "glutes", "thigh"];

    private static readonly Dictionary<string, MeasureKind> MuscleKinds = new(StringComparer.Ordinal)
    {
        ["size"] = MeasureKind.Size,
        ["fibre_area_type1"] = MeasureKind.FibreAreaType1,
        ["fibre_area_type2"] = MeasureKind.FibreAreaType2,
        ["fibre_area_mean"] = MeasureKind.FibreAreaMean,
        ["type1"] = MeasureKind.Type1,
        ["type2a"] = MeasureKind.Type2A,
        ["type2x"] = MeasureKind.Type2X,
        ["strength"] = MeasureKind.Strength,
        ["strength_1rm"] = MeasureKind.StrengthOneRepetitionMaximum,
        ["endurance"] = MeasureKind.Endurance,
    };

    private static readonly Dictionary<string, MeasureKind> BodyKinds = new(StringComparer.Ordinal)
    {
        ["vo2max"] = MeasureKind.Vo2Max,
        ["vo2max_abs"] = MeasureKind.Vo2MaxAbsolute,
        ["body_mass"] = MeasureKind.BodyMass,
        ["fat_mass"] = MeasureKind.FatMass,
        ["lean_mass"] = MeasureKind.LeanMass,
        ["bone_hip"] = MeasureKind.BoneHip,
        ["knee_cartilage"] = MeasureKind.KneeCartilage,
        ["injury_risk"] = MeasureKind.InjuryRisk,
    };

    /// <summary>Every measure name the library accepts, for messages (<c>&lt;muscle&gt;.</c> stands for any muscle).</summary>
    public static IEnumerable<string> Names => MuscleKinds.Keys.Select(k => $"<muscle>.{k}").Concat(BodyKinds.Keys);

    /// <summary>Reads a measure name; <c>null</c> when it is not one of the library's.</summary>
    /// <param name="name">The name, e.g. <c>quadriceps.size</c> or <c>vo2max</c>.</param>
    public static Measure? TryParse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (BodyKinds.TryGetValue(name, out var body))
        {
            return new Measure(name, body, null);
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && Muscles.Contains(name[..dot]) && MuscleKinds.TryGetValue(name[(dot + 1)..], out var kind)
            ? new Measure(name, kind, name[..dot])
            : null;
    }

    /// <summary>
    /// The units this measure may be given in, its natural unit first; <see cref="Unit.Ratio"/> (last) only with
    /// <c>versus:</c>, as the ratio of the two arms' changes in the natural unit (for injury risk, of the risks).
    /// </summary>
    public IReadOnlyList<Unit> AllowedUnits => Kind switch
    {
        MeasureKind.Type1 or MeasureKind.Type2A or MeasureKind.Type2X => [Unit.Points, Unit.Pct, Unit.Ratio],
        MeasureKind.Vo2Max => [Unit.Pct, Unit.MlKgMin, Unit.Ratio],
        MeasureKind.Vo2MaxAbsolute => [Unit.Pct, Unit.MlMin, Unit.Ratio],
        MeasureKind.BodyMass or MeasureKind.FatMass or MeasureKind.LeanMass => [Unit.Kg, Unit.Pct, Unit.Ratio],
        MeasureKind.InjuryRisk => [Unit.Ratio],
        _ => [Unit.Pct, Unit.Ratio],
    };

    /// <summary>The measure's name.</summary>
    public override string ToString() => Name;
}

/// <summary>Unit names as the files write them.</summary>
public static class Units
{
    private static readonly Dictionary<string, Unit> ByName = new(StringComparer.Ordinal)
    {
        ["pct"] = Unit.Pct,
        ["points"] = Unit.Points,
        ["kg"] = Unit.Kg,
        ["ml_kg_min"] = Unit.MlKgMin,
        ["ml_min"] = Unit.MlMin,
        ["ratio"] = Unit.Ratio,
    };

    /// <summary>Reads a unit name; <c>null</c> when unknown.</summary>
    /// <param name="name">e.g. <c>pct</c>.</param>
    public static Unit? TryParse(string name) => ByName.TryGetValue(name, out var u) ? u : null;

    /// <summary>The unit's name as the files write it.</summary>
    /// <param name="unit">The unit.</param>
    public static string Name(this Unit unit) => ByName.First(p => p.Value == unit).Key;

    /// <summary>The floor of the tolerance in this unit (evidence/README.md, tolerance rule).</summary>
    /// <param name="unit">The unit.</param>
    public static double Floor(this Unit unit) => unit switch
    {
        Unit.Pct => 1.0,
        Unit.Points => 1.0,
        Unit.Kg => 0.5,
        Unit.MlKgMin => 1.0,
        Unit.MlMin => 50,
        Unit.Ratio => 0.10,
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };
}
