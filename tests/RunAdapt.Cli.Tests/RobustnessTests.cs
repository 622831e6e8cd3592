using Microsoft.Data.Sqlite;
using RunAdapt.Storage;
using static RunAdapt.Cli.Tests.CliRun;

namespace RunAdapt.Cli.Tests;

/// <summary>No command fails because of one activity: odd files, damaged rows and far dates are shown as such or skipped.</summary>
public sealed class RobustnessTests
{
    /// <summary>Every reading command over a store; none may end in an internal error.</summary>
    private static void EveryReadingCommandSucceeds(string db)
    {
        foreach (var args in new[] { ["history", "--sessions", "0"], ["history", "--sessions-json"], ["history", "--json"], new[] { "report", "--out", Path.Combine(TempDir(), "r") } })
        {
            var (status, _, error) = Run([.. args, "--db", db]);
            Assert.True(status == CliApp.Success, $"{string.Join(' ', args)} exited {status}: {error}");
        }
    }

    /// <summary>A pool swim has repeats without speed: its pace is unknown ("–"), not an overflow (it exited 70).</summary>
    [Fact]
    public void APoolSwimIsInspectedAndListedByEveryCommand()
    {
        var (status, output, error) = Run("inspect", Fixture("fit", "event_timestamp.fit"));
        Assert.Equal(CliApp.Success, status);
        Assert.Equal("", error);
        Assert.Contains("analysis:", output);

        var db = Path.Combine(TempDir(), "swim.db");
        Assert.Equal(CliApp.Success, Run("import", Fixture("fit", "event_timestamp.fit"), Fixture("fit", "activity-small-fenix2-run.fit"), "--db", db).Status);
        EveryReadingCommandSucceeds(db);
    }

    /// <summary>Every file of the fixture corpus, inspected, then all imported into one store and read by every command.</summary>
    [Fact]
    public void TheWholeCorpusNeverGivesAnInternalError()
    {
        var files = Directory.GetFiles(Path.Combine(Root, "tests", "fixtures", "activities"), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".fit" or ".tcx" or ".gpx");
        foreach (var file in files)
        {
            var (status, _, error) = Run("inspect", file);
            Assert.True(status is CliApp.Success or CliApp.BadInput, $"inspect {file} exited {status}: {error}");
        }

        var db = Path.Combine(TempDir(), "corpus.db");
        var import = Run("import", Path.Combine(Root, "tests", "fixtures", "activities"), "--db", db);
        Assert.True(import.Status is CliApp.Success or CliApp.BadInput, import.Error);
        EveryReadingCommandSucceeds(db);
    }

    /// <summary>A stored analysis that cannot be read (a damaged row) is one activity shown as not analysed; the rest are listed.</summary>
    [Fact]
    public void ADamagedStoredAnalysisIsShownAsSuchAndTheRestIsRead()
    {
        var db = Path.Combine(TempDir(), "damaged.db");
        Assert.Equal(CliApp.Success, Run("import", Path.Combine(Root, "samples", "activities"), "--db", db).Status);
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=false"))
        {
            connection.Open();
            using var damage = connection.CreateCommand();
            damage.CommandText = "update activities set analysis = '{not json' where id = (select min(id) from activities)";
            Assert.Equal(1, damage.ExecuteNonQuery());
        }

        EveryReadingCommandSucceeds(db);
        var (_, lines, _) = Run("history", "--sessions-json", "--db", db);
        Assert.Contains("\"problem\":\"its stored analysis cannot be read", lines);
        using var store = AthleteStore.Open(db);
        Assert.Equal(2, store.ListActivities().Count);
    }
}
