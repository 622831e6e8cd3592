namespace RunAdapt.Core.Training;

/// <summary>Non-running endurance work.</summary>
public enum CrossTrainingMode
{
    /// <summary>Cycling (road, indoor, ergometer).</summary>
    Cycling,

    /// <summary>Swimming.</summary>
    Swimming,
}

/// <summary>A bout of cross-training at a relative intensity.</summary>
/// <param name="Mode">What kind of cross-training.</param>
/// <param name="DurationSeconds">How long, in seconds.</param>
/// <param name="HeartRateReserveFraction">Intensity as a fraction of heart-rate reserve (0.7 = 70 % HRR); above 1 for an all-out sprint (a multiple of the power at VO2max).</param>
/// <param name="Repeats">How many equal bouts the duration is split into (sprint intervals), 1 for a continuous bout.</param>
public sealed record CrossTraining(CrossTrainingMode Mode, double DurationSeconds, double HeartRateReserveFraction, int Repeats = 1);
