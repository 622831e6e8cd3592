using RunAdapt.Core.Training;

namespace RunAdapt.Core.Model;

/// <summary>
/// What a stride asks of each muscle, and what running costs: per-muscle demand as a share of maximal force by
/// speed, grade, foot strike and load (Kulmala 2016, Roberts &amp; Belliveau 2005, Gottschall &amp; Kram 2005,
/// Vannatta &amp; Kernozek 2015); energy cost by grade (Minetti 2002); ground reaction force (Keller 1996).
/// </summary>
public sealed class Biomechanics
{
    private readonly double[] _knots;
    private readonly double[][] _demand;
    private readonly double _referenceMass, _uphillHip, _uphillCalf, _uphillKnee, _downhillKnee, _downhillCalf, _downhillHip;
    private readonly double _forefootCalves, _midfootCalves, _forefootQuads, _midfootQuads, _loadExtra;
    private readonly double _stepRateIntercept, _stepRatePerSpeed, _stepKneeExponent, _stepExtensorExponent, _referenceHeight;

    /// <summary>Reads the biomechanical parameters.</summary>
    /// <param name="p">The model parameters.</param>
    public Biomechanics(ModelParameters p)
    {
        _knots = [.. p[ParameterNames.DemandSpeedKnots].Values];
        _demand = new double[4][];
        foreach (var m in Muscles.All)
        {
            _demand[(int)m] = [.. p["demand." + m.Name()].Values];
        }

        _referenceMass = p.Get(ParameterNames.DemandReferenceMassKg);
        _uphillHip = p.Get(ParameterNames.DemandUphillHipPerGrade);
        _uphillCalf = p.Get(ParameterNames.DemandUphillCalfPerGrade);
        _uphillKnee = p.Get(ParameterNames.DemandUphillKneePerGrade);
        _downhillKnee = p.Get(ParameterNames.DemandDownhillKneePerGrade);
        _downhillCalf = p.Get(ParameterNames.DemandDownhillCalfPerGrade);
        _downhillHip = p.Get(ParameterNames.DemandDownhillHipPerGrade);
        _forefootCalves = p.Get(ParameterNames.DemandForefootCalves);
        _midfootCalves = p.Get(ParameterNames.DemandMidfootCalves);
        _forefootQuads = p.Get(ParameterNames.DemandForefootQuadriceps);
        _midfootQuads = p.Get(ParameterNames.DemandMidfootQuadriceps);
        _loadExtra = p.Get(ParameterNames.DemandLoadExtraPerFraction);
        _stepRateIntercept = p.Get(ParameterNames.GaitStepRateIntercept);
        _stepRatePerSpeed = p.Get(ParameterNames.GaitStepRatePerSpeed);
        _stepKneeExponent = p.Get(ParameterNames.GaitStepLengthKneeExponent);
        _stepExtensorExponent = p.Get(ParameterNames.GaitStepLengthExtensorExponent);
        _referenceHeight = p.Get(ParameterNames.GaitReferenceHeightCm);
    }

    /// <summary>
    /// Peak per-stride force of a muscle group as a fraction of the maximal force of a reference-strength muscle
    /// (before dividing by the athlete's own strength).
    /// </summary>
    /// <param name="muscle">The group.</param>
    /// <param name="speedMetresPerSecond">Running speed.</param>
    /// <param name="gradeFraction">Rise over run (negative downhill).</param>
    /// <param name="strike">Foot strike.</param>
    /// <param name="bodyMassKilograms">The runner's mass.</param>
    /// <param name="loadKilograms">Carried load.</param>
    /// <param name="stepLengthRatio">Step length over the runner's natural one at this speed (1.1 = 10 % longer steps).</param>
    public double Demand(Muscle muscle, double speedMetresPerSecond, double gradeFraction, FootStrike strike, double bodyMassKilograms, double loadKilograms, double stepLengthRatio = 1)
    {
        if (speedMetresPerSecond <= 0)
        {
            return 0;
        }

        var d = Interpolate(_knots, _demand[(int)muscle], speedMetresPerSecond);
        var up = Math.Max(0, gradeFraction);
        var down = Math.Max(0, -gradeFraction);
        d *= muscle switch
        {
            Muscle.Glutes or Muscle.Hamstrings => (1 + (_uphillHip * up)) * Math.Max(0.5, 1 - (_downhillHip * down)),
            Muscle.Calves => (1 + (_uphillCalf * up)) * Math.Max(0.5, 1 - (_downhillCalf * down)),
            _ => (1 + (_uphillKnee * up)) * (1 + (_downhillKnee * down)),
        };
        d *= StrikeFactor(muscle, strike) * StepLengthFactor(muscle, stepLengthRatio);

        // Force scales with the weight carried; a heavier body has proportionally larger (mass^2/3) muscles.
        d *= LoadFactor(bodyMassKilograms, loadKilograms) * Math.Cbrt(bodyMassKilograms / _referenceMass);
        return d;
    }

    /// <summary>How foot strike scales a muscle's demand (rearfoot = 1).</summary>
    /// <param name="muscle">The group.</param>
    /// <param name="strike">Foot strike.</param>
    public double StrikeFactor(Muscle muscle, FootStrike strike) => (muscle, strike) switch
    {
        (Muscle.Calves, FootStrike.Forefoot) => _forefootCalves,
        (Muscle.Calves, FootStrike.Midfoot) => _midfootCalves,
        (Muscle.Quadriceps, FootStrike.Forefoot) => _forefootQuads,
        (Muscle.Quadriceps, FootStrike.Midfoot) => _midfootQuads,
        _ => 1.0,
    };

    /// <summary>
    /// How a longer or shorter step than the natural one scales a muscle's per-step demand: longer steps land further
    /// ahead of the body, with a more flexed knee (Willson 2014: patellofemoral stress per step +31 % / −22 % at ±10 %
    /// step length; Lenhart 2014: ±10 % step rate changes extensor demand ∓7–10 %).
    /// </summary>
    /// <param name="muscle">The group.</param>
    /// <param name="stepLengthRatio">Step length over the natural one (1 = natural).</param>
    public double StepLengthFactor(Muscle muscle, double stepLengthRatio) =>
        stepLengthRatio == 1 ? 1 : Math.Pow(stepLengthRatio, muscle == Muscle.Quadriceps ? _stepKneeExponent : _stepExtensorExponent);

    /// <summary>
    /// Natural step frequency at a running speed, in steps per second: it rises slowly with speed, and a taller runner
    /// (longer legs, longer natural steps) takes fewer.
    /// </summary>
    /// <param name="speedMetresPerSecond">Running speed.</param>
    /// <param name="heightCentimetres">The runner's height.</param>
    public double NaturalStepsPerSecond(double speedMetresPerSecond, double heightCentimetres) =>
        speedMetresPerSecond <= 0 ? 0 : (_stepRateIntercept + (_stepRatePerSpeed * speedMetresPerSecond)) * _referenceHeight / heightCentimetres;

    /// <summary>Steps per second at a running speed and step length: longer steps than the natural ones mean fewer.</summary>
    /// <param name="speedMetresPerSecond">Running speed.</param>
    /// <param name="heightCentimetres">The runner's height.</param>
    /// <param name="stepLengthRatio">Step length over the natural one (1 = natural).</param>
    public double StepsPerSecond(double speedMetresPerSecond, double heightCentimetres, double stepLengthRatio = 1) =>
        NaturalStepsPerSecond(speedMetresPerSecond, heightCentimetres) / stepLengthRatio;

    /// <summary>
    /// A segment's step length over the runner's natural one: from the measured cadence when the recording has it
    /// (natural over measured steps, within ±30 %), else as planned.
    /// </summary>
    /// <param name="segment">The segment.</param>
    /// <param name="heightCentimetres">The runner's height.</param>
    public double StepLengthRatio(RunSegment segment, double heightCentimetres)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return segment.StepsPerMinute is { } measured && measured > 0 && segment.SpeedMetresPerSecond > 0
            ? Math.Clamp(NaturalStepsPerSecond(segment.SpeedMetresPerSecond, heightCentimetres) * 60 / measured, 0.7, 1.3)
            : segment.StepLengthRatio;
    }

    /// <summary>
    /// Cumulative knee-extensor (patellofemoral) load per kilometre: per-step quadriceps demand times steps per
    /// kilometre, in demand-steps (the unit the joint model's acute and chronic loads are kept in).
    /// </summary>
    /// <param name="speedMetresPerSecond">Running speed (&gt; 0).</param>
    /// <param name="gradeFraction">Rise over run.</param>
    /// <param name="strike">Foot strike.</param>
    /// <param name="bodyMassKilograms">The runner's mass.</param>
    /// <param name="loadKilograms">Carried load.</param>
    /// <param name="heightCentimetres">The runner's height.</param>
    /// <param name="stepLengthRatio">Step length over the natural one (1 = natural).</param>
    public double KneeLoadPerKilometre(double speedMetresPerSecond, double gradeFraction, FootStrike strike, double bodyMassKilograms, double loadKilograms, double heightCentimetres, double stepLengthRatio = 1) =>
        speedMetresPerSecond <= 0 ? 0 : Demand(Muscle.Quadriceps, speedMetresPerSecond, gradeFraction, strike, bodyMassKilograms, loadKilograms, stepLengthRatio)
            * StepsPerSecond(speedMetresPerSecond, heightCentimetres, stepLengthRatio) * 1000 / speedMetresPerSecond;

    /// <summary>Weight-bearing factor of a carried load: proportional, plus slightly more (Teunissen 2007).</summary>
    /// <param name="bodyMassKilograms">The runner's mass.</param>
    /// <param name="loadKilograms">Carried load.</param>
    public double LoadFactor(double bodyMassKilograms, double loadKilograms)
    {
        var fraction = loadKilograms / bodyMassKilograms;
        return 1 + (fraction * (1 + _loadExtra));
    }

    /// <summary>Net energy cost of running per kilogram and metre at a grade (Minetti et al. 2002), in J/kg/m.</summary>
    /// <param name="gradeFraction">Rise over run, clamped to ±0.45 (the measured range).</param>
    public static double CostJoulesPerKilogramMetre(double gradeFraction)
    {
        // 155.4i⁵ − 30.4i⁴ − 43.3i³ + 46.3i² + 19.5i + 3.6, in Horner's form (it runs for every segment).
        var i = Math.Clamp(gradeFraction, -0.45, 0.45);
        return (((((((((155.4 * i) - 30.4) * i) - 43.3) * i) + 46.3) * i) + 19.5) * i) + 3.6;
    }

    /// <summary>Peak vertical ground reaction force in body weights at a speed (Keller 1996: 1.2 BW at 1.5 m/s to 2.5 BW at 6 m/s).</summary>
    /// <param name="speedMetresPerSecond">Running speed.</param>
    /// <param name="gradeFraction">Grade; downhill raises the impact peak (+54 % at −9°, Gottschall &amp; Kram 2005).</param>
    public static double PeakGroundForceBodyWeights(double speedMetresPerSecond, double gradeFraction)
    {
        var level = 1.2 + (1.3 * Math.Clamp((speedMetresPerSecond - 1.5) / 4.5, 0, 1));
        return level * (1 + (3.4 * Math.Max(0, -gradeFraction)));
    }

    private static double Interpolate(double[] x, double[] y, double at)
    {
        if (at >= x[^1])
        {
            return y[^1];
        }

        for (var i = 1; i < x.Length; i++)
        {
            if (at <= x[i])
            {
                return y[i - 1] + ((y[i] - y[i - 1]) * (at - x[i - 1]) / (x[i] - x[i - 1]));
            }
        }

        return y[^1];
    }
}
