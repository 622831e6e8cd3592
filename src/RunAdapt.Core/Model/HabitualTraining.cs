using RunAdapt.Core.Training;

namespace RunAdapt.Core.Model;

/// <summary>
/// The training an athlete did before a simulation starts, as a typical week: the running volume given
/// (<see cref="Athlete.HabitualKilometresPerWeek"/>) or implied by the training status, at easy effort, and the leg
/// lifting sessions given or implied by the lifting status. The model primes the body on it so a trained athlete
/// starts in equilibrium with their training — and detrains when they stop.
/// </summary>
internal static class HabitualTraining
{
    /// <summary>Days of habitual training simulated before the start: long enough for the weekly and monthly signals to settle.</summary>
    public const int PrimingDays = 16 * 7;

    /// <summary>The habitual week, Monday first (null = no session that day).</summary>
    /// <param name="athlete">The athlete.</param>
    /// <param name="p">Model parameters.</param>
    public static List<TrainingSession>?[] Week(Athlete athlete, ModelParameters p)
    {
        var week = new List<TrainingSession>?[7];
        var km = athlete.HabitualKilometresPerWeek ?? athlete.TrainingStatus switch
        {
            TrainingStatus.Untrained => 0,
            TrainingStatus.Recreational => p.Get(ParameterNames.HabitualKmRecreational),
            TrainingStatus.Trained => p.Get(ParameterNames.HabitualKmTrained),
            _ => p.Get(ParameterNames.HabitualKmElite),
        };
        var lifts = athlete.HabitualStrengthSessionsPerWeek ?? athlete.LiftingStatus switch
        {
            TrainingStatus.Untrained => 0,
            TrainingStatus.Recreational => 1,
            _ => p.Get(ParameterNames.HabitualStrengthSessionsTrained),
        };

        // Runs spread over the week: more of them as the volume grows (club runners 4–6, elites twice a day).
        var runs = km switch { <= 0 => 0, < 12 => 2, < 25 => 3, < 45 => 4, < 80 => 5, < 120 => 6, _ => 7 };
        var perDay = runs == 7 && km >= 120 ? 2 : 1;
        var physiology = new Physiology(p);
        var rest = p.Get(ParameterNames.EnergyRestingMlKgMin);
        var easy = p.Get(ParameterNames.IntensityEasy);
        var vo2max = physiology.InitialVo2Max(athlete);
        var speed = physiology.SpeedAtOxygenUptake(rest + (easy * (vo2max - rest)), 0);
        var metres = km * 1000 / Math.Max(1, runs * perDay);
        int[] runDays = runs switch
        {
            2 => [1, 5],
            3 => [1, 3, 5],
            4 => [1, 2, 4, 6],
            5 => [0, 1, 3, 4, 6],
            6 => [0, 1, 2, 3, 4, 6],
            _ => [0, 1, 2, 3, 4, 5, 6],
        };
        var date = DateOnly.MinValue;
        foreach (var day in runDays.Take(runs))
        {
            var segment = new RunSegment(metres / speed, speed, ReserveFraction: easy);
            week[day] = [new TrainingSession(date, [.. Enumerable.Repeat(segment, perDay)], [], [])];
        }

        int[] liftDays = [2, 5, 0, 3];
        for (var i = 0; i < (int)Math.Round(lifts) && i < liftDays.Length; i++)
        {
            var lift = new TrainingSession(date, [], [new StrengthSet("back_squat", 3, 8, 0.75)], []);
            var day = liftDays[i];
            week[day] = [.. week[day] ?? [], lift];
        }

        return week;
    }
}
