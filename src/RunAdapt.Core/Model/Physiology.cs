using RunAdapt.Core.Training;

namespace RunAdapt.Core.Model;

/// <summary>Whole-body physiology shared by the model and the scenario planner: heart rates, VO2max, oxygen cost of running.</summary>
public sealed class Physiology
{
    private readonly ModelParameters _p;
    private readonly double _restingVo2, _joulesPerMl, _trimpMaleB, _trimpFemaleB, _walkRunSpeed, _briskWalkSpeed;

    /// <summary>Reads the physiological parameters.</summary>
    /// <param name="p">The model parameters.</param>
    public Physiology(ModelParameters p)
    {
        _p = p;
        _restingVo2 = p.Get(ParameterNames.EnergyRestingMlKgMin);
        _joulesPerMl = p.Get(ParameterNames.EnergyJoulesPerMlO2);
        _trimpMaleB = p.Get(ParameterNames.HrTrimpMaleB);
        _trimpFemaleB = p.Get(ParameterNames.HrTrimpFemaleB);
        _walkRunSpeed = p.Get(ParameterNames.GaitWalkRunSpeed);
        _briskWalkSpeed = p.Get(ParameterNames.GaitBriskWalkSpeed);
    }

    /// <summary>Maximal heart rate: measured, else Tanaka's 208 − 0.7 × age.</summary>
    /// <param name="athlete">The athlete.</param>
    public double HeartRateMax(Athlete athlete) =>
        athlete.HeartRateMaxBeatsPerMinute ?? (_p.Get(ParameterNames.HrMaxIntercept) - (_p.Get(ParameterNames.HrMaxSlope) * athlete.AgeYears));

    /// <summary>Resting heart rate: measured, else by training status.</summary>
    /// <param name="athlete">The athlete.</param>
    public double HeartRateRest(Athlete athlete) => athlete.HeartRateRestBeatsPerMinute ?? athlete.TrainingStatus switch
    {
        TrainingStatus.Untrained => _p.Get(ParameterNames.HrRestUntrained),
        TrainingStatus.Recreational => (_p.Get(ParameterNames.HrRestUntrained) + _p.Get(ParameterNames.HrRestTrained)) / 2,
        _ => _p.Get(ParameterNames.HrRestTrained),
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
            TrainingStatus.Untrained => _p.Get(ParameterNames.Vo2Untrained),
            TrainingStatus.Recreational => _p.Get(ParameterNames.Vo2Recreational),
            TrainingStatus.Trained => _p.Get(ParameterNames.Vo2Trained),
            _ => _p.Get(ParameterNames.Vo2Elite),
        };
        var sex = athlete.Sex == Sex.Female ? _p.Get(ParameterNames.Vo2FemaleFactor) : 1;
        return byStatus * sex * AgeingFactor(25, athlete.AgeYears);
    }

    /// <summary>
    /// The fraction of VO2max kept between two ages by ageing alone (Fleg 2005: a decline that accelerates with
    /// age, the same whatever the activity level): exp(−∫ d(a) da) with d(a) = d₂₅ + s·(a − 25).
    /// </summary>
    /// <param name="fromAge">The earlier age, in years.</param>
    /// <param name="toAge">The later age, in years.</param>
    public double AgeingFactor(double fromAge, double toAge)
    {
        static double Integral(double age, double d25, double s)
        {
            var over = Math.Max(0, age - 25);
            return (d25 * over) + (s * over * over / 2);
        }

        var d25 = _p.Get(ParameterNames.Vo2AgeDeclineAt25);
        var s = _p.Get(ParameterNames.Vo2AgeDeclineAcceleration);
        return Math.Exp(Integral(fromAge, d25, s) - Integral(toAge, d25, s));
    }

    /// <summary>
    /// Oxygen uptake moving at a speed and grade, in ml/kg/min: net cost of running (Minetti 2002) at or above the
    /// walk–run transition speed, of walking below it, plus resting uptake.
    /// </summary>
    /// <param name="speedMetresPerSecond">Speed.</param>
    /// <param name="gradeFraction">Grade.</param>
    /// <param name="loadFactor">Weight-bearing factor of a carried load (1 = none).</param>
    public double OxygenUptake(double speedMetresPerSecond, double gradeFraction, double loadFactor = 1) =>
        (Cost(speedMetresPerSecond, gradeFraction) * speedMetresPerSecond * 60 / _joulesPerMl * loadFactor) + _restingVo2;

    /// <summary>The speed whose oxygen uptake equals a target on a grade, in m/s (walking when the target is below a slow jog).</summary>
    /// <param name="vo2MillilitresPerKilogramPerMinute">Target uptake.</param>
    /// <param name="gradeFraction">Grade.</param>
    public double SpeedAtOxygenUptake(double vo2MillilitresPerKilogramPerMinute, double gradeFraction) =>
        Locomotion(vo2MillilitresPerKilogramPerMinute, gradeFraction).SpeedMetresPerSecond;

    /// <summary>
    /// How a person moves to reach a target oxygen uptake on at least a given grade: running at the speed that
    /// costs it when that is at least the walk–run transition speed; otherwise walking — brisk and, if needed,
    /// uphill (as treadmill walking in training studies of low-fit people), or slower when even level walking is
    /// too much.
    /// </summary>
    /// <param name="vo2MillilitresPerKilogramPerMinute">Target uptake.</param>
    /// <param name="gradeFraction">The grade asked for.</param>
    public (double SpeedMetresPerSecond, double GradeFraction) Locomotion(double vo2MillilitresPerKilogramPerMinute, double gradeFraction)
    {
        var net = Math.Max(0.5, vo2MillilitresPerKilogramPerMinute - _restingVo2) * _joulesPerMl / 60;
        var running = net / Math.Max(1.0, Biomechanics.CostJoulesPerKilogramMetre(gradeFraction));
        if (running >= _walkRunSpeed)
        {
            return (running, gradeFraction);
        }

        var briskLevel = net / WalkingCost(gradeFraction);
        if (briskLevel <= _briskWalkSpeed)
        {
            return (Math.Max(0.5, briskLevel), gradeFraction);
        }

        // Brisk walking on a steeper grade: the walking cost rises monotonically with grade uphill.
        double low = gradeFraction, high = Math.Max(gradeFraction, 0) + 0.4;
        for (var i = 0; i < 30; i++)
        {
            var mid = (low + high) / 2;
            (low, high) = WalkingCost(mid) * _briskWalkSpeed < net ? (mid, high) : (low, mid);
        }

        return (_briskWalkSpeed, (low + high) / 2);
    }

    private double Cost(double speedMetresPerSecond, double gradeFraction) => speedMetresPerSecond < _walkRunSpeed
        ? WalkingCost(gradeFraction)
        : Math.Max(1.0, Biomechanics.CostJoulesPerKilogramMetre(gradeFraction));

    /// <summary>Net energy cost of walking per kilogram and metre at a grade (Minetti et al. 2002), in J/kg/m.</summary>
    private static double WalkingCost(double gradeFraction)
    {
        // 280.5i⁵ − 58.7i⁴ − 76.8i³ + 51.9i² + 19.6i + 2.5, in Horner's form; floor 0.8 on steep descents.
        var i = Math.Clamp(gradeFraction, -0.45, 0.45);
        return Math.Max(0.8, (((((((((280.5 * i) - 58.7) * i) - 76.8) * i) + 51.9) * i) + 19.6) * i) + 2.5);
    }

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
