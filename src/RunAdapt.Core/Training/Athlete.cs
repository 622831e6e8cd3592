namespace RunAdapt.Core.Training;

/// <summary>Biological sex, which sets body-composition and fibre-type defaults.</summary>
public enum Sex
{
    /// <summary>Male.</summary>
    Male,

    /// <summary>Female.</summary>
    Female,
}

/// <summary>How trained the athlete is at the start (sets fibre types, VO2max and growth headroom defaults).</summary>
public enum TrainingStatus
{
    /// <summary>Inactive; never trained regularly.</summary>
    Untrained,

    /// <summary>Runs or trains a few times a week.</summary>
    Recreational,

    /// <summary>Trained for years.</summary>
    Trained,

    /// <summary>National or international level.</summary>
    Elite,
}

/// <summary>
/// The athlete as known at the start: profile plus whatever has been measured. Unknown values are <c>null</c>
/// and the model fills them from its parameters.
/// </summary>
public sealed record Athlete
{
    /// <summary>Biological sex.</summary>
    public Sex Sex { get; init; } = Sex.Male;

    /// <summary>Age, in years.</summary>
    public double AgeYears { get; init; } = 30;

    /// <summary>Body mass, in kilograms.</summary>
    public double MassKilograms { get; init; } = 75;

    /// <summary>How distances and paces are shown and typed for this runner (a preference of the profile; the model does not use it).</summary>
    public Outcomes.DistanceUnit Units { get; init; } = Outcomes.DistanceUnit.Kilometres;

    /// <summary>Standing height, in centimetres.</summary>
    public double HeightCentimetres { get; init; } = 178;

    /// <summary>Endurance training status.</summary>
    public TrainingStatus TrainingStatus { get; init; } = TrainingStatus.Untrained;

    /// <summary>Resistance training status.</summary>
    public TrainingStatus LiftingStatus { get; init; } = TrainingStatus.Untrained;

    /// <summary>Habitual foot strike.</summary>
    public FootStrike FootStrike { get; init; } = FootStrike.Rearfoot;

    /// <summary>Measured VO2max, in ml/kg/min, if known.</summary>
    public double? Vo2MaxMillilitresPerKilogramPerMinute { get; init; }

    /// <summary>Maximal heart rate, in beats per minute, if known.</summary>
    public double? HeartRateMaxBeatsPerMinute { get; init; }

    /// <summary>Resting heart rate, in beats per minute, if known.</summary>
    public double? HeartRateRestBeatsPerMinute { get; init; }

    /// <summary>Body fat, in percent of body mass, if known.</summary>
    public double? BodyFatPercent { get; init; }

    /// <summary>Share of type I fibres in the leg muscles, in percent, if known (biopsy; largely inherited).</summary>
    public double? Type1Percent { get; init; }

    /// <summary>
    /// Whether the athlete already trains the way the programme opens (its first four weeks): the model then starts
    /// them adapted to it, so only what goes beyond it is a new stimulus.
    /// </summary>
    public bool HabituatedToProgramme { get; init; }

    /// <summary>VO2max trainability relative to the average responder (1 = average; HERITAGE spread ≈ ±50 %).</summary>
    public double? Trainability { get; init; }

    /// <summary>
    /// Whether the athlete keeps eating what they ate before the programme (a controlled diet): no part of the extra
    /// exercise energy is eaten back and intake never catches up, so all of it is a deficit.
    /// </summary>
    public bool IntakeUnchanged { get; init; }

    /// <summary>
    /// A lasting change in what the athlete eats a day from the first simulated day, in kilocalories (negative = a diet);
    /// 0 by default.
    /// </summary>
    public double IntakeChangeKilocaloriesPerDay { get; init; }

    /// <summary>
    /// Running the athlete did per week before the simulated days, in kilometres, if known; otherwise the model
    /// takes the habitual volume its <see cref="TrainingStatus"/> implies. The body starts adapted to it.
    /// </summary>
    public double? HabitualKilometresPerWeek { get; init; }

    /// <summary>Resistance-training sessions per week before the simulated days, if known (else implied by <see cref="LiftingStatus"/>).</summary>
    public double? HabitualStrengthSessionsPerWeek { get; init; }

    /// <summary>
    /// Whether the athlete's habitual training goes on alongside the simulated sessions (a study's participants told
    /// to keep their own activity) instead of the sessions being all the training they do (a runner's plan). It stops
    /// on days the legs are out of use.
    /// </summary>
    public bool HabitualTrainingContinues { get; init; }
}
