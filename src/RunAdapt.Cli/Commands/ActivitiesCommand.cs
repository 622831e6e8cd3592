using System.CommandLine;
using System.Globalization;
using RunAdapt.Analysis;
using RunAdapt.Storage;
using Spectre.Console;

namespace RunAdapt.Cli.Commands;

/// <summary>
/// <c>runadapt activities [list | exclude ID... | include ID... | delete ID...] [--db FILE]</c>: the stored activities
/// with their ids, and leaving one out of the model and the totals, taking it back, or removing it.
/// </summary>
internal static class ActivitiesCommand
{
    public static Command Create()
    {
        var db = StoreOption.Create();
        var (since, until) = RangeOptions.Create();
        var listDb = StoreOption.Create();
        var (listSince, listUntil) = RangeOptions.Create();
        var list = new Command("list", "List the stored activities (the default).") { listDb, listSince, listUntil };
        list.SetAction(int (parse) => List(parse, parse.GetValue(listDb), RangeOptions.Read(parse, listSince, listUntil)));
        var command = new Command("activities", "List the stored activities with their ids (date, sport, distance, kind, source, and whether each is excluded or could not be analysed); 'exclude ID' leaves one out of the model and the totals, 'include ID' takes it back, 'delete ID' removes it.")
        {
            list, Change("exclude", "Leave activities out of the model and the totals (they stay stored and listed).", (store, id) => store.SetExcluded(id, true), "excluded"),
            Change("include", "Take excluded activities back into the model and the totals.", (store, id) => store.SetExcluded(id, false), "included"),
            Change("delete", "Remove activities from the store (importing their file again brings them back).", (store, id) => store.Delete(id), "deleted"),
            db, since, until,
        };
        command.SetAction(int (parse) => List(parse, parse.GetValue(db), RangeOptions.Read(parse, since, until)));
        return command;
    }

    private static Command Change(string name, string description, Func<AthleteStore, long, bool> change, string done)
    {
        var ids = new Argument<long[]>("ID") { Description = "Activity ids, as 'runadapt activities' lists them.", Arity = ArgumentArity.OneOrMore };
        var db = StoreOption.Create();
        var command = new Command(name, description) { ids, db };
        command.SetAction(int (parse) =>
        {
            using var store = StoreOption.Open(parse.GetValue(db));
            var given = parse.GetValue(ids)!;
            // Every id is checked before any is changed, so a mistyped id changes nothing.
            var known = store.ListActivities(implausible: true).Select(a => a.Id).ToHashSet();
            if (given.Where(id => !known.Contains(id)).Select(id => (long?)id).FirstOrDefault() is { } unknown)
            {
                throw new InputException($"{parse.GetValue(db) ?? AthleteStore.DefaultPath}: no activity has the id {unknown} (see 'runadapt activities')");
            }

            foreach (var id in given.Distinct())
            {
                change(store, id);
            }

            parse.InvocationConfiguration.Output.WriteLine($"{done} {given.Distinct().Count()} activit{(given.Distinct().Count() == 1 ? "y" : "ies")}: {string.Join(", ", given.Distinct())}");
            if (name != "delete")
            {
                parse.InvocationConfiguration.Output.WriteLine($"{store.ListActivities().Count(a => a.Excluded)} excluded in all");
            }

            return CliApp.Success;
        });
        return command;
    }

    private static int List(ParseResult parse, string? location, Core.Training.DateRange range)
    {
        using var store = StoreOption.Open(location);
        var activities = store.ListActivities(implausible: true).Where(a => range.Contains(a.StartUtc)).ToList();
        var output = parse.InvocationConfiguration.Output;
        if (activities.Count == 0)
        {
            output.WriteLine(range.IsAll ? "No activities stored yet (run 'runadapt import PATH')." : $"No activities stored {range.Describe()}.");
            return CliApp.Success;
        }

        var console = OutcomeView.Console(output);
        var table = new Table().Title($"{activities.Count} activities{(range.IsAll ? "" : " " + range.Describe())}").AddColumns("id", "date", "sport", "km", "kind", "source", "status");
        foreach (var a in activities)
        {
            table.AddRow(
                a.Id.ToString(CultureInfo.InvariantCulture), a.StartUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Sport,
                (a.DistanceMetres / 1000).ToString("0.0", CultureInfo.InvariantCulture), a.Analysis?.Kind is { } kind ? RunKinds.Name(kind) : "–",
                Markup.Escape(a.Title is { Length: > 0 } title ? $"{a.SourceName} ({title})" : a.SourceName), Markup.Escape(Status(a)));
        }

        console.Write(table);
        // The same totals as history, report and the dashboard say.
        output.WriteLine($"{HistoryTotals.Describe(activities)}; {activities.Count(a => a.Problem is not null)} could not be analysed.");
        StoreOption.WriteNotes(store, parse.InvocationConfiguration.Error);
        return CliApp.Success;
    }

    /// <summary>Excluded, why it could not be analysed, dated outside the plausible window, or empty.</summary>
    private static string Status(StoredActivity a) =>
        string.Join("; ", new[]
        {
            a.Excluded ? "excluded" : null,
            a.Problem,
            Core.Training.PlausibleDates.Contains(DateOnly.FromDateTime(a.StartUtc)) ? null : "implausible date: left out",
        }.OfType<string>());
}
