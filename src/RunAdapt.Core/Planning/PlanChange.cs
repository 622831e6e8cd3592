using System.Globalization;
using RunAdapt.Core.Model;
using RunAdapt.Core.Training;

namespace RunAdapt.Core.Planning;

/// <summary>
/// One change a runner could make to a plan — hill repeats, sprints, lifting, a vest, forefoot landing, more or less
/// running — as a rewrite of the plan's sessions. Changes touch only the planned days (never the imported history,
/// rest weeks or immobilised days), so the model, not a rule, says what each one does.
/// </summary>
/// <param name="Name">Short name (<c>hills</c>, <c>run+25%</c>, a lift such as <c>hip_thrust</c>, ...).</param>
/// <param name="Description">What the runner would do, in words.</param>
/// <param name="Rewrite">The plan's sessions with the change made.</param>
public sealed record PlanChange(string Name, string Description, Func<SimulationInput, IReadOnlyList<TrainingSession>> Rewrite)
{
    private const double HillGrade = 0.06, HillRepeatSeconds = 60, SprintSeconds = 15, RepeatRestSeconds = 120, VestKilograms = 5;
    private const int Repeats = 8, LiftSets = 3, LiftReps = 8;
    private const double LiftLoad = 0.75, MoreRunning = 1.25, LessRunning = 0.7;

    /// <summary>
    /// The changes worth trying for these wants: the running changes always, and for each wanted muscle the lift that
    /// trains it most specifically (largest share on it, least on the others) and the squat.
    /// </summary>
    /// <param name="wants">What is wanted.</param>
    /// <param name="parameters">The model parameters (sprint speed).</param>
    public static IReadOnlyList<PlanChange> For(IReadOnlyList<Want> wants, ModelParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(wants);
        ArgumentNullException.ThrowIfNull(parameters);
        var sprintSpeed = parameters.Get(ParameterNames.IntensitySprintSpeed);
        var changes = new List<PlanChange>
        {
            new("hills", I($"hill repeats once a week: {Repeats} × {HillRepeatSeconds:0} s up a {HillGrade * 100:0} % grade after one run, {RepeatRestSeconds / 60:0} min rest"),
                plan => AddToOneRunAWeek(plan, first: true, speed => Repeated(new RunSegment(HillRepeatSeconds, Math.Max(2, speed * 0.9), HillGrade)))),
            new("sprints", I($"sprints once a week: {Repeats} × {SprintSeconds:0} s at full speed after one run, {RepeatRestSeconds / 60:0} min rest"),
                plan => AddToOneRunAWeek(plan, first: false, _ => Repeated(new RunSegment(SprintSeconds, sprintSpeed)))),
            new("plyometrics", I($"plyometrics twice a week: {LiftSets} × 10 jumps"),
                plan => LiftTwiceAWeek(plan, new StrengthSet("plyometrics", LiftSets, 10, 0))),
            new("forefoot", "land on the forefoot on every run", plan => EveryRun(plan, s => s with { FootStrike = FootStrike.Forefoot })),
            new("vest", I($"wear a {VestKilograms:0} kg vest on every run"), plan => EveryRun(plan, s => s with { CarriedLoadKilograms = s.CarriedLoadKilograms + VestKilograms })),
            new(I($"run+{(MoreRunning - 1) * 100:0}%"), I($"run {(MoreRunning - 1) * 100:0} % longer"), plan => EveryRun(plan, s => s with { DurationSeconds = s.DurationSeconds * MoreRunning })),
            new(I($"run-{(1 - LessRunning) * 100:0}%"), I($"run {(1 - LessRunning) * 100:0} % less"), plan => EveryRun(plan, s => s with { DurationSeconds = s.DurationSeconds * LessRunning })),
        };
        var lifts = wants.Select(w => w.Measure.Name.Split('.')[0]).Where(m => Muscles.All.Any(x => x.Name() == m)).Distinct()
            .Select(m => MostSpecificLift(Muscles.All.First(x => x.Name() == m)))
            .Append("back_squat").Distinct();
        changes.AddRange(lifts.Select(e => new PlanChange(e, I($"{e.Replace('_', ' ')} twice a week: {LiftSets} × {LiftReps} at {LiftLoad * 100:0} % 1RM"),
            plan => LiftTwiceAWeek(plan, new StrengthSet(e, LiftSets, LiftReps, LiftLoad)))));
        return changes;
    }

    /// <summary>Whether two changes contradict each other (more and less running; the same change twice).</summary>
    /// <param name="other">The other change.</param>
    public bool ConflictsWith(PlanChange other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Name == other.Name || (Name.StartsWith("run", StringComparison.Ordinal) && other.Name.StartsWith("run", StringComparison.Ordinal));
    }

    /// <summary>Minutes of training a session takes: running and rests, sets with two minutes' rest each, cross-training.</summary>
    /// <param name="session">The session.</param>
    public static double Minutes(TrainingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var lifting = session.Strength.Sum(s => s.Sets * ((s.Reps * (StrengthExercises.Find(s.Exercise)?.SecondsPerRep ?? 3)) + 120));
        return (session.Run.Sum(r => r.DurationSeconds) + lifting + session.Cross.Sum(c => c.DurationSeconds)) / 60;
    }

    private static string MostSpecificLift(Muscle muscle) =>
        StrengthExercises.Names.Select(StrengthExercises.Find).OfType<StrengthExercise>()
            .Where(e => e.Shares.ContainsKey(muscle))
            .OrderByDescending(e => e.Shares[muscle]).ThenBy(e => e.Shares.Values.Sum()).ThenBy(e => e.Name, StringComparer.Ordinal)
            .First().Name;

    private static IEnumerable<RunSegment> Repeated(RunSegment effort) =>
        Enumerable.Range(0, Repeats).SelectMany(i => i < Repeats - 1 ? new[] { effort, new RunSegment(RepeatRestSeconds, 0) } : [effort]);

    private static bool Planned(SimulationInput plan, DateOnly date) =>
        date >= plan.StartDate && date.DayNumber < plan.StartDate.DayNumber + plan.Days && !plan.DisuseDays.ContainsKey(date);

    private static List<TrainingSession> EveryRun(SimulationInput plan, Func<RunSegment, RunSegment> change) =>
        [.. plan.Sessions.Select(s => Planned(plan, s.Date) && s.Run.Count > 0
            ? s with { Run = [.. s.Run.Select(r => r.SpeedMetresPerSecond > 0 ? change(r) : r)] }
            : s)];

    /// <summary>Adds repeats after the first (or last) run of each planned week, made from that run's mean speed.</summary>
    private static List<TrainingSession> AddToOneRunAWeek(SimulationInput plan, bool first, Func<double, IEnumerable<RunSegment>> repeats)
    {
        var sessions = plan.Sessions.ToList();
        var chosen = sessions.Select((s, i) => (s, i)).Where(x => Planned(plan, x.s.Date) && x.s.Run.Any(r => r.SpeedMetresPerSecond > 0))
            .GroupBy(x => (x.s.Date.DayNumber - plan.StartDate.DayNumber) / 7)
            .Select(week => first ? week.MinBy(x => x.s.Date) : week.MaxBy(x => x.s.Date));
        foreach (var (session, index) in chosen)
        {
            var moving = session.Run.Where(r => r.SpeedMetresPerSecond > 0).ToList();
            var speed = moving.Sum(r => r.DistanceMetres) / moving.Sum(r => r.DurationSeconds);
            sessions[index] = session with { Run = [.. session.Run, new RunSegment(RepeatRestSeconds, 0), .. repeats(speed)] };
        }

        return sessions;
    }

    /// <summary>Adds a lifting session on the second and fifth day of every planned week that has any training.</summary>
    private static List<TrainingSession> LiftTwiceAWeek(SimulationInput plan, StrengthSet set)
    {
        var sessions = plan.Sessions.ToList();
        var trainingWeeks = plan.Sessions.Where(s => Planned(plan, s.Date)).Select(s => (s.Date.DayNumber - plan.StartDate.DayNumber) / 7).Distinct();
        foreach (var week in trainingWeeks)
        {
            foreach (var day in new[] { 1, 4 })
            {
                var date = plan.StartDate.AddDays((week * 7) + day);
                if (Planned(plan, date))
                {
                    sessions.Add(TrainingSession.Lifting(date, set));
                }
            }
        }

        return sessions;
    }

    private static string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
