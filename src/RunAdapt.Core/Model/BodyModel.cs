using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Training;

namespace RunAdapt.Core.Model;

/// <summary>
/// The simulated body, advanced one day at a time: per-muscle fibre areas and types, strength and endurance,
/// plus VO2max, energy balance, bone and joint load. docs/MODEL.md gives every equation with its sources.
/// </summary>
internal sealed class BodyModel
{
    private const double WalkingStepsPerDay = 8000;
    private const double WalkingSpeedMetresPerSecond = 1.4;

    private readonly Athlete _athlete;
    private readonly Biomechanics _bio;
    private readonly Physiology _phys;
    private readonly Constants _k;
    private readonly MuscleState[] _muscles = new MuscleState[4];
    private readonly double _startMass, _walkingKneeLoad;
    private readonly double _vo2Base, _vo2Headroom;
    private double _vo2AbsoluteMlPerMin, _chronicTrimp;
    private double _energyMass, _fatMass, _boneChange, _boneStimulus;
    private double _kneeAcute, _kneeChronic;
    private double _trimpHabitual, _boneHabitual, _kcalAverage, _kcalHabitual, _boneReference;

    public BodyModel(Athlete athlete, ModelParameters p)
    {
        _athlete = athlete;
        _bio = new Biomechanics(p);
        _phys = new Physiology(p);
        _k = new Constants(p);
        _startMass = athlete.MassKilograms;
        _energyMass = _startMass;
        var fatFraction = athlete.BodyFatPercent / 100 ?? DefaultFat(athlete, p);
        _fatMass = _startMass * fatFraction;

        var type1 = athlete.Type1Percent / 100 ?? _k.Type1Untrained;
        var type2x = Math.Min(_k.Type2xUntrained, (1 - type1) / 3);
        var liftingStart = athlete.LiftingStatus >= TrainingStatus.Trained ? _k.LiftingTrainingAge * _k.Ceiling : 0;
        for (var m = 0; m < 4; m++)
        {
            // Unloading costs each muscle in proportion to the daily walking load it loses (quadriceps = 1).
            var walking = _bio.Demand((Muscle)m, WalkingSpeedMetresPerSecond, 0, FootStrike.Rearfoot, _startMass, 0);
            var quadricepsWalking = _bio.Demand(Muscle.Quadriceps, WalkingSpeedMetresPerSecond, 0, FootStrike.Rearfoot, _startMass, 0);
            _muscles[m] = new MuscleState(type1, 1 - type1 - type2x, type2x, _k.Type2AreaRatio, 1 + liftingStart, walking, walking / quadricepsWalking);
        }

        _vo2Base = _phys.InitialVo2Max(athlete);
        _vo2AbsoluteMlPerMin = _vo2Base * _startMass;
        _vo2Headroom = p.Get("vo2.gain_max_untrained") * (athlete.Trainability ?? p.Get("vo2.trainability")) * athlete.TrainingStatus switch
        {
            TrainingStatus.Untrained => 1,
            TrainingStatus.Recreational => p.Get("vo2.headroom_recreational"),
            TrainingStatus.Trained => p.Get("vo2.headroom_trained"),
            _ => p.Get("vo2.headroom_elite"),
        };
        _walkingKneeLoad = WalkingStepsPerDay * _bio.Demand(Muscle.Quadriceps, WalkingSpeedMetresPerSecond, 0, FootStrike.Rearfoot, _startMass, 0);
        _kneeAcute = _kneeChronic = _walkingKneeLoad;
        BodyMass = ComputeBodyMass();
    }

    private double Vo2Relative => _vo2AbsoluteMlPerMin / BodyMass;

    /// <summary>Body mass today: the energy-balance mass plus the change in leg muscle (updated once a day).</summary>
    private double BodyMass { get; set; }

    private double ComputeBodyMass()
    {
        var lean = 0.0;
        foreach (var m in _muscles)
        {
            lean += m.LeanMassChange;
        }

        return _energyMass + (lean * _startMass * _k.LegMuscleFraction / 4);
    }

    /// <summary>
    /// Ends the priming of a trained athlete: the training they are used to becomes the reference, so only
    /// training beyond it changes VO2max, bone and endurance.
    /// </summary>
    public void EndPriming()
    {
        _trimpHabitual = _chronicTrimp;
        _boneHabitual = _boneStimulus;
        _kcalHabitual = _kcalAverage;
        foreach (var m in _muscles)
        {
            m.EndPriming();
        }
    }

    public void Step(List<TrainingSession>? sessions, bool unloaded, bool priming)
    {
        Span<Drive> drives = stackalloc Drive[4];
        var trimp = 0.0;
        var exerciseKcal = 0.0;
        var boneStimulus = 0.0;
        var kneeLoad = unloaded ? 0 : _walkingKneeLoad;
        foreach (var session in sessions ?? [])
        {
            trimp += Session(session, drives, ref exerciseKcal, ref boneStimulus, ref kneeLoad);
        }

        for (var m = 0; m < 4; m++)
        {
            _muscles[m].Advance(drives[m], unloaded, priming, _k);
        }

        _chronicTrimp += (trimp - _chronicTrimp) / _k.Vo2ChronicDays;
        _boneStimulus += (boneStimulus - _boneStimulus) / _k.BoneStimulusDays;
        _kneeAcute += (kneeLoad - _kneeAcute) / _k.AcuteDays;
        _kneeChronic += (kneeLoad - _kneeChronic) / _k.ChronicDays;
        _kcalAverage += (exerciseKcal - _kcalAverage) / _k.ChronicDays;
        if (priming)
        {
            return;
        }

        // VO2max: the chronic training impulse beyond the habitual one sets a target VO2max approaches (docs/MODEL.md §VO2max).
        var target = _vo2Base * _startMass * (1 + (_vo2Headroom * (Saturation(_chronicTrimp, _k.Vo2HalfLoad) - Saturation(_trimpHabitual, _k.Vo2HalfLoad))));
        _vo2AbsoluteMlPerMin += (target - _vo2AbsoluteMlPerMin) / _k.Vo2ResponseDays;

        // Energy balance (Hall 2011): the uncompensated exercise energy is a deficit; expenditure falls as mass falls.
        // The exercise an athlete is used to is matched by what they eat; only the change counts, and intake
        // slowly catches up with a sustained change.
        var deficit = (exerciseKcal - _kcalHabitual) * (_athlete.IntakeUnchanged ? 1 : 1 - _k.Compensation);
        if (!_athlete.IntakeUnchanged)
        {
            _kcalHabitual += (exerciseKcal - _kcalHabitual) / _k.IntakeAdaptationDays;
        }
        var massChange = (-deficit - (_k.KcalPerKgPerDay * (_energyMass - _startMass))) / _k.TissueKcalPerKg;
        _fatMass = Math.Max(0.5, _fatMass + (massChange * _fatMass / (_fatMass + _k.ForbesConstant)));
        _energyMass += massChange;
        BodyMass = ComputeBodyMass();

        // Bone: osteogenic stimulus saturates per bout; density approaches a target set by the chronic stimulus.
        var boneTarget = _k.BoneGainMax * (Saturation(_boneStimulus, _k.BoneHalfStimulus) - Saturation(_boneHabitual, _k.BoneHalfStimulus));
        _boneChange += (boneTarget - _boneChange) / _k.BoneDays;
    }

    private static double Saturation(double x, double half) => x / (x + half);

    public BodySnapshot Snapshot(int? week)
    {
        var muscles = new Dictionary<string, MuscleSnapshot>();
        for (var m = 0; m < 4; m++)
        {
            muscles[((Muscle)m).Name()] = _muscles[m].Snapshot();
        }

        var ratio = _kneeChronic > 0 ? _kneeAcute / _kneeChronic : 1;
        return new BodySnapshot
        {
            Week = week,
            Muscles = muscles,
            Vo2MaxMillilitresPerKilogramPerMinute = Math.Round(Vo2Relative, 2),
            Vo2MaxMillilitresPerMinute = Math.Round(_vo2AbsoluteMlPerMin, 0),
            LeanMassKilograms = Math.Round(BodyMass - _fatMass, 2),
            BodyMassKilograms = Math.Round(BodyMass, 2),
            FatMassKilograms = Math.Round(_fatMass, 2),
            BoneDensityChangePercent = Math.Round((((1 + _boneChange) / (1 + _boneReference)) - 1) * 100, 2),
            JointLoadIndex = Math.Round(ratio, 3),
            InjuryRisk = Math.Round(Math.Exp(_k.InjuryBeta * Math.Max(0, ratio - 1)), 3),
        };
    }

    /// <summary>Makes the current state the reference that changes are reported against (after a simulated history).</summary>
    public void Rebase()
    {
        foreach (var m in _muscles)
        {
            m.Rebase();
        }

        _boneReference = _boneChange;
    }

    /// <summary>The share of active fibres that are fast-twitch in a muscle while running a probe segment now.</summary>
    public double FastTwitchShare(RunSegment probe, Muscle muscle)
    {
        var strike = probe.FootStrike ?? _athlete.FootStrike;
        var vo2 = _phys.OxygenUptake(probe.SpeedMetresPerSecond, probe.GradeFraction, _bio.LoadFactor(BodyMass, probe.CarriedLoadKilograms));
        var effort = Effort(muscle, probe, strike, vo2);
        return _muscles[(int)muscle].FastTwitchShareAt(effort, _k);
    }

    /// <summary>A segment prescribed by effort runs at the speed today's VO2max gives that effort.</summary>
    private RunSegment AtTodaysFitness(RunSegment seg) => seg.ReserveFraction is { } reserve && seg.SpeedMetresPerSecond > 0
        ? seg with { SpeedMetresPerSecond = _phys.SpeedAtOxygenUptake(_k.RestingVo2 + (reserve * (Vo2Relative - _k.RestingVo2)), seg.GradeFraction) }
        : seg;

    private double Effort(Muscle muscle, RunSegment seg, FootStrike strike, double vo2) =>
        Effort(muscle, _bio.Demand(muscle, seg.SpeedMetresPerSecond, seg.GradeFraction, strike, BodyMass, seg.CarriedLoadKilograms, _bio.StepLengthRatio(seg, _athlete.HeightCentimetres)), vo2);

    /// <summary>Effective effort: mechanical demand over the muscle's strength, plus fatigue-driven recruitment at high intensity.</summary>
    private double Effort(Muscle muscle, double demand, double vo2)
    {
        var metabolic = _k.MetabolicGain * Math.Max(0, Math.Min(1.1, vo2 / Vo2Relative) - _k.MetabolicStart);
        return Math.Min(1.2, (demand / _muscles[(int)muscle].StrengthRelative) + metabolic);
    }

    /// <summary>Adds one session's stimulus to the day's drives; returns its training impulse.</summary>
    private double Session(TrainingSession session, Span<Drive> drives, ref double kcal, ref double bone, ref double knee)
    {
        var trimp = 0.0;
        var sensitivity = 1.0;
        foreach (var planned in session.Run)
        {
            var seg = AtTodaysFitness(planned);
            var minutes = seg.DurationSeconds / 60;
            if (seg.SpeedMetresPerSecond <= 0.3)
            {
                // Rest between repeats: bone cells regain sensitivity (Robling 2001).
                sensitivity = 1 - ((1 - sensitivity) * Math.Exp(-minutes / 60 / _k.BoneRecoveryHours));
                continue;
            }

            var strike = seg.FootStrike ?? _athlete.FootStrike;
            var loadFactor = _bio.LoadFactor(BodyMass, seg.CarriedLoadKilograms);
            var vo2 = _phys.OxygenUptake(seg.SpeedMetresPerSecond, seg.GradeFraction, loadFactor);
            var reserve = _phys.ReserveFraction(vo2, Vo2Relative);
            trimp += _phys.Trimp(minutes, reserve, _athlete.Sex);
            var exposure = minutes * _k.StanceFraction;
            var supramaximal = vo2 > _k.SprintVo2Fraction * Vo2Relative;
            var stepLength = _bio.StepLengthRatio(seg, _athlete.HeightCentimetres);
            var steps = _bio.StepsPerSecond(seg.SpeedMetresPerSecond, _athlete.HeightCentimetres, stepLength) * seg.DurationSeconds;
            for (var m = 0; m < 4; m++)
            {
                var demand = _bio.Demand((Muscle)m, seg.SpeedMetresPerSecond, seg.GradeFraction, strike, BodyMass, seg.CarriedLoadKilograms, stepLength);
                if (m == (int)Muscle.Quadriceps)
                {
                    knee += steps * demand;
                }

                var effort = Effort((Muscle)m, demand, vo2);
                var tension = _k.RunningTensionFactor * demand / _muscles[m].StrengthRelative;
                drives[m].Add(effort, tension, exposure, minutes / 60, supramaximal, _muscles[m].Accustomed, _k);
            }

            var distance = seg.DistanceMetres;
            kcal += Biomechanics.CostJoulesPerKilogramMetre(seg.GradeFraction) * distance * BodyMass * loadFactor / 4184;
            var grf = Math.Pow(Biomechanics.PeakGroundForceBodyWeights(seg.SpeedMetresPerSecond, seg.GradeFraction) * loadFactor, _k.BoneGrfExponent);
            var cyclesPerLeg = steps / 2;
            var saturation = 1 - Math.Exp(-cyclesPerLeg / _k.BoneCyclesSaturation);
            bone += grf * sensitivity * saturation;
            sensitivity *= 1 - saturation;
        }

        foreach (var set in session.Strength)
        {
            var exercise = StrengthExercises.Find(set.Exercise);
            if (exercise is null)
            {
                continue;
            }

            var effort = set.LoadFractionOfOneRepMax > 0 ? StrengthExercises.SetEffort(set.LoadFractionOfOneRepMax, set.Reps) : exercise.BodyWeightEffort;
            var exposure = set.Sets * set.Reps * exercise.SecondsPerRep / 60;
            foreach (var (muscle, share) in exercise.Shares)
            {
                drives[(int)muscle].Add(effort * share, effort * share, exposure, 0, false, _muscles[(int)muscle].Accustomed, _k);
            }

            kcal += set.Sets * set.Reps * _k.StrengthKcalPerRepKg * BodyMass;
            if (exercise.BodyWeightEffort > 0.6 && exercise.SecondsPerRep <= 1)
            {
                // Jumps load bone hard: each landing is several body weights.
                var cycles = set.Sets * set.Reps;
                bone += Math.Pow(_k.BoneJumpLandingBodyWeights, _k.BoneGrfExponent) * sensitivity * (1 - Math.Exp(-cycles / _k.BoneCyclesSaturation));
            }
        }

        foreach (var cross in session.Cross)
        {
            var minutes = cross.DurationSeconds / 60;
            trimp += _phys.Trimp(minutes, cross.HeartRateReserveFraction, _athlete.Sex);
            var netVo2 = cross.HeartRateReserveFraction * (Vo2Relative - _k.RestingVo2);
            kcal += netVo2 * minutes * BodyMass * _k.JoulesPerMlO2 / 4184;
            if (cross.Mode == CrossTrainingMode.Cycling)
            {
                var effort = _k.CyclingEffortBase + (_k.CyclingEffortPerHrr * cross.HeartRateReserveFraction);
                var glutes = effort * _k.CyclingGluteShare;
                var exposure = minutes * _k.CyclingExposurePerMinute;
                drives[(int)Muscle.Quadriceps].Add(effort, effort, exposure, minutes / 60 * _k.CyclingFactor, false, _muscles[(int)Muscle.Quadriceps].Accustomed, _k);
                drives[(int)Muscle.Glutes].Add(glutes, glutes, exposure, minutes / 60 * _k.CyclingFactor, false, _muscles[(int)Muscle.Glutes].Accustomed, _k);
            }
        }

        return trimp;
    }

    private static double DefaultFat(Athlete athlete, ModelParameters p)
    {
        var fat = athlete.Sex == Sex.Female ? p.Get("mass.body_fat_female") : p.Get("mass.body_fat_male");
        return athlete.TrainingStatus switch
        {
            TrainingStatus.Untrained => fat,
            TrainingStatus.Recreational => fat * (1 + p.Get("mass.body_fat_trained_factor")) / 2,
            TrainingStatus.Trained => fat * p.Get("mass.body_fat_trained_factor"),
            _ => fat * p.Get("mass.body_fat_trained_factor") * p.Get("mass.body_fat_trained_factor"),
        };
    }
}
