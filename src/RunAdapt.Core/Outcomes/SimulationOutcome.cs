using System.Text.Json.Serialization;

namespace RunAdapt.Core.Outcomes;

/// <summary>The state of one muscle group at a point in time, relative to the start of the simulation.</summary>
/// <param name="SizeChangePercent">Change in whole-muscle size (volume / CSA), percent of the start.</param>
/// <param name="Type1Percent">Share of type I (slow-twitch) fibres, percent of fibres.</param>
/// <param name="Type2APercent">Share of type IIa fibres, percent of fibres.</param>
/// <param name="Type2XPercent">Share of type IIx fibres, percent of fibres.</param>
/// <param name="EnduranceChangePercent">Change in muscular endurance (fatigue resistance), percent of the start.</param>
/// <param name="StrengthChangePercent">Change in maximal strength, percent of the start.</param>
public sealed record MuscleSnapshot(
    [property: JsonPropertyName("size_change_pct")] double SizeChangePercent,
    [property: JsonPropertyName("type1_pct")] double Type1Percent,
    [property: JsonPropertyName("type2a_pct")] double Type2APercent,
    [property: JsonPropertyName("type2x_pct")] double Type2XPercent,
    [property: JsonPropertyName("endurance_change_pct")] double EnduranceChangePercent,
    [property: JsonPropertyName("strength_change_pct")] double StrengthChangePercent)
{
    /// <summary>Change in the mean cross-sectional area of type I fibres (what a biopsy measures), percent of the start.</summary>
    [JsonPropertyName("fibre_area_type1_change_pct")]
    public double FibreAreaType1ChangePercent { get; init; }

    /// <summary>Change in the mean cross-sectional area of type II (IIa and IIx) fibres, percent of the start.</summary>
    [JsonPropertyName("fibre_area_type2_change_pct")]
    public double FibreAreaType2ChangePercent { get; init; }

    /// <summary>Change in the mean area of all fibres, percent of the start (fibre size, not whole-muscle size: a muscle can hold more or fewer fibres' worth of tissue than its fibre areas say).</summary>
    [JsonPropertyName("fibre_area_mean_change_pct")]
    public double FibreAreaMeanChangePercent { get; init; }

    /// <summary>Change in the load that can be lifted once (1RM) in the lifts practised, percent of the start: maximal strength plus the learned coordination of those lifts, which grows far faster than the muscle's force.</summary>
    [JsonPropertyName("strength_1rm_change_pct")]
    public double OneRepetitionMaximumChangePercent { get; init; }
}

/// <summary>Mechanical load on three tissues over the last week, as a daily average relative to a day of walking (1 = walking only).</summary>
/// <param name="Knee">Patellofemoral / knee-extensor load (steps × knee-extensor demand).</param>
/// <param name="Achilles">Achilles tendon / calf load (steps × plantar-flexor demand).</param>
/// <param name="Tibia">Tibial load (steps × peak ground reaction force).</param>
public sealed record TissueLoads(
    [property: JsonPropertyName("knee")] double Knee,
    [property: JsonPropertyName("achilles")] double Achilles,
    [property: JsonPropertyName("tibia")] double Tibia);

/// <summary>The whole body at a point in time: per-muscle state plus the systemic measures.</summary>
public sealed record BodySnapshot
{
    /// <summary>The week number (1 = end of the first week) in a series; <c>null</c> for start and final.</summary>
    [JsonPropertyName("week")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Week { get; init; }

    /// <summary>Per-muscle state keyed by muscle name (<c>quadriceps</c>, <c>hamstrings</c>, <c>calves</c>, <c>glutes</c>, ...).</summary>
    [JsonPropertyName("muscles")]
    public required IReadOnlyDictionary<string, MuscleSnapshot> Muscles { get; init; }

    /// <summary>Maximal oxygen uptake, in ml/kg/min.</summary>
    [JsonPropertyName("vo2max_ml_kg_min")]
    public required double Vo2MaxMillilitresPerKilogramPerMinute { get; init; }

    /// <summary>Maximal oxygen uptake, in ml/min (absolute).</summary>
    [JsonPropertyName("vo2max_ml_min")]
    public double Vo2MaxMillilitresPerMinute { get; init; }

    /// <summary>Body mass, in kilograms.</summary>
    [JsonPropertyName("body_mass_kg")]
    public required double BodyMassKilograms { get; init; }

    /// <summary>Fat mass, in kilograms.</summary>
    [JsonPropertyName("fat_mass_kg")]
    public required double FatMassKilograms { get; init; }

    /// <summary>Lean (fat-free) mass, in kilograms: body mass minus fat mass.</summary>
    [JsonPropertyName("lean_mass_kg")]
    public double LeanMassKilograms { get; init; }

    /// <summary>Change in bone mineral density at the loaded sites (hip), percent of the start.</summary>
    [JsonPropertyName("bone_density_change_pct")]
    public required double BoneDensityChangePercent { get; init; }

    /// <summary>Joint (knee) load relative to what the joint is adapted to; 1 = habitual.</summary>
    [JsonPropertyName("joint_load_index")]
    public required double JointLoadIndex { get; init; }

    /// <summary>Change in knee-cartilage health (thickness and composition index), percent points since the start.</summary>
    [JsonPropertyName("knee_cartilage_change_pct")]
    public double KneeCartilageChangePercent { get; init; }

    /// <summary>The last week's mechanical load on the knee, Achilles tendon and tibia, each relative to a day of walking only.</summary>
    [JsonPropertyName("tissue_loads")]
    public TissueLoads TissueLoads { get; init; } = new(1, 1, 1);

    /// <summary>Relative injury risk from load spikes; 1 = baseline risk.</summary>
    [JsonPropertyName("injury_risk")]
    public required double InjuryRisk { get; init; }
}

/// <summary>What a simulation produced: the start, the end, and one snapshot per week.</summary>
public sealed record SimulationOutcome
{
    /// <summary>Number of simulated days.</summary>
    [JsonPropertyName("days")]
    public required int Days { get; init; }

    /// <summary>The state at the start.</summary>
    [JsonPropertyName("start")]
    public required BodySnapshot Start { get; init; }

    /// <summary>The state at the end.</summary>
    [JsonPropertyName("final")]
    public required BodySnapshot Final { get; init; }

    /// <summary>One snapshot at the end of each week, in order.</summary>
    [JsonPropertyName("series")]
    public required IReadOnlyList<BodySnapshot> Series { get; init; }

    /// <summary>The highest weekly injury risk over the simulation (1 = baseline); the final one when there is no week.</summary>
    public double PeakInjuryRisk() => Series.Select(w => w.InjuryRisk).DefaultIfEmpty(Final.InjuryRisk).Max();

    /// <summary>The outcome as the JSON document <c>runadapt simulate --json</c> prints (<see cref="OutcomeJson"/>).</summary>
    public string ToJson() => OutcomeJson.Write(OutcomeJson.Node(this));
}
