namespace RunAdapt.Core.Model;

/// <summary>One day's mechanical stimulus on one muscle group, summed over its sessions.</summary>
internal struct Drive
{
    /// <summary>Effort above the hypertrophy threshold × exposure, in effort-minutes.</summary>
    public double TensionRaw;

    /// <summary>The largest novel effort of the day in running or cycling: excess over the accustomed effort, weighted by how long it was held (0–1).</summary>
    public double NoveltyLocomotion;

    /// <summary>The largest novel effort of the day in lifting, likewise.</summary>
    public double NoveltyLifting;

    /// <summary>The highest effort held for a meaningful time.</summary>
    public double PeakEffort;

    /// <summary>The highest novel effort (effort not already counted as tension) in running or cycling: what the muscle habituates to there.</summary>
    public double PeakNovelLocomotion;

    /// <summary>The highest novel effort in lifting: habituation is specific to the kind of exercise (repeated-bout effect).</summary>
    public double PeakNovelLifting;

    /// <summary>Endurance volume as running loads it: effort × hours of locomotion, cycling weighted down (interference, fibre remodelling).</summary>
    public double VolumeEffortHours;

    /// <summary>Sustained contractile activity: effort × hours of locomotion of any kind (the signal that turns fibres slow).</summary>
    public double ContractionEffortHours;

    /// <summary>Minutes of running faster than VO2max pace.</summary>
    public double SprintMinutes;

    /// <summary>Eccentric effort-minutes (downhill braking): a neural and architectural stimulus.</summary>
    public double Eccentric;

    /// <summary>Minutes under load in lifting: practice of the lifts, which teaches their coordination.</summary>
    public double LiftingMinutes;

    /// <summary>Adds a bout.</summary>
    /// <param name="effort">Effective effort (mechanical plus fatigue-driven recruitment), fraction of maximal force.</param>
    /// <param name="tension">Sustained mechanical tension, fraction of maximal force.</param>
    /// <param name="exposureMinutes">Time under tension.</param>
    /// <param name="hours">Hours of locomotion (0 for lifting, which sets the bout's kind).</param>
    /// <param name="volumeWeight">How much an hour of this locomotion counts as running volume (1 for running).</param>
    /// <param name="supramaximal">Whether the running is faster than VO2max pace (sprinting).</param>
    /// <param name="accustomed">The effort the muscle is used to in this kind of exercise (locomotion or lifting).</param>
    /// <param name="k">Model constants.</param>
    /// <param name="eccentric">Eccentric effort-minutes of the bout.</param>
    public void Add(double effort, double tension, double exposureMinutes, double hours, double volumeWeight, bool supramaximal, double accustomed, Constants k, double eccentric)
    {
        Eccentric += eccentric;
        if (exposureMinutes <= 0 || effort <= 0)
        {
            return;
        }

        var threshold = k.TensionThreshold;
        TensionRaw += Math.Max(0, tension - threshold) / (1 - threshold) * exposureMinutes;
        // A lifting set's effort above the tension threshold is sustained tension, not also novelty (counting a heavy
        // set as both grew a novice lifter's muscle ≈ 9 % in 4 weeks); running and cycling contacts are brief, so
        // their whole effort can be novel.
        var novel = hours > 0 ? effort : effort - Math.Max(0, tension - threshold);
        var excess = Math.Max(0, novel - accustomed - k.NoveltyMargin) / Math.Max(0.05, 1 - accustomed);
        var held = excess * (1 - Math.Exp(-exposureMinutes / k.SessionSaturation));
        if (hours > 0)
        {
            NoveltyLocomotion = Math.Max(NoveltyLocomotion, held);
        }
        else
        {
            NoveltyLifting = Math.Max(NoveltyLifting, held);
        }

        if (exposureMinutes >= 0.05)
        {
            PeakEffort = Math.Max(PeakEffort, effort);
            if (hours > 0)
            {
                PeakNovelLocomotion = Math.Max(PeakNovelLocomotion, novel);
            }
            else
            {
                PeakNovelLifting = Math.Max(PeakNovelLifting, novel);
            }
        }

        if (hours <= 0)
        {
            LiftingMinutes += exposureMinutes;
        }

        VolumeEffortHours += effort * hours * volumeWeight;
        ContractionEffortHours += effort * hours;
        if (supramaximal)
        {
            SprintMinutes += hours * volumeWeight * 60;
        }
    }
}
