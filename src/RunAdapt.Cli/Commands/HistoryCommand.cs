using System.CommandLine;
using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;
using RunAdapt.Reports;

namespace RunAdapt.Cli.Commands;

/// <summary><c>runadapt history [--db FILE] [--json]</c>: what the imported training did to the body.</summary>
internal static class HistoryCommand
{
    public static Command Create()
    {
        var db = StoreOption.Create();
        var json = new Option<bool>("--json") { Description = "Print the outcome as one JSON document (same shape as 'simulate --json')." };
        var latest = new Option<int>("--sessions") { Description = "How many of the latest sessions to list (0 for all).", DefaultValueFactory = _ => 10 };
        var fitnessDays = new Option<double>("--fitness-days") { Description = "Time constant of fitness (CTL), in days.", DefaultValueFactory = _ => Analysis.FitnessFatigue.DefaultFitnessDays };
        var fatigueDays = new Option<double>("--fatigue-days") { Description = "Time constant of fatigue (ATL), in days.", DefaultValueFactory = _ => Analysis.FitnessFatigue.DefaultFatigueDays };
        var sessionsJson = new Option<bool>("--sessions-json") { Description = "Instead of the outcome, print one JSON object per stored activity with its analysis (load, zones, repeats, climbs, best efforts, energy)." };
        var (uncertainty, samples) = UncertaintyOptions.Create();
        var why = WhyOption.Create();
        var units = UnitsOption.Create();
        var (since, until) = RangeOptions.Create();
        var command = new Command("history", "Run the adaptation model over the imported history, from the first session to a week after the last (or over --since/--until); then the training load, the latest sessions with their load, zones and content, and the best efforts. Excluded activities are left out.") { db, json, latest, fitnessDays, fatigueDays, sessionsJson, uncertainty, samples, why, units, since, until };
        command.SetAction(int (parse) =>
        {
            var (fitness, fatigue) = (parse.GetValue(fitnessDays), parse.GetValue(fatigueDays));
            if (!(fitness >= 1 && fitness <= 365 && fatigue >= 1 && fatigue <= 365))
            {
                throw new UsageException($"--fitness-days and --fatigue-days must be between 1 and 365 days, not {fitness} and {fatigue}");
            }

            var range = RangeOptions.Read(parse, since, until);
            using var store = StoreOption.Open(parse.GetValue(db));
            if (parse.GetValue(sessionsJson))
            {
                SessionJsonLines.Write(store.ListActivities().Where(a => range.Contains(a.StartUtc)), parse.InvocationConfiguration.Output);
                StoreOption.WriteNotes(store, parse.InvocationConfiguration.Error);
                return CliApp.Success;
            }

            var sessions = store.LoadSessions().Where(s => range.Contains(s.Date)).ToList();
            if (sessions.Count == 0)
            {
                throw new InputException($"{parse.GetValue(db) ?? Storage.AthleteStore.DefaultPath}: no sessions {(range.IsAll ? "imported yet (run 'runadapt import PATH' first)" : range.Describe())}");
            }

            var input = SimulationInput.ForHistory(store.LoadAthlete(), sessions);
            var first = input.StartDate;
            var outcome = Simulator.Run(input);
            var bands = UncertaintyOptions.Bands(parse, uncertainty, samples, input);
            var contributions = WhyOption.Contributions(parse, why, input);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(OutcomeView.Json(outcome, bands, contributions));
            }
            else
            {
                var stored = store.ListActivities().Where(a => range.Contains(a.StartUtc)).ToList();
                var activities = stored.Where(a => !a.Excluded).ToList();
                var unit = UnitsOption.Of(parse, units, store.LoadAthlete());
                OutcomeView.Write(output, OutcomeSheet.Of(new ReportInput
                {
                    Title = "Your history",
                    Description = $"{Storage.HistoryTotals.Describe(stored, unit)} from {first:yyyy-MM-dd} to {sessions.Max(s => s.Date):yyyy-MM-dd}, athlete profile: {Describe(store.LoadAthlete())}.",
                    Outcome = outcome,
                    Bands = bands,
                    Why = contributions ?? [],
                    Units = unit,
                }));
                if (outcome.Series.Count > 1)
                {
                    OutcomeView.WriteTable(output, OutcomeSheet.OverTime(outcome, first));
                }

                HistoryView.Write(output, activities, [.. store.LoggedSessions().Where(s => range.Contains(s.Date))], store.LoadAthlete(), Analysis.ThresholdHistory.From(store.LoadThresholds()), parse.GetValue(latest), fitness, fatigue, unit);
            }

            StoreOption.WriteNotes(store, parse.InvocationConfiguration.Error);
            return CliApp.Success;
        });
        return command;
    }

    private static string Describe(RunAdapt.Core.Training.Athlete a) =>
        $"{a.Sex.ToString().ToLowerInvariant()}, {a.AgeYears:0} y, {a.MassKilograms:0} kg, {a.TrainingStatus.ToString().ToLowerInvariant()}";
}
