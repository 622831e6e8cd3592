using System.Text.RegularExpressions;
using RunAdapt.Storage;
using static RunAdapt.Cli.Tests.CliRun;

namespace RunAdapt.Cli.Tests;

/// <summary>Every stored activity's page is reachable from the terminal: its id in the history, its address from inspect.</summary>
public sealed class RunPageLinkTests
{
    [Fact]
    public void HistoryListsEachActivityByIdAndInspectSaysWhereAStoredRunsPageIs()
    {
        var db = Path.Combine(TempDir(), "a.db");
        var run = Fixture("tcx", "test.tcx");
        Assert.Equal(CliApp.Success, Run("import", run, Fixture("fit", "2013-02-06-12-11-14.fit"), "--db", db).Status);
        long id;
        using (var store = AthleteStore.Open(db))
        {
            id = store.ListActivities().Single(a => a.StartUtc.Year == 2012).Id;
        }

        var history = Run("history", "--db", db).Output;
        Assert.Matches(new Regex($@"│ {id} +│ 2012-12-26 │ running │"), history);

        var inspect = Run("inspect", run, "--db", db);
        Assert.Equal(CliApp.Success, inspect.Status);
        Assert.Contains($"stored as activity {id}: its page is /run.html?id={id} on the dashboard (runadapt serve)", inspect.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("stored as activity", Run("inspect", run).Output, StringComparison.Ordinal);
    }
}
