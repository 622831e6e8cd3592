using RunAdapt.Core.Training;

namespace RunAdapt.Core.Model;

/// <summary>Whole-body physiology shared by the model and the scenario planner: heart rates, VO2max, oxygen cost of running.</summary>
public sealed class Physiology
{
    private readonly ModelParameters _p;
    private readonly double _restingVo2, _joulesPerMl, _trimpMaleB, _trimpFemaleB;

    /// <summary>Reads the physiological parameters.</summary>
    /// <param name="p">The model parameters.</param>
    public Physiology(ModelParameters p)
    {
        _p = p;
        _restingVo2 = p.Get("energy.resting_ml_kg_min");
        _joulesPerMl = p.Get("energy.joules_per_ml_o2");
        _trimpMaleB = p.Get("hr.trimp_male_b");
        _trimpFemaleB = p.Get("hr.trimp_female_b");
    }

    /// <summary>Maximal heart rate: measured, else Tanaka's 208 − 0.7 × age.</summary>
    /// <param name="athlete">The athlete.</param>
    public double HeartRateMax(Athlete athlete) =>
        athlete.HeartRateMaxBeatsPerMinute ?? (_p.Get("hr.max_intercept") - (_p.Get("hr.max_slope") * athlete.AgeYears));

    /// <summary>Resting heart rate: measured, else by training status.</summary>
    /// <param name="athlete">The athlete.</param>
    public double HeartRateRest(Athlete athlete) => athlete.HeartRateRestBeatsPerMinute ?? athlete.TrainingStatus switch
    {
        TrainingStatus.Untrained => _p.Get("hr.rest_untrained"),
        TrainingStatus.Recreational => (_p.Get("hr.rest_untrained") + _p.Get("hr.rest_trained")) / 2,
        _ => _p.Get("hr.rest_trained"),
    };

    /// <summary>VO2max at the start, in ml/kg/min: measured, else by status, sex and age.</summary>
    /// <param name="athlete">The athlete.</param>
    public double InitialVo2Max(Athlete athlete)
    {
        if (athlete.Vo2MaxMillilitresPerKilogramPerMinute is { } measured)
        {
            return measured;
        }

        var byStatus = athlete.TrainingStatus switch
        {
            TrainingStatus.Untrained => _p.Get("vo2.untrained"),
            TrainingStatus.Recreational => _p.Get("vo2.recreational"),
            TrainingStatus.Trained => _p.Get("vo2.trained"),
            _ => _p.Get("vo2.elite"),
        };
        var sex = athlete.Sex == Sex.Female ? _p.Get("vo2.female_factor") : 1;
        var age = 1 - (_p.Get("vo2.age_decline_per_year") * Math.Max(0, athlete.AgeYears - 25));
        return byStatus * sex * age;
    }

    /// <summary>Oxygen uptake running at a speed and grade, in ml/kg/min (net Minetti cost plus resting uptake).</summary>
    /// <param name="speedMetresPerSecond">Speed.</param>
    /// <param name="gradeFraction">Grade.</param>
    /// <param name="loadFactor">Weight-bearing factor of a carried load (1 = none).</param>
    public double OxygenUptake(double speedMetresPerSecond, double gradeFraction, double loadFactor = 1) =>
        (Math.Max(1.0, Biomechanics.CostJoulesPerKilogramMetre(gradeFraction)) * speedMetresPerSecond * 60 / _joulesPerMl * loadFactor)
        + _restingVo2;

    /// <summary>The speed whose oxygen uptake equals a target, in m/s.</summary>
    /// <param name="vo2MillilitresPerKilogramPerMinute">Target uptake.</param>
    /// <param name="gradeFraction">Grade.</param>
    public double SpeedAtOxygenUptake(double vo2MillilitresPerKilogramPerMinute, double gradeFraction) =>
        Math.Max(0.5, (vo2MillilitresPerKilogramPerMinute - _restingVo2) * _joulesPerMl
            / (60 * Math.Max(1.0, Biomechanics.CostJoulesPerKilogramMetre(gradeFraction))));

    /// <summary>Fraction of VO2 reserve (≈ fraction of heart-rate reserve, Swain) that an uptake represents.</summary>
    /// <param name="vo2">Uptake, ml/kg/min.</param>
    /// <param name="vo2Max">VO2max, ml/kg/min.</param>
    public double ReserveFraction(double vo2, double vo2Max)
    {
        return Math.Max(0, (vo2 - _restingVo2) / (vo2Max - _restingVo2));
    }

    /// <summary>Banister's training impulse for a bout.</summary>
    /// <param name="minutes">Duration.</param>
    /// <param name="reserveFraction">Fraction of heart-rate reserve (0–1).</param>
    /// <param name="sex">Sex (sets the weighting constants).</param>
    public double Trimp(double minutes, double reserveFraction, Sex sex)
    {
        var x = Math.Clamp(reserveFraction, 0, 1);
        return sex == Sex.Female
            ? minutes * x * 0.86 * Math.Exp(_trimpFemaleB * x)
            : minutes * x * 0.64 * Math.Exp(_trimpMaleB * x);
    }
}
