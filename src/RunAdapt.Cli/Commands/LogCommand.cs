using System.CommandLine;
using RunAdapt.Core.Scenarios;

namespace RunAdapt.Cli.Commands;

/// <summary>
/// <c>runadapt log FILE.yaml [--db FILE]</c>: adds dated sessions that have no activity file — strength sessions, a
/// treadmill run at the gym — to the history. Logging the same file again adds nothing.
/// </summary>
internal static class LogCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A training log (YAML): 'sessions:', a list of { date: YYYY-MM-DD, strength / run / cross } in the scenario's day syntax." };
        var db = StoreOption.Create();
        var command = new Command("log", "Add sessions without an activity file (strength sessions, runs or rides logged by hand) to the history. A log is known by its path: logging it again, edited or not, replaces the sessions it logged before.")
        {
            file, db,
        };
        command.SetAction(int (parse) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new InputException($"{path}: no such file");
            }

            using var store = StoreOption.Open(parse.GetValue(db));
            IReadOnlyList<Core.Training.TrainingSession> sessions;
            try
            {
                sessions = ScenarioParser.ParseLog(File.ReadAllText(path.FullName), path.ToString(), store.LoadAthlete());
            }
            catch (ScenarioException e)
            {
                throw new InputException(e.Message, e);
            }

            // Every session is checked before any is stored, so a bad log stores nothing; a log is known by its full
            // path, so logging it again (edited or not) replaces what it logged before, and another folder's log of the
            // same name is another log. A log stored by its file name alone (before paths) is this one's earlier self.
            var (replaced, stored) = store.ReplaceLog(Path.GetFullPath(path.FullName), sessions, path.Name);
            parse.InvocationConfiguration.Output.WriteLine($"logged {Storage.HistoryTotals.Logged(path.Name, replaced, stored)}; {store.LoggedSessions().Count} logged sessions in the history");
            return CliApp.Success;
        });
        return command;
    }
}
