using System.CommandLine;
using RunAdapt.Analysis;
using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;
using RunAdapt.Reports;
using RunAdapt.Storage;

namespace RunAdapt.Cli.Commands;

/// <summary><c>runadapt report [--db FILE | SCENARIO] --out DIR</c>: the HTML report with its charts and body map.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string?>("SCENARIO") { Description = "A scenario YAML file or built-in scenario name; leave out to report the imported history.", Arity = ArgumentArity.ZeroOrOne };
        var db = StoreOption.Create();
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder to write report.html, body-map.svg and charts/ into (created if missing).", Required = true };
        var parameters = new Option<FileInfo?>("--parameters") { Description = "A YAML file overriding model parameters (same shape as the built-in parameters.yaml)." };
        var units = UnitsOption.Create();
        var (since, until) = RangeOptions.Create();
        var command = new Command("report", "Write an HTML report (plain-language answer, body map, charts, evidence) for a scenario or the imported history (over --since/--until; excluded activities left out). A scenario with 'from: history' continues from the imported history (--db).")
        {
            scenario, db, output, parameters, units, since, until,
        };
        command.SetAction(int (parse) =>
        {
            var name = parse.GetValue(scenario);
            var store = parse.GetValue(db);
            var model = Scenarios.LoadParameters(parse.GetValue(parameters));
            // The store's profile says the units when a store is in play; --units overrides.
            DistanceUnit unit;
            using (var profile = name is null || store is not null ? StoreOption.Open(store) : null)
            {
                unit = UnitsOption.Of(parse, units, profile?.LoadAthlete() ?? new Core.Training.Athlete());
            }

            var range = RangeOptions.Read(parse, since, until);
            if (name is not null && !range.IsAll)
            {
                throw new UsageException("--since and --until read the imported history, not a SCENARIO");
            }

            var input = (name is not null ? FromScenario(name, model, store, unit) : FromHistory(store, range, model, parse.InvocationConfiguration.Error, unit)) with { Units = unit };
            var folder = parse.GetValue(output)!;
            var written = ReportFiles.Write(input, folder.FullName);
            var console = parse.InvocationConfiguration.Output;
            console.WriteLine($"Report: {input.Title} ({input.Outcome.Days / 7} weeks, {input.Sessions.Count} sessions)");
            console.WriteLine($"  {written.Html}");
            console.WriteLine($"  {written.BodyMap}");
            console.WriteLine($"  charts/: {written.Charts.Count / 2} charts as PNG and SVG");
            console.WriteLine($"Written to {folder.FullName}");
            return CliApp.Success;
        });
        return command;
    }

    private static ReportInput FromScenario(string nameOrPath, ModelParameters model, string? db, DistanceUnit unit)
    {
        var loaded = Scenarios.Load(nameOrPath, model);
        var input = Scenarios.Input(loaded, model, db);
        var report = ReportInput.ForPlan(loaded, input, LoadPoints(FitnessFatigue.OfSessions([.. input.History, .. input.Sessions], input.Athlete)), full: true);
        return report with { Description = Analysis.RunKinds.DescribePlan(DistanceUnits.InText(report.Description, unit), input) };
    }

    private static IReadOnlyList<LoadPoint> LoadPoints(IEnumerable<LoadDay> days) => [.. days.Select(d => new LoadPoint(d.Date, d.Fitness, d.Fatigue, d.Form))];

    private static ReportInput FromHistory(string? location, Core.Training.DateRange range, ModelParameters model, TextWriter error, DistanceUnit unit)
    {
        using var store = StoreOption.Open(location);
        var sessions = store.LoadSessions().Where(s => range.Contains(s.Date)).ToList();
        if (sessions.Count == 0)
        {
            throw new InputException($"{location ?? AthleteStore.DefaultPath}: no sessions {(range.IsAll ? "imported yet (run 'runadapt import PATH' first)" : range.Describe())}");
        }

        // From the first session to a week after the last, as 'runadapt history' does.
        var input = SimulationInput.ForHistory(store.LoadAthlete(), sessions) with { Parameters = model };
        var first = input.StartDate;
        var stored = store.ListActivities().Where(a => range.Contains(a.StartUtc)).ToList();
        var activities = stored.Where(a => !a.Excluded).ToList();
        StoreOption.WriteNotes(store, error);
        var load = LoadPoints(FitnessFatigue.OfSessions(sessions, store.LoadAthlete(), ThresholdHistory.From(store.LoadThresholds())));
        return ReportInput.Simulated("Your history", input, load, full: true) with
        {
            Description = $"{HistoryTotals.Describe(stored, unit)} imported, from {first:yyyy-MM-dd} to {sessions.Max(s => s.Date):yyyy-MM-dd}.",
            SessionRows = [.. activities.Select(a => new SessionRow(DateOnly.FromDateTime(a.StartUtc), a.Sport, a.DistanceMetres, a.MovingSeconds / 60, a.Analysis?.Load.Describe(), a.Analysis?.Describe(unit) ?? a.Problem))],
            Volume = HistoryView.Volume(activities, store.LoggedSessions().Where(s => range.Contains(s.Date))),
        };
    }
}
