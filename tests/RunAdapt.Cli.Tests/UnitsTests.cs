using System.Text.RegularExpressions;
using static RunAdapt.Cli.Tests.CliRun;

namespace RunAdapt.Cli.Tests;

/// <summary>Kilometres or miles everywhere: the profile's setting, or --units.</summary>
public sealed class UnitsTests : IDisposable
{
    private readonly string _dir = TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void Succeeds((int Status, string Output, string Error) run) => Assert.True(run.Status == CliApp.Success, run.Error);

    [Fact]
    public void ASimulatedScenarioGivesRacePacesPerMileWithUnitsMi()
    {
        var (status, output, error) = Run("simulate", "novice", "--units", "mi");
        Assert.True(status == CliApp.Success, error);
        Assert.Contains("end pace /mi", output, StringComparison.Ordinal);
        Assert.DoesNotContain("/km", output, StringComparison.Ordinal);
        Assert.Matches(@"│ 10K +│ +\d+:\d\d │ +\d+:\d\d │ +[67]:\d\d │", output);
        Assert.Equal(CliApp.BadUsage, Run("simulate", "novice", "--units", "furlongs").Status);
    }

    [Fact]
    public void AProfileInMilesShowsNoKilometresInTheTerminalOrTheReport()
    {
        var db = Path.Combine(_dir, "store.db");
        Succeeds(Run("import", Fixture("tcx", "test.tcx"), Fixture("fit", "2013-02-06-12-11-14.fit"), "--db", db));
        var (status, athlete, error) = Run("athlete", "--db", db, "--units", "mi", "--threshold-pace", "7:40/mi");
        Assert.True(status == CliApp.Success, error);
        Assert.Matches(@"│ the beginning\s+│[^│]+│[^│]+│ 7:40\s+│", athlete);
        Assert.Contains("threshold pace /mi", athlete, StringComparison.Ordinal);

        var history = Run("history", "--db", db, "--sessions", "0");
        Succeeds(history);
        Assert.DoesNotContain("km", history.Output, StringComparison.Ordinal);
        Assert.Matches(@"activities \(\d+\.\d mi run\)", Regex.Replace(history.Output, @"\s+", " "));
        var inspect = Run("inspect", Fixture("fit", "2013-02-06-12-11-14.fit"), "--db", db);
        Succeeds(inspect);
        Assert.DoesNotContain("km", inspect.Output, StringComparison.Ordinal);
        Assert.Contains("from mi", inspect.Output, StringComparison.Ordinal);

        Succeeds(Run("report", "--db", db, "--out", Path.Combine(_dir, "report")));
        var html = File.ReadAllText(Path.Combine(_dir, "report", "report.html"));
        var shown = Regex.Replace(html[..html.IndexOf("<details><summary>Model parameters", StringComparison.Ordinal)], "<[^>]+>", " ");
        Assert.DoesNotContain("km", shown, StringComparison.Ordinal);
        Assert.Contains("<th>Run (mi)</th>", html, StringComparison.Ordinal);

        // --units overrides the profile for one command.
        Assert.Contains(" km ", Run("history", "--db", db, "--units", "km").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadUnitIsAUsageError()
    {
        var (status, _, error) = Run("athlete", "--db", Path.Combine(_dir, "x.db"), "--units", "furlongs");
        Assert.Equal(CliApp.BadUsage, status);
        Assert.Contains("--units must be km or mi, not 'furlongs'", error, StringComparison.Ordinal);
    }
}
