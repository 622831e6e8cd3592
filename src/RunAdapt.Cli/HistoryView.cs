using System.Globalization;
using RunAdapt.Analysis;
using RunAdapt.Core;
using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Training;
using RunAdapt.Reports;
using RunAdapt.Storage;
using Spectre.Console;

namespace RunAdapt.Cli;

/// <summary>Renders what the analysis kept per activity: the training-load state, the latest sessions, and the best efforts.</summary>
internal static class HistoryView
{
    /// <summary>How many weeks the weekly-volume table shows.</summary>
    private const int VolumeWeeks = 8;

    private const double KilojoulesPerKilocalorie = 4.184;

    /// <summary>Each session's day and training load (TRIMP): the analysed activities not excluded, and logged runs and rides (lifting has no TRIMP).</summary>
    public static IEnumerable<(DateOnly Date, double Load)> Loads(IReadOnlyList<StoredActivity> activities, IReadOnlyList<TrainingSession> logged, Athlete athlete, ThresholdHistory? thresholds) =>
        activities.Where(a => a.Analysis is not null && !a.Excluded).Select(a => (DateOnly.FromDateTime(a.StartUtc), a.Analysis!.Load.Trimp))
            .Concat(logged.Select(s => (s.Date, TrainingLoad.Of(s, thresholds?.On(s.Date) ?? Thresholds.FromAthlete(athlete, s.Date), athlete.Sex).Trimp)));

    public static void Write(TextWriter output, IReadOnlyList<StoredActivity> activities, IReadOnlyList<TrainingSession> logged, Athlete athlete, ThresholdHistory? thresholds, int latest, double fitnessDays, double fatigueDays, DistanceUnit unit)
    {
        var console = OutcomeView.Console(output);
        var analysed = activities.Where(a => a.Analysis is not null).ToList();
        var days = FitnessFatigue.Series(Loads(activities, logged, athlete, thresholds), fitnessDays, fatigueDays);
        if (days.Count > 0)
        {
            var d = days[^1];
            console.MarkupLine(Markup.Escape(I($"Training load on {d.Date:yyyy-MM-dd} (Banister TRIMP; {fitnessDays:0.#}- and {fatigueDays:0.#}-day constants): fitness (CTL) {d.Fitness:0.0}, fatigue (ATL) {d.Fatigue:0.0}, form (TSB) {Numbers.Signed(d.Form, 1)}, ramp {Numbers.Signed(d.RampPerWeek, 1)}/week, acute:chronic {d.AcuteChronicRatio:0.00}.")));
        }

        if (MonthlyLoad(Loads(activities, logged, athlete, thresholds)) is { } monthly)
        {
            console.Write(monthly);
        }

        if (OutcomeSheet.WeeklyVolume(Volume(activities, logged), unit, VolumeWeeks) is { } weekly)
        {
            console.Write(OutcomeView.Table(weekly));
        }

        var shown = latest <= 0 ? activities : activities.TakeLast(latest).ToList();
        // A terminal narrower than the full table gets the columns that matter most, so nothing is wrapped letter by letter.
        var wide = console.Profile.Width >= 140;
        var table = new Table().Title(shown.Count == activities.Count ? "Sessions" : $"Latest {shown.Count} of {activities.Count} sessions");
        // The id is what 'activities exclude ID' takes and what the dashboard's run page shows (/run.html?id=ID).
        table.AddColumns(wide
            ? ["id", "date", "sport", unit.Symbol(), "moving", $"pace {unit.PerUnit()}", "steps /min", "kcal", "load (how)", "HR zones 1–5 (%)", "what it held"]
            : ["id", "date", "sport", unit.Symbol(), "moving", "load (how)", "what it held"]);
        foreach (var a in shown)
        {
            var x = a.Analysis;
            var date = a.StartUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var load = x is null ? (a.Problem is null ? "–" : "not analysed") : x.Load.Describe();
            var held = Markup.Escape(x?.Describe(unit) ?? a.Problem ?? "–");
            if (!wide)
            {
                table.AddRow(Id(a), date, a.Sport, DistanceUnits.Number(a.DistanceMetres, unit), Clock(a.MovingSeconds), load, held);
                continue;
            }

            table.AddRow(
                Id(a), date, a.Sport, DistanceUnits.Number(a.DistanceMetres, unit), Clock(a.MovingSeconds),
                a.MovingSeconds > 0 ? DistanceUnits.Pace(a.DistanceMetres / a.MovingSeconds, unit) : "–",
                x?.StepsPerMinute is { } steps ? I($"{steps:0}") : "–",
                x is null || x.EnergyKilojoules <= 0 ? "–" : I($"{x.EnergyKilojoules / KilojoulesPerKilocalorie:0}"),
                load,
                x is null || x.HeartRateZoneSeconds.Sum() <= 0 ? "–" : string.Join("/", x.HeartRateZoneSeconds.Select(s => (100 * s / x.HeartRateZoneSeconds.Sum()).ToString("0", CultureInfo.InvariantCulture))),
                held);
        }

        console.Write(table);
        if (logged.Count > 0)
        {
            var shownLogged = latest <= 0 ? logged : logged.TakeLast(latest).ToList();
            var log = new Table().Title(shownLogged.Count == logged.Count ? "Logged sessions" : $"Latest {shownLogged.Count} of {logged.Count} logged sessions").AddColumns("date", "what");
            foreach (var session in shownLogged)
            {
                log.AddRow(session.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Markup.Escape(Logged(session, unit)));
            }

            console.Write(log);
        }

        var best = analysed.SelectMany(a => a.Analysis!.BestEfforts.Select(e => (Effort: e, a.StartUtc)))
            .GroupBy(e => e.Effort.Name).Select(g => g.MinBy(e => e.Effort.Seconds)).OrderBy(e => e.Effort.DistanceMetres).ToList();
        if (best.Count > 0)
        {
            var efforts = new Table().Title("Best efforts").AddColumns("distance", "time", $"pace {unit.PerUnit()}", "date");
            foreach (var (effort, start) in best)
            {
                efforts.AddRow(DistanceUnits.RaceName(effort.Name, unit), Clock(effort.Seconds), DistanceUnits.Pace(effort.DistanceMetres / effort.Seconds, unit), start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            console.Write(efforts);
            if (RacePredictions(best, unit) is { } predictions)
            {
                console.Write(predictions);
            }
        }

        var farthest = analysed.SelectMany(a => (a.Analysis!.FarthestIn ?? []).Select(e => (Effort: e, a.StartUtc)))
            .GroupBy(e => e.Effort.Name).Select(g => g.MaxBy(e => e.Effort.DistanceMetres)).OrderBy(e => e.Effort.Seconds).ToList();
        if (farthest.Count > 0)
        {
            var longest = new Table().Title("Farthest in").AddColumns("time", "distance", $"pace {unit.PerUnit()}", "date");
            foreach (var (effort, start) in farthest)
            {
                longest.AddRow(effort.Name, DistanceUnits.Distance(effort.DistanceMetres, unit, 2), DistanceUnits.Pace(effort.DistanceMetres / effort.Seconds, unit), start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            console.Write(longest);
        }
    }

    /// <summary>
    /// Race times from the best effort of a mile or longer (the one with the highest VDOT): Daniels &amp; Gilbert's
    /// equivalent times and Riegel's; <c>null</c> when there is no such effort.
    /// </summary>
    private static Table? RacePredictions(IReadOnlyList<(BestEffort Effort, DateTime StartUtc)> best, DistanceUnit unit)
    {
        var candidates = best.Where(e => e.Effort.DistanceMetres >= RaceTimes.ShortestEffortMetres - 1).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }

        var (effort, start) = candidates.MaxBy(e => RaceTimes.Vdot(e.Effort.DistanceMetres, e.Effort.Seconds));
        var vdot = RaceTimes.Vdot(effort.DistanceMetres, effort.Seconds);
        var table = new Table()
            .Title(I($"Race predictions from the {DistanceUnits.RaceName(effort.Name, unit)} in {Clock(effort.Seconds)} on {start:yyyy-MM-dd} (VDOT {vdot:0.0}; from training, so a race may be faster)"))
            .AddColumns("race", "VDOT", $"pace {unit.PerUnit()}", "Riegel", $"pace {unit.PerUnit()}");
        foreach (var race in Race.Standard)
        {
            var (daniels, riegel) = (RaceTimes.Seconds(race, vdot), RaceTimes.Riegel(race, effort.DistanceMetres, effort.Seconds));
            table.AddRow(DistanceUnits.RaceName(race.Name, unit), Clock(daniels), DistanceUnits.Pace(race.Metres / daniels, unit), Clock(riegel), DistanceUnits.Pace(race.Metres / riegel, unit));
        }

        return table;
    }

    /// <summary>The history's sessions as weekly volume counts them: the activities by run kind or sport (excluded ones left out), the logged sessions by their kind.</summary>
    public static IReadOnlyList<VolumeItem> Volume(IEnumerable<StoredActivity> activities, IEnumerable<TrainingSession> logged) =>
        [.. HistoryTotals.Volume(activities), .. logged.Select(OutcomeSheet.VolumeOf)];

    /// <summary>The training load (TRIMP) of each month from the first session's to the last's, as bars; <c>null</c> for under two months.</summary>
    private static BarChart? MonthlyLoad(IEnumerable<(DateOnly Date, double Load)> loads)
    {
        var byMonth = loads.GroupBy(l => new DateOnly(l.Date.Year, l.Date.Month, 1)).ToDictionary(g => g.Key, g => g.Sum(l => l.Load));
        if (byMonth.Count < 2)
        {
            return null;
        }

        var chart = new BarChart().Label("Training load by month (TRIMP)").LeftAlignLabel().Width(72);
        for (var month = byMonth.Keys.Min(); month <= byMonth.Keys.Max(); month = month.AddMonths(1))
        {
            chart.AddItem(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), Math.Round(byMonth.GetValueOrDefault(month)), Color.Green);
        }

        return chart;
    }

    /// <summary>A logged session in a line: its lifting sets, its running and its cross-training.</summary>
    private static string Logged(TrainingSession session, DistanceUnit unit)
    {
        var parts = session.Strength.Select(x => I($"{x.Exercise.Replace('_', ' ')} {x.Sets}×{x.Reps} at {x.LoadFractionOfOneRepMax * 100:0} % 1RM")).ToList();
        if (session.Run.Count > 0)
        {
            var metres = session.Run.Sum(r => r.DistanceMetres);
            parts.Add(I($"run {Clock(session.Run.Sum(r => r.DurationSeconds))}") + (metres > 0 ? $", {DistanceUnits.Distance(metres, unit)}" : ""));
        }

        parts.AddRange(session.Cross.Select(c => I($"{c.Mode.ToString().ToLowerInvariant()} {Clock(c.DurationSeconds)}")));
        return string.Join("; ", parts);
    }

    private static string Clock(double? seconds) => Durations.Clock(seconds);

    private static string Id(StoredActivity activity) => activity.Id.ToString(CultureInfo.InvariantCulture);

    private static string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
