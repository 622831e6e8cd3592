using RunAdapt.Core.Outcomes;

namespace RunAdapt.Core.Model;

/// <summary>
/// One muscle group: fibre-type shares and mean fibre areas (I, IIa, IIx), what load it is accustomed to, the
/// neural part of strength, and muscular endurance. Areas are relative to an untrained type I fibre.
/// </summary>
internal sealed class MuscleState
{
    private const int TypeI = 0, TypeIIa = 1, TypeIIx = 2;
    private readonly double[] _share = new double[3];
    private readonly double[] _area = new double[3];
    private readonly double[] _referenceArea = new double[3];
    private readonly double[] _accretion = new double[3];
    private readonly double _untrainedSize, _walkingDemand, _unloadingScale;
    private readonly double[] _startShare = new double[3];
    private readonly double[] _startArea = new double[3];
    private readonly double[] _baselineShare = new double[3];
    private double _startSize;
    private double _neural, _endurance, _neuralHabitual, _enduranceHabitual;
    private double _volumeWeekly, _sprintWeekly, _frequency, _recruitX, _tensionWeekly;
    private int _daysSinceTrained = 1000;
    private int _daysSinceAccustomedEffort;

    public MuscleState(double type1, double type2a, double type2x, double type2AreaRatio, double sizeOverUntrained, double walkingDemand, double unloadingScale)
    {
        _share[TypeI] = type1;
        _share[TypeIIa] = type2a;
        _share[TypeIIx] = type2x;
        _share.CopyTo(_startShare, 0);
        _share.CopyTo(_baselineShare, 0);
        _referenceArea[TypeI] = 1;
        _referenceArea[TypeIIa] = _referenceArea[TypeIIx] = type2AreaRatio;
        for (var k = 0; k < 3; k++)
        {
            _area[k] = _referenceArea[k] * sizeOverUntrained;
        }

        _untrainedSize = WeightedArea(_referenceArea);
        _startSize = WeightedArea(_area);
        _area.CopyTo(_startArea, 0);
        StrengthRelative = SizeOverUntrained;
        _walkingDemand = walkingDemand;
        _unloadingScale = unloadingScale;
        Accustomed = walkingDemand;
    }

    /// <summary>The effort level the muscle is used to; efforts above it are novel and grow it.</summary>
    public double Accustomed { get; private set; }

    /// <summary>Whole-muscle size relative to the start of the simulation.</summary>
    public double Size => WeightedArea(_area) / _startSize;

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
    }

    /// <summary>The current state becomes the start that changes are reported against (fibre types still drift back to the inherited ones).</summary>
    public void Rebase()
    {
        _startSize = WeightedArea(_area);
        _area.CopyTo(_startArea, 0);
        _share.CopyTo(_startShare, 0);
        _neuralHabitual = _neural;
        _enduranceHabitual = _endurance;
    }

    /// <summary>Advances one day. While priming, only the signals of what the muscle is used to move; size and fibre types stay.</summary>
    public void Advance(in Drive drive, bool unloaded, bool priming, Constants k)
    {
        var tension = 1 - Math.Exp(-drive.TensionRaw / k.SessionSaturation);
        var novelty = drive.Novelty;
        var peak = drive.PeakEffort;
        var trained = peak > _walkingDemand + 0.05;
        _daysSinceTrained = trained ? 0 : _daysSinceTrained + 1;

        // Weekly signals as exponentially weighted sums.
        _volumeWeekly += ((drive.VolumeEffortHours * 7) - _volumeWeekly) / 7;
        _sprintWeekly += ((drive.SprintMinutes * 7) - _sprintWeekly) / 7;
        _frequency += ((trained ? 1.0 : 0.0) - _frequency) / 14;
        _recruitX += (Ramp(peak, k.Type2xStart, k.RecruitSpan) - _recruitX) / 14;
        _tensionWeekly += ((tension * 7) - _tensionWeekly) / 14;

        // Habituation: the accustomed level climbs toward the efforts done, holds while such efforts recur, and
        // fades back once they have been absent for weeks.
        _daysSinceAccustomedEffort = peak >= Accustomed - k.NoveltyMargin ? 0 : _daysSinceAccustomedEffort + 1;
        if (trained && peak > Accustomed)
        {
            Accustomed += (peak - Accustomed) / k.HabituationSessions;
        }
        else if (_daysSinceAccustomedEffort > k.HabituationHoldDays)
        {
            Accustomed += (_walkingDemand - Accustomed) / k.DehabituationDays;
        }

        var neuralTarget = k.NeuralMax * (1 - Math.Exp(-_tensionWeekly));
        _neural += (neuralTarget - _neural) / (neuralTarget > _neural ? k.NeuralDays : k.NeuralDecayDays);
        var enduranceTarget = k.EnduranceGainMax * _volumeWeekly / (_volumeWeekly + k.EnduranceHalfVolume);
        _endurance += (enduranceTarget - _endurance) / k.EnduranceDays;
        if (priming)
        {
            StrengthRelative = SizeOverUntrained * (1 + _neural);
            return;
        }

        var interference = k.InterferenceMax * _volumeWeekly / (_volumeWeekly + k.InterferenceHalf);
        var overUntrained = SizeOverUntrained;
        var headroom = Headroom(overUntrained, k.Ceiling, k.CeilingShape);
        var noveltyHeadroom = Headroom(overUntrained, k.NoveltyCeiling, k.CeilingShape);
        var excessVolume = Math.Max(0, _volumeWeekly - k.VolumeThreshold);
        for (var t = 0; t < 3; t++)
        {
            var recruited = t switch
            {
                TypeI => 1.0,
                TypeIIa => Ramp(peak, k.Type2aStart, k.RecruitSpan),
                _ => Ramp(peak, k.Type2xStart, k.RecruitSpan),
            };
            var growth = ((k.TensionRate * tension * (1 - (interference * (t == TypeI ? 1 : 0.4))) * headroom)
                + (k.NoveltyRate * novelty * (t == TypeI ? k.Type1Response : 1) * noveltyHeadroom)) * recruited;
            var reference = _referenceArea[t];
            var shrink = k.ShrinkRate * excessVolume * Math.Max(0, _area[t] - (k.ShrinkFloor * reference));
            var atrophy = unloaded ? k.AtrophyRate * _unloadingScale * Math.Max(0, _area[t] - (k.AtrophyFloor * reference)) : 0;
            var detraining = _daysSinceTrained > 10 ? (_area[t] - reference) / k.ReturnDays : 0;
            // Protein accretion lags the signal: measurable hypertrophy appears after weeks, not days.
            _accretion[t] += (growth - _accretion[t]) / k.AccretionDays;
            _area[t] = Math.Max(0.05 * reference, _area[t] + (_area[t] * _accretion[t]) - shrink - atrophy - detraining);
        }

        ShiftFibreTypes(k);
        StrengthRelative = SizeOverUntrained * (1 + _neural);
    }

    public MuscleSnapshot Snapshot() => new(
        Math.Round((Size - 1) * 100, 2),
        Math.Round(_share[TypeI] * 100, 2),
        Math.Round(_share[TypeIIa] * 100, 2),
        Math.Round(_share[TypeIIx] * 100, 2),
        Math.Round(((((1 + _endurance) / (1 + _enduranceHabitual)) * (1 + _share[TypeI] - _startShare[TypeI])) - 1) * 100, 2),
        Math.Round(((((1 + _neural) / (1 + _neuralHabitual)) * Size) - 1) * 100, 2))
    {
        FibreAreaType1ChangePercent = Math.Round(((_area[TypeI] / _startArea[TypeI]) - 1) * 100, 2),
        FibreAreaType2ChangePercent = Math.Round(((Type2Area(_area, _share) / Type2Area(_startArea, _startShare)) - 1) * 100, 2),
        FibreAreaMeanChangePercent = Math.Round(((MeanArea(_area, _share) / MeanArea(_startArea, _startShare)) - 1) * 100, 2),
    };

    private static double Type2Area(double[] area, double[] share) =>
        share[TypeIIa] + share[TypeIIx] > 0
            ? ((share[TypeIIa] * area[TypeIIa]) + (share[TypeIIx] * area[TypeIIx])) / (share[TypeIIa] + share[TypeIIx])
            : area[TypeIIa];

    private static double MeanArea(double[] area, double[] share) =>
        (share[TypeI] * area[TypeI]) + (share[TypeIIa] * area[TypeIIa]) + (share[TypeIIx] * area[TypeIIx]);

    /// <summary>IIx → IIa with any training (fast when IIx fibres are recruited), IIa → I with volume, I → IIa with sprinting, all drifting back without training.</summary>
    private void ShiftFibreTypes(Constants k)
    {
        var xToA = ((k.XToARate * _frequency) + (k.XToARecruitedRate * _recruitX)) * _share[TypeIIx];
        var aToI = k.AToOneRate * _volumeWeekly * _share[TypeIIa] * Math.Max(0, 1 - (_share[TypeI] / k.Type1Max));
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

    /// <summary>Room left to grow below a ceiling (diminishing returns with size).</summary>
    private static double Headroom(double overUntrained, double ceiling, double shape) =>
        overUntrained <= 1 ? 1 : Math.Max(0, 1 - Math.Pow((overUntrained - 1) / ceiling, shape));

    private static double Ramp(double effort, double start, double span) => Math.Clamp((effort - start) / span, 0, 1);

    private double WeightedArea(double[] area) =>
        (_share[TypeI] * area[TypeI]) + (_share[TypeIIa] * area[TypeIIa]) + (_share[TypeIIx] * area[TypeIIx]);
}
