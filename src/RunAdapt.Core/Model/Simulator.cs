using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Training;

namespace RunAdapt.Core.Model;

/// <summary>What to simulate: who, from when, for how long, and the sessions done.</summary>
/// <param name="Athlete">The athlete at the start.</param>
/// <param name="StartDate">The first simulated day.</param>
/// <param name="Days">How many days to simulate (&gt; 0).</param>
/// <param name="Sessions">The sessions, any order; sessions outside the simulated days are ignored.</param>
public sealed record SimulationInput(Athlete Athlete, DateOnly StartDate, int Days, IReadOnlyList<TrainingSession> Sessions)
{
    /// <summary>Days on which the legs are out of use (bed rest, a leg in a cast or kept off the ground), and how: no training and no daily walking on them.</summary>
    public IReadOnlyDictionary<DateOnly, Disuse> DisuseDays { get; init; } = new Dictionary<DateOnly, Disuse>();

    /// <summary>The model parameters; the built-in ones by default.</summary>
    public ModelParameters Parameters { get; init; } = ModelParameters.Default;

    /// <summary>A recorded history, simulated from its first session to a week after its last.</summary>
    /// <param name="athlete">The athlete.</param>
    /// <param name="sessions">The sessions (non-empty, any order).</param>
    public static SimulationInput ForHistory(Athlete athlete, IReadOnlyList<TrainingSession> sessions)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sessions.Count);
        var first = sessions.Min(s => s.Date);
        return new SimulationInput(athlete, first, sessions.Max(s => s.Date).DayNumber - first.DayNumber + 7, sessions);
    }

    /// <summary>
    /// Training done before <see cref="StartDate"/> (e.g. the imported history): simulated in full first, so the
    /// athlete starts the programme in the state that history left them in. Only the days from the start are reported.
    /// </summary>
    public IReadOnlyList<TrainingSession> History { get; init; } = [];
}

/// <summary>The day-by-day adaptation model's entry point.</summary>
public static class Simulator
{
    /// <summary>Runs the model over the input's days and returns the outcome. Deterministic for the same input.</summary>
    /// <param name="input">What to simulate.</param>
    /// <exception cref="ArgumentOutOfRangeException">Days is not positive or the athlete's profile is implausible.</exception>
    public static SimulationOutcome Run(SimulationInput input) => Run(input, null);

    /// <summary>
    /// The share of active fibres that are fast-twitch while running a probe segment, at the start and at the end
    /// of each week: how the same pace turns into slow-twitch work as the athlete adapts.
    /// </summary>
    /// <param name="input">What to simulate.</param>
    /// <param name="probe">The running the athlete is tested on (speed, grade).</param>
    /// <param name="muscle">The muscle group observed.</param>
    public static IReadOnlyList<double> FastTwitchRecruitment(SimulationInput input, RunSegment probe, Muscle muscle)
    {
        var shares = new List<double>();
        Run(input, body => shares.Add(body.FastTwitchShare(probe, muscle)));
        return shares;
    }

    private static SimulationOutcome Run(SimulationInput input, Action<BodyModel>? weekly)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(input.Days);
        ArgumentOutOfRangeException.ThrowIfLessThan(input.Athlete.MassKilograms, 25.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(input.Days, 366 * 100);
        var body = new BodyModel(input.Athlete, input.Parameters);
        var byDay = input.Sessions
            .Where(s => s.Date >= input.StartDate && s.Date < input.StartDate.AddDays(input.Days))
            .GroupBy(s => s.Date)
            .ToDictionary(g => g.Key, g => g.ToList());
        var habitualWeek = HabitualTraining.Week(input.Athlete, input.Parameters);
        // The body starts in equilibrium with the training it is used to: the programme's opening weeks when the
        // athlete already trains that way, else the habitual week their training status implies.
        if (input.Athlete.HabituatedToProgramme)
        {
            for (var pass = 0; pass < 4; pass++)
            {
                for (var day = 0; day < Math.Min(28, input.Days); day++)
                {
                    body.Step(byDay.GetValueOrDefault(input.StartDate.AddDays(day)), Disuse.None, priming: true);
                }
            }
        }
        else
        {
            for (var day = 0; day < HabitualTraining.PrimingDays; day++)
            {
                body.Step(habitualWeek[day % 7], Disuse.None, priming: true);
            }
        }

        body.EndPriming();
        if (input.History.Count > 0)
        {
            var historyByDay = input.History.Where(s => s.Date < input.StartDate).GroupBy(s => s.Date).ToDictionary(g => g.Key, g => g.ToList());
            for (var date = historyByDay.Keys.DefaultIfEmpty(input.StartDate).Min(); date < input.StartDate; date = date.AddDays(1))
            {
                body.Step(historyByDay.GetValueOrDefault(date), Disuse.None, priming: false);
            }

            body.Rebase();
        }

        var start = body.Snapshot(null);
        weekly?.Invoke(body);
        var series = new List<BodySnapshot>(input.Days / 7);
        for (var day = 0; day < input.Days; day++)
        {
            var date = input.StartDate.AddDays(day);
            var disuse = input.DisuseDays.GetValueOrDefault(date);
            var sessions = byDay.GetValueOrDefault(date);
            if (input.Athlete.HabitualTrainingContinues && disuse == Disuse.None && habitualWeek[day % 7] is { } habitual)
            {
                sessions = [.. sessions ?? [], .. habitual];
            }

            body.Step(sessions, disuse, priming: false);
            if ((day + 1) % 7 == 0)
            {
                series.Add(body.Snapshot((day + 1) / 7));
                weekly?.Invoke(body);
            }
        }

        return new SimulationOutcome { Days = input.Days, Start = start, Final = body.Snapshot(null), Series = series };
    }
}
