using System.Text.Json.Nodes;
using static RunAdapt.Cli.Tests.CliRun;

namespace RunAdapt.Cli.Tests;

/// <summary><c>runadapt activities</c>: listing with ids, exclude / include / delete, and <c>--since</c> / <c>--until</c> on the reading commands.</summary>
public sealed class ActivitiesCommandTests
{
    /// <summary>A store with a run, a ride and a multisport file (run legs and a bike leg).</summary>
    private static string Store()
    {
        var db = Path.Combine(TempDir(), "a.db");
        var import = Run("import", Fixture("fit", "activity-small-fenix2-run.fit"), Fixture("fit", "garmin-fenix-5-bike.fit"), Fixture("fit", "activity-large-fenxi2-multisport.fit"), "--db", db);
        Assert.Equal(CliApp.Success, import.Status);
        return db;
    }

    private static string[] Ids(string db) =>
        [.. Run("history", "--sessions-json", "--db", db).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!["id"]!.ToString())];

    [Fact]
    public void ListsEveryActivityWithItsIdKindAndSourceAndTotalsOnlyTheRunning()
    {
        var db = Store();
        var (status, output, error) = Run("activities", "--db", db);
        Assert.Equal(CliApp.Success, status);
        Assert.Equal("", error);
        Assert.Contains("3 activities", output);
        foreach (var column in new[] { "id", "date", "sport", "km", "kind", "source", "status" })
        {
            Assert.Contains(column, output);
        }

        Assert.Contains("cycling", output);
        Assert.All(Ids(db), id => Assert.Contains($"│ {id} ", output));
        // The ride's kilometres are not run; the multisport file's bike leg neither.
        var json = Run("history", "--sessions-json", "--db", db).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        var run = (double)json.Single(j => ((string)j["file"]!).EndsWith("activity-small-fenix2-run.fit", StringComparison.Ordinal))["distance_m"]!;
        var multisport = json.Single(j => ((string)j["file"]!).Contains("multisport", StringComparison.Ordinal));
        Assert.True((double)multisport["running_m"]! < (double)multisport["distance_m"]! * 0.9, multisport.ToJsonString());
        Assert.Equal(0, (double)json.Single(j => ((string)j["file"]!).EndsWith("garmin-fenix-5-bike.fit", StringComparison.Ordinal))["running_m"]!);
        var km = (run + (double)multisport["running_m"]!) / 1000;
        Assert.Contains(FormattableString.Invariant($"3 activities ({km:0.0} km run); 0 could not be analysed."), output);
        Assert.Contains(FormattableString.Invariant($"3 activities ({km:0.0} km run)"), Run("history", "--db", db).Output);
        Assert.Equal(Run("activities", "list", "--db", db).Output, output);
    }

    [Fact]
    public void AnExcludedActivityLeavesTheModelAndTheTotalsUntilIncludedAgain()
    {
        var db = Store();
        var before = Run("history", "--json", "--db", db).Output;
        var ids = Ids(db);
        var (status, output, _) = Run("activities", "exclude", ids[0], "--db", db);
        Assert.Equal(CliApp.Success, status);
        Assert.StartsWith($"excluded 1 activity: {ids[0]}", output);
        Assert.Contains("excluded", Run("activities", "--db", db).Output);
        Assert.Contains("2 activities (", Run("history", "--db", db).Output);
        Assert.Contains(", 1 excluded)", Run("history", "--db", db).Output);
        Assert.NotEqual(before, Run("history", "--json", "--db", db).Output);
        Assert.Contains("\"excluded\":true", Run("history", "--sessions-json", "--db", db).Output);

        Assert.Equal(CliApp.Success, Run("activities", "include", ids[0], "--db", db).Status);
        Assert.Equal(before, Run("history", "--json", "--db", db).Output);
    }

    [Fact]
    public void DeleteRemovesAnActivityAndAnUnknownIdChangesNothing()
    {
        var db = Store();
        var ids = Ids(db);
        var (status, _, error) = Run("activities", "delete", ids[1], "999999", "--db", db);
        Assert.Equal(CliApp.BadInput, status);
        Assert.Equal($"{db}: no activity has the id 999999 (see 'runadapt activities')", error.Trim());
        Assert.Equal(3, Ids(db).Length);

        Assert.Equal(CliApp.Success, Run("activities", "delete", ids[1], "--db", db).Status);
        Assert.Equal([ids[0], ids[2]], Ids(db));
        Assert.Equal(CliApp.BadUsage, Run("activities", "exclude", "--db", db).Status);
    }

    [Fact]
    public void SinceAndUntilReadTheHistoryOverARangeOfDays()
    {
        var db = Store();
        var dates = Run("history", "--sessions-json", "--db", db).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => DateOnly.FromDateTime((DateTime)JsonNode.Parse(l)!["start"]!)).Order().ToList();
        var first = dates[0].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (status, output, _) = Run("history", "--until", first, "--db", db);
        Assert.Equal(CliApp.Success, status);
        Assert.Contains($"1 activities (", output);
        Assert.Single(Run("history", "--sessions-json", "--until", first, "--db", db).Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("1 activities", Run("activities", "--until", first, "--db", db).Output);
        var report = Path.Combine(TempDir(), "r");
        Assert.Equal(CliApp.Success, Run("report", "--db", db, "--since", dates[^1].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "--out", report).Status);
        Assert.Contains("1 activities (", File.ReadAllText(Path.Combine(report, "report.html")));

        Assert.Equal((CliApp.BadUsage, "runadapt: --since must be a day written YYYY-MM-DD, not '3 May' (see 'runadapt --help')"), (Run("history", "--since", "3 May", "--db", db) is var bad ? bad.Status : 0, bad.Error.Trim()));
        var (emptyStatus, _, emptyError) = Run("history", "--since", "2030-01-01", "--until", "2030-02-01", "--db", db);
        Assert.Equal(CliApp.BadInput, emptyStatus);
        Assert.Equal($"{db}: no sessions from 2030-01-01 to 2030-02-01", emptyError.Trim());
        Assert.Equal(CliApp.BadUsage, Run("report", "novice", "--since", "2020-01-01", "--out", report).Status);
    }
}
