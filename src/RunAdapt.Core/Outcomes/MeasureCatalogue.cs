namespace RunAdapt.Core.Outcomes;

/// <summary>
/// The measures an outcome shows, in order: the one place that knows them. Faces lay out what it holds; adding a
/// measure here adds it to the terminal tables, the JSON, the HTML report and the dashboard.
/// </summary>
public sealed class MeasureCatalogue
{
    /// <summary>The key of a muscle's size (its <see cref="Measure.Subject"/> is the muscle itself).</summary>
    public const string SizeKey = "size";

    private MeasureCatalogue(IReadOnlyList<Measure> measures) => All = measures;

    /// <summary>The measures RunAdapt shows.</summary>
    public static MeasureCatalogue Standard { get; } = new([
        Measure.OfMuscle(SizeKey, "size_change_pct", "size", m => m.SizeChangePercent) with { Unit = "%", Better = Better.Higher, Kind = MeasureKind.Change, In = Summaries.Bands | Summaries.Why | Summaries.Compare | Summaries.OverTime, Up = "grow", Down = "shrink" },
        Measure.OfMuscle("type1", "type1_pct", "type I", m => m.Type1Percent) with { Unit = "%", In = Summaries.Bands | Summaries.Compare | Summaries.OverTime },
        Measure.OfMuscle("type2a", "type2a_pct", "type IIa", m => m.Type2APercent) with { Unit = "%" },
        Measure.OfMuscle("type2x", "type2x_pct", "type IIx", m => m.Type2XPercent) with { Unit = "%" },
        Measure.OfMuscle("endurance", "endurance_change_pct", "endurance", m => m.EnduranceChangePercent) with { Unit = "%", Better = Better.Higher, Kind = MeasureKind.Change },
        Measure.OfMuscle("strength", "strength_change_pct", "strength", m => m.StrengthChangePercent) with { Unit = "%", Better = Better.Higher, Kind = MeasureKind.Change, In = Summaries.OverTime },
        Measure.OfMuscle("strength_1rm", "strength_1rm_change_pct", "1RM", m => m.OneRepetitionMaximumChangePercent) with { Unit = "%", Better = Better.Higher, Kind = MeasureKind.Change },
        Measure.OfBody("vo2max", "vo2max_ml_kg_min", "VO2max", b => b.Vo2MaxMillilitresPerKilogramPerMinute) with { Unit = "ml/kg/min", Better = Better.Higher, In = Summaries.Bands | Summaries.Why | Summaries.Compare | Summaries.OverTime },
        Measure.OfBody("body_mass", "body_mass_kg", "body mass", b => b.BodyMassKilograms) with { Unit = "kg", In = Summaries.Bands | Summaries.Compare | Summaries.OverTime },
        Measure.OfBody("fat_mass", "fat_mass_kg", "fat mass", b => b.FatMassKilograms) with { Unit = "kg", Better = Better.Lower, In = Summaries.Bands },
        Measure.OfBody("bone", "bone_density_change_pct", "hip bone density", b => b.BoneDensityChangePercent) with { Unit = "%", Better = Better.Higher, Kind = MeasureKind.Change, In = Summaries.Bands | Summaries.Why | Summaries.Compare | Summaries.OverTime },
        Measure.OfBody("joint_load", "joint_load_index", "knee load (1 = habitual)", b => b.JointLoadIndex) with { Decimals = 2, Better = Better.Lower },
        Measure.OfBody("injury_risk", "injury_risk", "injury risk (1 = baseline)", b => b.InjuryRisk) with { Decimals = 2, Better = Better.Lower, In = Summaries.Bands },
    ]);

    /// <summary>Every measure, in the order faces show them.</summary>
    public IReadOnlyList<Measure> All { get; }

    /// <summary>The measures of each muscle group, in order.</summary>
    public IEnumerable<Measure> OfMuscles => All.Where(m => m.Scope == MeasureScope.Muscle);

    /// <summary>The measures of the whole body, in order.</summary>
    public IEnumerable<Measure> OfBody => All.Where(m => m.Scope == MeasureScope.Body);

    /// <summary>The measures a summary table shows, in order.</summary>
    /// <param name="summary">The table.</param>
    public IEnumerable<Measure> In(Summaries summary) => All.Where(m => m.In.HasFlag(summary));

    /// <summary>The measure with this key.</summary>
    /// <param name="key">A measure's <see cref="Measure.Key"/>.</param>
    /// <exception cref="KeyNotFoundException">No measure has it.</exception>
    public Measure this[string key] => All.FirstOrDefault(m => m.Key == key) ?? throw new KeyNotFoundException($"no measure '{key}' in the catalogue");

    /// <summary>This catalogue with one more measure at the end of its scope's measures.</summary>
    /// <param name="measure">The measure (its key and JSON name must be new).</param>
    /// <exception cref="ArgumentException">The key or JSON name is taken.</exception>
    public MeasureCatalogue With(Measure measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        if (All.Any(m => m.Key == measure.Key || (m.Scope == measure.Scope && m.Json == measure.Json)))
        {
            throw new ArgumentException($"the catalogue already has a measure '{measure.Key}' or JSON name '{measure.Json}'", nameof(measure));
        }

        return new MeasureCatalogue([.. All, measure]);
    }
}
