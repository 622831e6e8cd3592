using RunAdapt.Core.Outcomes;

namespace RunAdapt.Core.Model;

/// <summary>
/// One muscle group: fibre-type shares and the whole-muscle size each fibre type's share carries (I, IIa, IIx),
/// the fibre-level remodelling of high endurance volume (smaller fibres, not a smaller muscle), what load it is
/// accustomed to, the neural part of strength, and muscular endurance. Areas are relative to an untrained type I
/// fibre.
/// </summary>
internal sealed class MuscleState
{
    private const int TypeI = 0, TypeIIa = 1, TypeIIx = 2;
    private readonly double[] _share = new double[3];
    private readonly double[] _area = new double[3];
    private readonly double[] _referenceArea = new double[3];
    private readonly double[] _accretion = new double[3];
    private readonly double[] _remodel = [1, 1, 1];
    private readonly double[] _startRemodel = [1, 1, 1];
    private readonly double _walkingDemand, _unloadingScale;
    private readonly double _activationDeficit;
    private double _untrainedSize, _quality;
    private readonly double[] _startShare = new double[3];
    private readonly double[] _startArea = new double[3];
    private readonly double[] _baselineShare = new double[3];
    private double _startSize, _startQuality = 1;
    private double _neural, _endurance, _neuralHabitual, _enduranceHabitual, _skill, _skillStart;
    private double _volumeWeekly, _contractionWeekly, _sprintWeekly, _frequency, _recruitX, _tensionWeekly, _eccentricWeekly;
    private int _daysSinceTrained = 1000;
    private int _daysSinceLocomotionEffort, _daysSinceLiftingEffort;

    /// <param name="type1">Type I share.</param>
    /// <param name="type2a">Type IIa share.</param>
    /// <param name="type2x">Type IIx share.</param>
    /// <param name="type2AreaRatio">Type II over type I fibre area, untrained.</param>
    /// <param name="referenceScale">The untrained size at this age over a young adult's (muscle lost to ageing).</param>
    /// <param name="sizeOverUntrained">Size at the start over the untrained size at this age (trained lifters larger).</param>
    /// <param name="quality">Force per unit size relative to a young man's (sex, age).</param>
    /// <param name="activationDeficit">The part of the force per size lost to age (0 for the young): activation training can regain.</param>
    /// <param name="walkingDemand">Demand of a walking stride on this muscle (of a young man's maximal force).</param>
    /// <param name="unloadingScale">How much of the quadriceps' walking load this muscle loses when unloaded.</param>
    public MuscleState(double type1, double type2a, double type2x, double type2AreaRatio, double referenceScale, double sizeOverUntrained, double quality, double activationDeficit, double walkingDemand, double unloadingScale)
    {
        _share[TypeI] = type1;
        _share[TypeIIa] = type2a;
        _share[TypeIIx] = type2x;
        _share.CopyTo(_startShare, 0);
        _share.CopyTo(_baselineShare, 0);
        _referenceArea[TypeI] = referenceScale;
        _referenceArea[TypeIIa] = _referenceArea[TypeIIx] = type2AreaRatio * referenceScale;
        for (var k = 0; k < 3; k++)
        {
            _area[k] = _referenceArea[k] * sizeOverUntrained;
        }

        _untrainedSize = WeightedArea(_referenceArea);
        _startSize = WeightedArea(_area);
        _area.CopyTo(_startArea, 0);
        _quality = _startQuality = quality * referenceScale;
        _activationDeficit = activationDeficit;
        StrengthRelative = SizeOverUntrained * _quality;
        _unloadingScale = unloadingScale;

        // What a walking stride asks of a muscle of this size: the level daily life accustoms it to. It is set on size,
        // not on the lower force per size of women and older people, because their relative growth with training is
        // no smaller: in 287 untrained people aged 19–78, age and sex did not affect the resistance-training gain in
        // size or strength (Ahtiainen et al. 2016, PMC5005877); 71-year-old women grew their quadriceps 12 % with
        // cycling (Harber 2009), more than young men (5 %, Harber 2012).
        _walkingDemand = walkingDemand / SizeOverUntrained;
        AccustomedLocomotion = AccustomedLifting = _walkingDemand;
    }

    /// <summary>The running or cycling effort the muscle is used to; efforts above it are novel and grow it.</summary>
    public double AccustomedLocomotion { get; private set; }

    /// <summary>The lifting effort the muscle is used to: the repeated-bout effect is specific to the kind of exercise.</summary>
    public double AccustomedLifting { get; private set; }

    /// <summary>Whole-muscle size relative to the start of the simulation.</summary>
    public double Size => WeightedArea(_area) / _startSize;

    /// <summary>Strength relative to the start: size × neural drive × force per size.</summary>
    private double StrengthChange => ((1 + _neural) / (1 + _neuralHabitual)) * Size * _quality / _startQuality;

    /// <summary>The load that can be lifted once in the practised lifts, relative to the start: strength × the skill of the lifts.</summary>
    private double OneRepetitionMaximumChange => StrengthChange * (1 + _skill) / (1 + _skillStart);

    /// <summary>Size relative to an untrained muscle (1 = untrained); the hypertrophy ceiling is set on this.</summary>
    public double SizeOverUntrained => WeightedArea(_area) / _untrainedSize;

    /// <summary>Maximal force relative to an untrained muscle: size × neural drive (as of the end of the last day).</summary>
    public double StrengthRelative { get; private set; } = 1;

    /// <summary>Change in muscle mass as a fraction of the starting muscle mass.</summary>
    public double LeanMassChange => Size - 1;

    /// <summary>The priming of a trained athlete ends: the neural and endurance levels reached are their habitual ones.</summary>
    public void EndPriming()
    {
        _neuralHabitual = _neural;
        _enduranceHabitual = _endurance;
        _skillStart = _skill;
        _remodel.CopyTo(_startRemodel, 0);
    }

    /// <summary>The current state becomes the start that changes are reported against (fibre types still drift back to the inherited ones).</summary>
    public void Rebase()
    {
        _startSize = WeightedArea(_area);
        _area.CopyTo(_startArea, 0);
        _remodel.CopyTo(_startRemodel, 0);
        _startQuality = _quality;
        _share.CopyTo(_startShare, 0);
        _neuralHabitual = _neural;
        _enduranceHabitual = _endurance;
        _skillStart = _skill;
    }

    /// <summary>
    /// Advances one day. While priming, only the signals of what the muscle is used to move (and the fibre-level
    /// remodelling the habitual volume keeps); size and fibre types stay.
    /// </summary>
    /// <param name="drive">The day's stimulus.</param>
    /// <param name="disuse">How fast disuse takes this leg's muscle today, as a fraction of a cast's (0 = in use).</param>
    /// <param name="priming">Whether this is a day of the habitual training before the simulation.</param>
    /// <param name="sizeAgeing">Fraction of size lost to ageing today.</param>
    /// <param name="qualityAgeing">Fraction of force per size lost to ageing today.</param>
    /// <param name="k">Model constants.</param>
    public void Advance(in Drive drive, double disuse, bool priming, double sizeAgeing, double qualityAgeing, Constants k)
    {
        var tension = 1 - Math.Exp(-drive.TensionRaw / k.SessionSaturation);
        var peak = drive.PeakEffort;
        var trained = peak > _walkingDemand + 0.05;
        _daysSinceTrained = trained ? 0 : _daysSinceTrained + 1;

        // Weekly signals as exponentially weighted sums.
        _volumeWeekly += ((drive.VolumeEffortHours * 7) - _volumeWeekly) / 7;
        _contractionWeekly += ((drive.ContractionEffortHours * 7) - _contractionWeekly) / 7;
        _sprintWeekly += ((drive.SprintMinutes * 7) - _sprintWeekly) / 7;
        _frequency += ((trained ? 1.0 : 0.0) - _frequency) / 14;
        _recruitX += (Ramp(peak, k.Type2xStart, k.RecruitSpan) - _recruitX) / 14;
        _tensionWeekly += ((tension * 7) - _tensionWeekly) / 14;
        _eccentricWeekly += (((1 - Math.Exp(-drive.Eccentric / k.SessionSaturation)) * 7) - _eccentricWeekly) / 14;

        // Habituation, for each kind of exercise: the accustomed level climbs toward the novel efforts done, holds while
        // such efforts recur, and fades back once they have been absent for weeks.
        AccustomedLocomotion = Habituate(AccustomedLocomotion, drive.PeakNovelLocomotion, ref _daysSinceLocomotionEffort, k);
        AccustomedLifting = Habituate(AccustomedLifting, drive.PeakNovelLifting, ref _daysSinceLiftingEffort, k);

        // Neural drive: heavy and eccentric loading raise it (older muscles have more activation to regain);
        // disuse takes activation away within days, beyond what size loses.
        var unloaded = disuse > 0;
        var neuralTarget = unloaded
            ? -k.DisuseNeuralLoss * disuse
            : (k.NeuralMax + (k.AgeActivationRoom * _activationDeficit)) * (1 - Math.Exp(-(_tensionWeekly + (k.EccentricWeight * _eccentricWeekly))));
        _neural += (neuralTarget - _neural) / (unloaded ? k.DisuseNeuralDays : neuralTarget > _neural ? k.NeuralDays : k.NeuralDecayDays);
        // Skill in the lifts: each session of practice teaches the coordination of the lifts (a heavier 1RM, not a
        // stronger muscle); it fades slowly without practice.
        var practice = 1 - Math.Exp(-drive.LiftingMinutes / k.SessionSaturation);
        _skill += practice > 0 ? practice * (k.SkillMax - _skill) / k.SkillSessions : -_skill / k.SkillRetentionDays;
        var enduranceTarget = k.EnduranceGainMax * _contractionWeekly / (_contractionWeekly + k.EnduranceHalfVolume);
        _endurance += (enduranceTarget - _endurance) / k.EnduranceDays;
        // Fibre-level remodelling: high endurance volume shrinks fibres (Trappe 2006) toward a floor, more the higher
        // the volume; they return when it falls. Whole-muscle size does not follow it.
        var excessVolume = Math.Max(0, _volumeWeekly - k.VolumeThreshold);
        var remodelTarget = 1 - ((1 - k.ShrinkFloor) * excessVolume / (excessVolume + k.ShrinkHalf));
        for (var t = 0; t < 3; t++)
        {
            _remodel[t] += (remodelTarget - _remodel[t]) / k.RemodelDays;
        }

        if (priming)
        {
            StrengthRelative = SizeOverUntrained * (1 + _neural) * _quality;
            return;
        }

        var interference = k.InterferenceMax * _volumeWeekly / (_volumeWeekly + k.InterferenceHalf);
        var overUntrained = SizeOverUntrained;
        var headroom = Headroom(overUntrained, k.Ceiling, k.CeilingShape);
        // Each kind of novel effort has its own bound: the modest hypertrophy of aerobic exercise (running, landing,
        // cycling) is one result, the early growth of unaccustomed lifting another.
        var novelty = Math.Max(
            drive.NoveltyLocomotion * Headroom(overUntrained, k.NoveltyCeiling, k.CeilingShape),
            drive.NoveltyLifting * Headroom(overUntrained, k.LiftingNoveltyCeiling, k.CeilingShape));
        for (var t = 0; t < 3; t++)
        {
            var recruited = t switch
            {
                TypeI => 1.0,
                TypeIIa => Ramp(peak, k.Type2aStart, k.RecruitSpan),
                _ => Ramp(peak, k.Type2xStart, k.RecruitSpan),
            };
            var growth = ((k.TensionRate * tension * (1 - (interference * (t == TypeI ? 1 : 0.4))) * headroom)
                + (k.NoveltyRate * novelty * (t == TypeI ? k.Type1Response : 1))) * recruited;
            _referenceArea[t] *= 1 - sizeAgeing;
            _area[t] *= 1 - sizeAgeing;
            var reference = _referenceArea[t];

            // Disuse atrophy starts at its full rate and slows as the muscle nears a floor (bed-rest time course); a
            // muscle that loses more of its daily load loses faster and deeper (calves −29 % vs quadriceps −18 % in 90
            // days of bed rest, Alkner & Tesch 2004), so both the rate and the depth scale with the load lost, and with
            // the activity the kind of disuse still leaves (a cast less than bed rest): the time course stays the same.
            var depth = Math.Min(k.AtrophyMaxDepth, (1 - k.AtrophyFloor) * _unloadingScale * disuse);
            var atrophy = unloaded ? k.AtrophyRate * disuse * _unloadingScale * Math.Max(0, _area[t] - ((1 - depth) * reference)) / depth : 0;

            // Without training, size above the untrained reference is lost; size lost to disuse returns with
            // daily loading. Neither pulls a muscle past its reference, and resting never grows a muscle at its reference.
            var detraining = _area[t] > reference
                ? (_daysSinceTrained > 10 ? (_area[t] - reference) / k.ReturnDays : 0)
                : (unloaded ? 0 : -(reference - _area[t]) / k.ReloadDays);

            // Protein accretion lags the signal: measurable hypertrophy appears after weeks, not days.
            _accretion[t] += (growth - _accretion[t]) / k.AccretionDays;
            _area[t] = Math.Max(0.05 * reference, _area[t] + (_area[t] * _accretion[t]) - atrophy - detraining);
        }

        _untrainedSize *= 1 - sizeAgeing;
        _quality *= (1 - qualityAgeing) * (1 - sizeAgeing);
        ShiftFibreTypes(k);
        StrengthRelative = SizeOverUntrained * (1 + _neural) * _quality;
    }

    public MuscleSnapshot Snapshot() => new(
        Math.Round((Size - 1) * 100, 2),
        Math.Round(_share[TypeI] * 100, 2),
        Math.Round(_share[TypeIIa] * 100, 2),
        Math.Round(_share[TypeIIx] * 100, 2),
        Math.Round(((((1 + _endurance) / (1 + _enduranceHabitual)) * (1 + _share[TypeI] - _startShare[TypeI])) - 1) * 100, 2),
        Math.Round((StrengthChange - 1) * 100, 2))
    {
        FibreAreaType1ChangePercent = Math.Round((((_area[TypeI] * _remodel[TypeI]) / (_startArea[TypeI] * _startRemodel[TypeI])) - 1) * 100, 2),
        FibreAreaType2ChangePercent = Math.Round(((Type2Area(_area, _remodel, _share) / Type2Area(_startArea, _startRemodel, _startShare)) - 1) * 100, 2),
        FibreAreaMeanChangePercent = Math.Round(((MeanArea(_area, _remodel, _share) / MeanArea(_startArea, _startRemodel, _startShare)) - 1) * 100, 2),
        OneRepetitionMaximumChangePercent = Math.Round((OneRepetitionMaximumChange - 1) * 100, 2),
    };

    private static double Type2Area(double[] area, double[] remodel, double[] share) =>
        share[TypeIIa] + share[TypeIIx] > 0
            ? ((share[TypeIIa] * area[TypeIIa] * remodel[TypeIIa]) + (share[TypeIIx] * area[TypeIIx] * remodel[TypeIIx])) / (share[TypeIIa] + share[TypeIIx])
            : area[TypeIIa] * remodel[TypeIIa];

    private static double MeanArea(double[] area, double[] remodel, double[] share) =>
        (share[TypeI] * area[TypeI] * remodel[TypeI]) + (share[TypeIIa] * area[TypeIIa] * remodel[TypeIIa]) + (share[TypeIIx] * area[TypeIIx] * remodel[TypeIIx]);

    /// <summary>IIx → IIa with any training (fast when IIx fibres are recruited), IIa → I with volume, I → IIa with sprinting, all drifting back without training.</summary>
    private void ShiftFibreTypes(Constants k)
    {
        var xToA = ((k.XToARate * _frequency) + (k.XToARecruitedRate * _recruitX)) * _share[TypeIIx];
        var aToI = k.AToOneRate * _contractionWeekly * _share[TypeIIa] * Math.Max(0, 1 - (_share[TypeI] / k.Type1Max));
        var iToA = k.OneToARate * _sprintWeekly * _share[TypeI];
        _share[TypeIIx] -= xToA;
        _share[TypeIIa] += xToA - aToI + iToA;
        _share[TypeI] += aToI - iToA;
        var back = (1 - _frequency) / k.FibreReturnDays;
        for (var t = 0; t < 3; t++)
        {
            _share[t] = Math.Max(0, _share[t] + ((_baselineShare[t] - _share[t]) * back));
        }

        var total = _share[TypeI] + _share[TypeIIa] + _share[TypeIIx];
        for (var t = 0; t < 3; t++)
        {
            _share[t] /= total;
        }
    }

    /// <summary>Of the fibres active at an effort, the share that are fast-twitch (size principle).</summary>
    public double FastTwitchShareAt(double effort, Constants k)
    {
        var a = _share[TypeIIa] * Ramp(effort, k.Type2aStart, k.RecruitSpan);
        var x = _share[TypeIIx] * Ramp(effort, k.Type2xStart, k.RecruitSpan);
        return (a + x) / (_share[TypeI] + a + x);
    }

    private double Habituate(double accustomed, double peak, ref int daysSince, Constants k)
    {
        daysSince = peak >= accustomed - k.NoveltyMargin ? 0 : daysSince + 1;
        return peak > _walkingDemand + 0.05 && peak > accustomed ? accustomed + ((peak - accustomed) / k.HabituationSessions)
            : daysSince > k.HabituationHoldDays ? accustomed + ((_walkingDemand - accustomed) / k.DehabituationDays)
            : accustomed;
    }

    /// <summary>Room left to grow below a ceiling (diminishing returns with size).</summary>
    private static double Headroom(double overUntrained, double ceiling, double shape) =>
        overUntrained <= 1 ? 1 : Math.Max(0, 1 - Math.Pow((overUntrained - 1) / ceiling, shape));

    private static double Ramp(double effort, double start, double span) => Math.Clamp((effort - start) / span, 0, 1);

    // Whole-muscle size weighs each fibre type's area by the inherited mix, not the current one: a type transition is a
    // shift of myosin expression within existing fibres (Pette & Staron 2000), so type shifts alone never resize the muscle.
    private double WeightedArea(double[] area) =>
        (_baselineShare[TypeI] * area[TypeI]) + (_baselineShare[TypeIIa] * area[TypeIIa]) + (_baselineShare[TypeIIx] * area[TypeIIx]);
}
