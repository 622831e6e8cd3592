namespace RunAdapt.Core.Model;

/// <summary>One day's mechanical stimulus on one muscle group, summed over its sessions.</summary>
internal struct Drive
{
    /// <summary>Effort above the hypertrophy threshold × exposure, in effort-minutes.</summary>
    public double TensionRaw;

    /// <summary>Effort above what the muscle is accustomed to × exposure, in effort-minutes.</summary>
    public double NoveltyRaw;

    /// <summary>The highest effort held for a meaningful time.</summary>
    public double PeakEffort;

    /// <summary>Endurance volume: effort × hours of locomotion.</summary>
    public double VolumeEffortHours;

    /// <summary>Minutes of locomotion at sprint efforts (recruit every fibre type).</summary>
    public double SprintMinutes;

    public void Add(double effort, double exposureMinutes, double hours, double accustomed, Constants k)
    {
        if (exposureMinutes <= 0 || effort <= 0)
        {
            return;
        }

        var threshold = k.TensionThreshold;
        TensionRaw += Math.Max(0, effort - threshold) / (1 - threshold) * exposureMinutes;
        NoveltyRaw += Math.Max(0, effort - accustomed) / Math.Max(0.05, 1 - accustomed) * exposureMinutes;
        if (exposureMinutes >= 0.05)
        {
            PeakEffort = Math.Max(PeakEffort, effort);
        }

        VolumeEffortHours += effort * hours;
        if (effort >= k.Type2xStart + k.RecruitSpan)
        {
            SprintMinutes += hours * 60;
        }
    }
}
