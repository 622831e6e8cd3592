using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Training;

namespace RunAdapt.Core.Model;

/// <summary>
/// The simulated body, advanced one day at a time: per-muscle fibre areas and types, strength and endurance,
/// plus VO2max, energy balance, bone, knee cartilage and tissue loads. docs/MODEL.md gives every equation with its
/// sources.
/// </summary>
internal sealed class BodyModel
{
    private const int Knee = 0, Achilles = 1, Tibia = 2, SpikeWindowDays = 30;

    private readonly Athlete _athlete;
    private readonly Biomechanics _bio;
    private readonly Physiology _phys;
    private readonly Constants _k;
    private readonly MuscleState[] _muscles = new MuscleState[4];
    private readonly double _startMass, _vo2GainMax, _vo2Initial, _essentialFat;
    private readonly double[] _walkingTissue = new double[3];
    private readonly double[] _tissueAcute = new double[3];
    private readonly double[] _tissueChronic = new double[3];
    private readonly double[] _longestRun = new double[SpikeWindowDays];

    // VO2max (ml/min): an untrained baseline plus trained increments that build and decay at three speeds,
    // all scaled by ageing and by the deconditioning of bed rest.
    private double _vo2Baseline, _incFast, _incMedium, _incSlow, _aerobicLoad, _ageing = 1, _bedRest;
    private double _ageYears, _primingDays, _primingAerobic, _primingKcal;
    private double _energyMass, _fatMass, _boneChange, _boneStimulus, _boneHabitual, _boneReference, _kcalHabitual;
    private double _spike = 1, _cartilage, _cartilageReference, _kneeHabit;
    private int _day;

    public BodyModel(Athlete athlete, ModelParameters p)
    {
        _athlete = athlete;
        _bio = new Biomechanics(p);
        _phys = new Physiology(p);
        _k = new Constants(p);
        _startMass = athlete.MassKilograms;
        _ageYears = athlete.AgeYears;
        _energyMass = _startMass;
        var fatFraction = athlete.BodyFatPercent / 100 ?? DefaultFat(athlete, p);
        _fatMass = _startMass * fatFraction;
        _essentialFat = _startMass * p.Get(athlete.Sex == Sex.Female ? ParameterNames.MassEssentialFatFemale : ParameterNames.MassEssentialFatMale);

        var type1 = athlete.Type1Percent / 100 ?? _k.Type1Untrained;
        var type2x = Math.Min(_k.Type2xUntrained, (1 - type1) / 3);
        var liftingStart = athlete.LiftingStatus >= TrainingStatus.Trained ? _k.LiftingTrainingAge * _k.Ceiling : 0;
        var ageQuality = Math.Exp(-_k.StrengthAgeLoss * Math.Pow(Math.Max(0, athlete.AgeYears - 40), 2) / 2);
        var quality = (athlete.Sex == Sex.Female ? _k.StrengthFemaleFactor : 1) * ageQuality;
        var sizeAge = Math.Exp(-_k.MuscleAgeLoss * Math.Pow(Math.Max(0, athlete.AgeYears - 40), 2) / 2);
        // Force per unit of size relative to a young man's: lower in women (per kg of body mass) and with age.
        var quadricepsWalking = _bio.Demand(Muscle.Quadriceps, _k.WalkingSpeed, 0, FootStrike.Rearfoot, _startMass, 0);
        for (var m = 0; m < 4; m++)
        {
            // Unloading costs each muscle in proportion to the daily walking load it loses (quadriceps = 1).
            var walking = _bio.Demand((Muscle)m, _k.WalkingSpeed, 0, FootStrike.Rearfoot, _startMass, 0);
            _muscles[m] = new MuscleState(type1, 1 - type1 - type2x, type2x, _k.Type2AreaRatio, sizeAge, 1 + liftingStart, quality, 1 - ageQuality, walking, walking / quadricepsWalking);
        }

        _vo2Initial = _phys.InitialVo2Max(athlete) * _startMass;
        _vo2Baseline = _vo2Initial;
        var sexFactor = athlete.Sex == Sex.Female ? p.Get(ParameterNames.Vo2FemaleFactor) : 1;
        _vo2GainMax = _k.Vo2GainMax * _startMass * sexFactor * (athlete.Trainability ?? p.Get(ParameterNames.Vo2Trainability));

        var walkingSteps = _k.WalkingStepsPerDay;
        _walkingTissue[Knee] = walkingSteps * quadricepsWalking;
        _walkingTissue[Achilles] = walkingSteps * _bio.Demand(Muscle.Calves, _k.WalkingSpeed, 0, FootStrike.Rearfoot, _startMass, 0);
        _walkingTissue[Tibia] = walkingSteps * Biomechanics.PeakGroundForceBodyWeights(_k.WalkingSpeed, 0);
        _walkingTissue.CopyTo(_tissueAcute, 0);
        _kneeHabit = _walkingTissue[Knee];
        _walkingTissue.CopyTo(_tissueChronic, 0);
        BodyMass = ComputeBodyMass();
    }

    private double Vo2AbsoluteMillilitresPerMinute =>
        (_vo2Baseline + _incFast + _incMedium + _incSlow) * _ageing * (1 - _bedRest);

    private double Vo2Relative => Vo2AbsoluteMillilitresPerMinute / BodyMass;

    /// <summary>
    /// The fraction of VO2max above which fatigue recruits fast fibres (the lactate threshold): low in untrained
    /// people, higher as the trained part of VO2max grows.
    /// </summary>
    private double MetabolicThreshold =>
        _k.MetabolicStart + ((_k.MetabolicStartTrained - _k.MetabolicStart) * Math.Clamp((_incFast + _incMedium + _incSlow) / Math.Max(1, _vo2GainMax), 0, 1));

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
    /// Ends the priming on the training the athlete is used to: they start in equilibrium with it. The trained
    /// part of VO2max is what that load sustains (the rest of the measured or typical VO2max is the untrained
    /// baseline); the energy they spend on it is matched by what they eat; bone, cartilage and endurance are
    /// adapted to it. Only a change from it changes the body from here on.
    /// </summary>
    public void EndPriming()
    {
        var load = _primingDays > 0 ? _primingAerobic / _primingDays : 0;
        var increment = _vo2GainMax * Saturation(load, _k.Vo2HalfLoad);

        // The trained part cannot be most of a low VO2max: a weak responder carries less of it.
        var scale = Math.Min(1, _k.Vo2TrainedShareMax * _vo2Initial / Math.Max(1e-9, increment));
        increment *= scale;
        _incFast = _k.Vo2FastShare * increment;
        _incMedium = _k.Vo2MediumShare * increment;
        _incSlow = (1 - _k.Vo2FastShare - _k.Vo2MediumShare) * increment;
        _vo2Baseline = _vo2Initial - increment;
        _aerobicLoad = load;
        _kcalHabitual = _primingDays > 0 ? _primingKcal / _primingDays : 0;
        _boneHabitual = _boneStimulus;
        _kneeHabit = _tissueChronic[Knee];
        _cartilage = _cartilageReference = CartilageTarget();
        _spike = 1;
        foreach (var m in _muscles)
        {
            m.EndPriming();
        }
    }

    public void Step(List<TrainingSession>? sessions, Disuse disuse, bool priming)
    {
        Span<Drive> drives = stackalloc Drive[4];
        Span<double> tissue = stackalloc double[3];
        var aerobic = 0.0;
        var exerciseKcal = 0.0;
        var boneStimulus = 0.0;
        var runMetres = 0.0;
        var unloaded = disuse != Disuse.None;
        if (!unloaded)
        {
            _walkingTissue.CopyTo(tissue);
        }

        foreach (var session in sessions ?? [])
        {
            aerobic += Session(session, drives, tissue, ref exerciseKcal, ref boneStimulus, ref runMetres);
        }

        var ageingStep = priming ? 0 : 1 / 365.25;
        _ageYears += ageingStep;
        var muscleAgeing = _k.MuscleAgeLoss * Math.Max(0, _ageYears - 40) * ageingStep;
        var qualityAgeing = _k.StrengthAgeLoss * Math.Max(0, _ageYears - 40) * ageingStep;
        var severity = _k.Severity(disuse);
        for (var m = 0; m < 4; m++)
        {
            _muscles[m].Advance(drives[m], severity, priming, muscleAgeing, qualityAgeing, _k);
        }

        _aerobicLoad += (aerobic - _aerobicLoad) / _k.Vo2LoadDays;
        _boneStimulus += (boneStimulus - _boneStimulus) / _k.BoneStimulusDays;
        for (var t = 0; t < 3; t++)
        {
            _tissueAcute[t] += (tissue[t] - _tissueAcute[t]) / _k.AcuteDays;
            _tissueChronic[t] += (tissue[t] - _tissueChronic[t]) / _k.ChronicDays;
        }

        _kneeHabit += (tissue[Knee] - _kneeHabit) / _k.CartilageDays;

        UpdateSpike(runMetres);
        if (priming)
        {
            _primingDays++;
            _primingAerobic += aerobic;
            _primingKcal += exerciseKcal;
            return;
        }

        // VO2max: each trained component approaches its share of what the recent aerobic load sustains
        // (docs/MODEL.md §VO2max); ageing scales the whole, bed rest deconditions it.
        var target = _vo2GainMax * Saturation(_aerobicLoad, _k.Vo2HalfLoad);
        _incFast += ((_k.Vo2FastShare * target) - _incFast) / _k.Vo2FastDays;
        _incMedium += ((_k.Vo2MediumShare * target) - _incMedium) / _k.Vo2MediumDays;
        _incSlow += (((1 - _k.Vo2FastShare - _k.Vo2MediumShare) * target) - _incSlow) / _k.Vo2SlowDays;
        // Only bed rest deconditions the whole body; with one leg out of use the rest of the body stays active.
        _bedRest += ((disuse == Disuse.BedRest ? _k.BedRestLossMax : 0) - _bedRest) / _k.BedRestDays;
        _ageing *= 1 - ((_k.Vo2AgeDeclineAt25 + (_k.Vo2AgeDeclineAcceleration * Math.Max(0, _ageYears - 25))) * ageingStep);

        // Energy balance (Hall 2011): exercise beyond what the athlete is used to is a deficit, part of it eaten
        // back at once, and so is a change in what they eat (a diet); expenditure falls as mass falls. Loss from
        // exercise is mostly fat (lean kept), a diet's is split as Forbes found.
        var exerciseDeficit = (exerciseKcal - _kcalHabitual) * (_athlete.IntakeUnchanged ? 1 : 1 - _k.Compensation);
        var dietDeficit = -_athlete.IntakeChangeKilocaloriesPerDay;
        if (!_athlete.IntakeUnchanged)
        {
            // Over about a year, what the athlete eats catches up with what they now spend.
            _kcalHabitual += (exerciseKcal - _kcalHabitual) / _k.IntakeAdaptationDays;
        }

        var massChange = (-(exerciseDeficit + dietDeficit) - (_k.KcalPerKgPerDay * (_energyMass - _startMass))) / _k.TissueKcalPerKg;
        // Only fat above the essential minimum can be lost: near it, loss comes from lean tissue (Forbes on the
        // disposable fat). Exercise spares lean tissue in the part of the deficit it causes.
        var disposable = Math.Max(0, _fatMass - _essentialFat);
        var forbes = disposable / (disposable + _k.ForbesConstant);
        var sparing = _k.ExerciseLeanSparing * (dietDeficit > 0 ? Math.Max(0, exerciseDeficit) / (Math.Max(0, exerciseDeficit) + dietDeficit) : 1);
        var fatShare = massChange < 0 ? (forbes + (sparing * (1 - forbes))) * disposable / (disposable + 1) : _fatMass / (_fatMass + _k.ForbesConstant);
        _fatMass = Math.Max(0.5, _fatMass + (massChange * fatShare));
        _energyMass += massChange;
        BodyMass = ComputeBodyMass();

        // Bone: osteogenic stimulus saturates per bout; density approaches a target set by the chronic stimulus,
        // and is lost while unloaded.
        var boneTarget = _k.BoneGainMax * (Saturation(_boneStimulus, _k.BoneHalfStimulus) - Saturation(_boneHabitual, _k.BoneHalfStimulus));
        _boneChange += (boneTarget - _boneChange) / _k.BoneDays;
        if (unloaded)
        {
            _boneChange -= _k.BoneDisuseLoss;
        }

        _cartilage += (CartilageTarget() - _cartilage) / _k.CartilageDays;
    }

    /// <summary>
    /// A single run much longer than the longest of the last 30 days raises the overuse-injury hazard for days
    /// (Frandsen 2025); the hazard decays back to 1.
    /// </summary>
    private void UpdateSpike(double runMetres)
    {
        _spike = 1 + ((_spike - 1) * Math.Exp(-1 / _k.SpikeDays));
        if (runMetres > 0)
        {
            var longest = 0.0;
            foreach (var d in _longestRun)
            {
                longest = Math.Max(longest, d);
            }

            var excess = Math.Min(3, (runMetres / Math.Max(1000, longest)) - 1);
            if (excess > _k.SpikeThreshold)
            {
                _spike = Math.Max(_spike, 1 + (_k.SpikeGain * Math.Sqrt(excess - _k.SpikeThreshold)));
            }
        }

        _longestRun[_day % SpikeWindowDays] = runMetres;
        _day++;
    }

    /// <summary>
    /// Knee-cartilage health the recent knee loading sustains, U-shaped in the dose (Alentorn-Geli 2017): loading
    /// beyond walking helps and saturates, very high loading harms, unloading thins cartilage.
    /// </summary>
    private double CartilageTarget()
    {
        var extra = (_tissueChronic[Knee] / _walkingTissue[Knee]) - 1;
        return extra < 0
            ? _k.CartilageDisuse * extra
            : (_k.CartilageGain * Saturation(extra, _k.CartilageHalfLoad)) - (_k.CartilageOverloadGain * Math.Max(0, extra - _k.CartilageOverload));
    }

    /// <summary>
    /// Cartilage under knee loading it is not yet adapted to loses volume (Kessler 2008; Hinterwimmer 2013): the
    /// recent week's load above the half-year habit, in walking days.
    /// </summary>
    private double CartilageStrain => _k.CartilageStrain * Math.Max(0, (_tissueAcute[Knee] - _kneeHabit) / _walkingTissue[Knee]);

    private static double Saturation(double x, double half) => x / (x + half);

    public BodySnapshot Snapshot(int? week)
    {
        var muscles = new Dictionary<string, MuscleSnapshot>();
        for (var m = 0; m < 4; m++)
        {
            muscles[((Muscle)m).Name()] = _muscles[m].Snapshot();
        }

        var ratio = new double[3];
        var worst = 0.0;
        for (var t = 0; t < 3; t++)
        {
            ratio[t] = _tissueChronic[t] > 0 ? _tissueAcute[t] / _tissueChronic[t] : 1;
            worst = Math.Max(worst, ratio[t] - 1);
        }

        return new BodySnapshot
        {
            Week = week,
            Muscles = muscles,
            Vo2MaxMillilitresPerKilogramPerMinute = Math.Round(Vo2Relative, 2),
            Vo2MaxMillilitresPerMinute = Math.Round(Vo2AbsoluteMillilitresPerMinute, 0),
            BodyMassKilograms = Math.Round(BodyMass, 2),
            FatMassKilograms = Math.Round(_fatMass, 2),
            LeanMassKilograms = Math.Round(BodyMass - _fatMass, 2),
            BoneDensityChangePercent = Math.Round((((1 + _boneChange) / (1 + _boneReference)) - 1) * 100, 2),
            JointLoadIndex = Math.Round(ratio[Knee], 3),
            InjuryRisk = Math.Round(Math.Exp(_k.InjuryBeta * worst) * _spike, 3),
            KneeCartilageChangePercent = Math.Round((_cartilage - CartilageStrain - _cartilageReference) * 100, 2),
            TissueLoads = new TissueLoads(
                Math.Round(_tissueAcute[Knee] / _walkingTissue[Knee], 3),
                Math.Round(_tissueAcute[Achilles] / _walkingTissue[Achilles], 3),
                Math.Round(_tissueAcute[Tibia] / _walkingTissue[Tibia], 3)),
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
        _cartilageReference = _cartilage;
    }

    /// <summary>The share of active fibres that are fast-twitch in a muscle while running a probe segment now.</summary>
    public double FastTwitchShare(RunSegment probe, Muscle muscle)
    {
        var strike = probe.FootStrike ?? _athlete.FootStrike;
        var vo2 = _phys.OxygenUptake(probe.SpeedMetresPerSecond, probe.GradeFraction, _bio.LoadFactor(BodyMass, probe.CarriedLoadKilograms));
        var effort = Effort(muscle, probe, strike, vo2);
        return _muscles[(int)muscle].FastTwitchShareAt(effort, _k);
    }

    /// <summary>A segment prescribed by effort is done at the speed (walking, uphill if need be) today's VO2max gives that effort.</summary>
    private RunSegment AtTodaysFitness(RunSegment seg)
    {
        if (seg.ReserveFraction is not { } reserve || seg.SpeedMetresPerSecond <= 0)
        {
            return seg;
        }

        var (speed, grade) = _phys.Locomotion(_k.RestingVo2 + (reserve * (Vo2Relative - _k.RestingVo2)), seg.GradeFraction);
        return seg with { SpeedMetresPerSecond = speed, GradeFraction = grade };
    }

    private double Effort(Muscle muscle, RunSegment seg, FootStrike strike, double vo2) =>
        Effort(muscle, _bio.Demand(muscle, seg.SpeedMetresPerSecond, seg.GradeFraction, strike, BodyMass, seg.CarriedLoadKilograms, _bio.StepLengthRatio(seg, _athlete.HeightCentimetres)), vo2);

    /// <summary>Effective effort: mechanical demand over the muscle's strength, plus fatigue-driven recruitment at high intensity.</summary>
    private double Effort(Muscle muscle, double demand, double vo2)
    {
        var metabolic = _k.MetabolicGain * Math.Max(0, Math.Min(1.1, vo2 / Vo2Relative) - MetabolicThreshold);
        return Math.Min(1.2, (demand / _muscles[(int)muscle].StrengthRelative) + metabolic);
    }

    /// <summary>
    /// The aerobic load of a bout: Banister's TRIMP at the heart rate the intensity brings (capped at the maximum),
    /// plus time near VO2max, the strongest stimulus (ramping in above a high intensity), plus the work above VO2max
    /// that heart rate cannot show (sprint intervals).
    /// </summary>
    /// <param name="minutes">Length of the work, in minutes.</param>
    /// <param name="fractionOfVo2Max">Oxygen demand over VO2max (above 1 for sprints).</param>
    /// <param name="reserve">Fraction of heart-rate reserve.</param>
    /// <param name="boutSeconds">Length of one bout (a repeat), in seconds.</param>
    /// <param name="uptake">Oxygen uptake above rest at the bout's start, as a fraction of VO2max (0 after a long rest).</param>
    private double AerobicLoad(double minutes, double fractionOfVo2Max, double reserve, double boutSeconds, double uptake = 0)
    {
        var near = 0.0;
        if (fractionOfVo2Max > _k.HighIntensityStart)
        {
            // Uptake climbs from where it is toward the demand with a time constant of seconds: the first part of a bout
            // from rest is not yet near VO2max (a 30-s sprint spends about half of itself there, a 4-min interval most
            // of itself), while a bout after a rest of seconds starts high (Tabata's 20-s sprints with 10-s rests).
            var climb = uptake >= _k.HighIntensityStart ? 0
                : _k.KineticsSeconds * Math.Log((fractionOfVo2Max - uptake) / (fractionOfVo2Max - _k.HighIntensityStart));
            near = Math.Max(0, boutSeconds - climb) / boutSeconds
                * Math.Clamp((fractionOfVo2Max - _k.HighIntensityStart) / (1 - _k.HighIntensityStart), 0, 1);
        }

        return _phys.Trimp(minutes, reserve, _athlete.Sex)
            + (_k.HighIntensityWeight * minutes * near)
            + (_k.SupramaximalWeight * minutes * Math.Max(0, fractionOfVo2Max - 1));
    }

    /// <summary>Adds one session's stimulus to the day's drives and tissue loads; returns its aerobic load.</summary>
    private double Session(TrainingSession session, Span<Drive> drives, Span<double> tissue, ref double kcal, ref double bone, ref double runMetres)
    {
        var aerobic = 0.0;
        var sensitivity = 1.0;
        var uptake = 0.0;
        foreach (var planned in session.Run)
        {
            var seg = AtTodaysFitness(planned);
            var minutes = seg.DurationSeconds / 60;
            var decay = Math.Exp(-seg.DurationSeconds / _k.KineticsSeconds);
            if (seg.SpeedMetresPerSecond <= 0.3)
            {
                // Rest between repeats: bone cells regain sensitivity (Robling 2001); oxygen uptake falls back toward rest.
                sensitivity = 1 - ((1 - sensitivity) * Math.Exp(-minutes / 60 / _k.BoneRecoveryHours));
                uptake *= decay;
                continue;
            }

            var strike = seg.FootStrike ?? _athlete.FootStrike;
            var loadFactor = _bio.LoadFactor(BodyMass, seg.CarriedLoadKilograms);
            var vo2 = _phys.OxygenUptake(seg.SpeedMetresPerSecond, seg.GradeFraction, loadFactor);
            var reserve = _phys.ReserveFraction(vo2, Vo2Relative);
            var fractionOfVo2Max = vo2 / Vo2Relative;
            aerobic += AerobicLoad(minutes, fractionOfVo2Max, reserve, seg.DurationSeconds, uptake);
            // Uptake approaches the demand, capped at VO2max.
            uptake = Math.Min(1, fractionOfVo2Max) + ((uptake - Math.Min(1, fractionOfVo2Max)) * decay);
            var exposure = minutes * _k.StanceFraction;
            var supramaximal = vo2 > _k.SprintVo2Fraction * Vo2Relative;
            var stepLength = _bio.StepLengthRatio(seg, _athlete.HeightCentimetres);
            var steps = _bio.StepsPerSecond(seg.SpeedMetresPerSecond, _athlete.HeightCentimetres, stepLength) * seg.DurationSeconds;
            var downhill = Math.Clamp(-seg.GradeFraction / 0.1, 0, 1);
            for (var m = 0; m < 4; m++)
            {
                var demand = _bio.Demand((Muscle)m, seg.SpeedMetresPerSecond, seg.GradeFraction, strike, BodyMass, seg.CarriedLoadKilograms, stepLength);
                if (m == (int)Muscle.Quadriceps)
                {
                    tissue[Knee] += steps * demand;
                }
                else if (m == (int)Muscle.Calves)
                {
                    tissue[Achilles] += steps * demand;
                }

                var effort = Effort((Muscle)m, demand, vo2);
                var tension = _k.RunningTensionFactor * demand / _muscles[m].StrengthRelative;

                // Downhill running loads the knee extensors eccentrically (braking).
                var eccentric = m == (int)Muscle.Quadriceps ? effort * exposure * downhill : 0;
                drives[m].Add(effort, tension, exposure, minutes / 60, 1, supramaximal, _muscles[m].AccustomedLocomotion, _k, eccentric);
            }

            var distance = seg.DistanceMetres;
            if (seg.SpeedMetresPerSecond >= _k.WalkRunSpeed)
            {
                runMetres += distance;
            }

            kcal += (vo2 - _k.RestingVo2) * minutes * BodyMass * _k.JoulesPerMlO2 / 4184;
            var peakForce = Biomechanics.PeakGroundForceBodyWeights(seg.SpeedMetresPerSecond, seg.GradeFraction) * loadFactor;
            tissue[Tibia] += steps * peakForce;
            var grf = Math.Pow(peakForce, _k.BoneGrfExponent);
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
                drives[(int)muscle].Add(effort * share, effort * share, exposure, 0, 0, false, _muscles[(int)muscle].AccustomedLifting, _k, 0);
            }

            kcal += set.Sets * set.Reps * _k.StrengthKcalPerRepKg * BodyMass;
            if (exercise.BodyWeightEffort > 0.6 && exercise.SecondsPerRep <= 1)
            {
                // Jumps load bone hard: each landing is several body weights.
                var cycles = set.Sets * set.Reps;
                bone += Math.Pow(_k.BoneJumpLandingBodyWeights, _k.BoneGrfExponent) * sensitivity * (1 - Math.Exp(-cycles / _k.BoneCyclesSaturation));
                tissue[Tibia] += cycles * _k.BoneJumpLandingBodyWeights;
            }
        }

        foreach (var cross in session.Cross)
        {
            var minutes = cross.DurationSeconds / 60;
            var fraction = cross.HeartRateReserveFraction;
            aerobic += AerobicLoad(minutes, fraction, Math.Min(1, fraction), cross.DurationSeconds / cross.Repeats);
            var netVo2 = Math.Min(1, fraction) * (Vo2Relative - _k.RestingVo2);
            kcal += netVo2 * minutes * BodyMass * _k.JoulesPerMlO2 / 4184;
            if (cross.Mode == CrossTrainingMode.Cycling)
            {
                var effort = Math.Min(1.2, _k.CyclingEffortBase + (_k.CyclingEffortPerHrr * fraction));
                var glutes = effort * _k.CyclingGluteShare;
                var exposure = minutes * _k.CyclingExposurePerMinute;
                drives[(int)Muscle.Quadriceps].Add(effort, effort, exposure, minutes / 60, _k.CyclingFactor, fraction > 1, _muscles[(int)Muscle.Quadriceps].AccustomedLocomotion, _k, 0);
                drives[(int)Muscle.Glutes].Add(glutes, glutes, exposure, minutes / 60, _k.CyclingFactor, fraction > 1, _muscles[(int)Muscle.Glutes].AccustomedLocomotion, _k, 0);
            }
        }

        return aerobic;
    }

    private static double DefaultFat(Athlete athlete, ModelParameters p)
    {
        var fat = athlete.Sex == Sex.Female ? p.Get(ParameterNames.MassBodyFatFemale) : p.Get(ParameterNames.MassBodyFatMale);
        return athlete.TrainingStatus switch
        {
            TrainingStatus.Untrained => fat,
            TrainingStatus.Recreational => fat * (1 + p.Get(ParameterNames.MassBodyFatTrainedFactor)) / 2,
            TrainingStatus.Trained => fat * p.Get(ParameterNames.MassBodyFatTrainedFactor),
            _ => fat * p.Get(ParameterNames.MassBodyFatTrainedFactor) * p.Get(ParameterNames.MassBodyFatTrainedFactor),
        };
    }
}
