using RunAdapt.Activities;
using RunAdapt.Activities.Fit;
using RunAdapt.Analysis;
using RunAdapt.Core.Training;

namespace RunAdapt.Storage.Tests;

/// <summary>The same store behaviour on embedded SQLite and on a real PostgreSQL server (RUNADAPT_PG, started by ci/test.sh).</summary>
public sealed class AthleteStoreTests
{
    public static TheoryData<string> Backends() => ["sqlite", "postgres"];

    private static string Fixture(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "RunAdapt.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir.FullName, "tests", "fixtures", "activities", "fit", name);
    }

    private static AthleteStore Open(string backend)
    {
        if (backend == "sqlite")
        {
            return AthleteStore.Open(Path.Combine(Path.GetTempPath(), $"runadapt-{Guid.NewGuid():N}.db"));
        }

        var connection = Environment.GetEnvironmentVariable("RUNADAPT_PG");
        Assert.SkipWhen(string.IsNullOrEmpty(connection), "RUNADAPT_PG is not set (ci/test.sh starts PostgreSQL and sets it)");
        var schema = $"t{Guid.NewGuid():N}";
        using (var admin = new Npgsql.NpgsqlConnection(connection))
        {
            admin.Open();
            using var create = new Npgsql.NpgsqlCommand($"create schema {schema}", admin);
            create.ExecuteNonQuery();
        }

        return AthleteStore.Open($"{connection};Search Path={schema}");
    }

    private static (string Sha, IReadOnlyList<(Activity, AnalysedSession?)> Activities) Load(string name)
    {
        var bytes = File.ReadAllBytes(Fixture(name));
        var activities = FitDecoder.DecodeActivities(bytes, name);
        return (Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
            [.. activities.Select(a => (a, SessionBuilder.Analyse(a, new Athlete())))]);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void StoringTheSameFileTwiceStoresItOnce(string backend)
    {
        using var store = Open(backend);
        var (sha, activities) = Load("activity-small-fenix2-run.fit");
        Assert.Equal(StoreResult.Imported, store.Save("run.fit", sha, activities));
        Assert.True(store.HasFile(sha));
        Assert.Equal(StoreResult.Duplicate, store.Save("run.fit", sha, activities));
        Assert.Single(store.ListActivities());
        Assert.Single(store.LoadSessions());
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void TheSameRunFromAnotherFileIsADuplicate(string backend)
    {
        using var store = Open(backend);
        var (sha, activities) = Load("Activity.fit");
        var (otherSha, sameRun) = Load("activity-filecrc.fit");
        Assert.NotEqual(sha, otherSha);
        Assert.Equal(StoreResult.Imported, store.Save("Activity.fit", sha, activities));
        Assert.Equal(StoreResult.Duplicate, store.Save("activity-filecrc.fit", otherSha, sameRun));
        Assert.Single(store.ListActivities());
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void SessionsAndSamplesRoundTrip(string backend)
    {
        using var store = Open(backend);
        var (sha, activities) = Load("activity-small-fenix2-run.fit");
        store.Save("run.fit", sha, activities);
        var session = Assert.Single(store.LoadSessions());
        Assert.Equal(activities[0].Item2!.Session.Run, session.Run);
        Assert.Equal(activities[0].Item1.Samples, Assert.Single(store.LoadSamples()));
        var athlete = new Athlete { MassKilograms = 62, Sex = Sex.Female, FootStrike = FootStrike.Forefoot };
        store.SaveAthlete(athlete);
        Assert.Equal(athlete, store.LoadAthlete());
    }
}
