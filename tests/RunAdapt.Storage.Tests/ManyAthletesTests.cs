using System.Data.Common;
using Dapper;
using RunAdapt.Analysis;
using RunAdapt.Core.Training;

namespace RunAdapt.Storage.Tests;

/// <summary>Many athletes in one store: the single-athlete store migrates to athlete 1 with nothing lost, and a store bound to one athlete never reaches another's rows.</summary>
public sealed class ManyAthletesTests
{
    public static TheoryData<string> Backends() => ["sqlite", "postgres"];

    /// <summary>The tables of athlete data, with the order their rows are compared in.</summary>
    private static readonly (string Table, string Order)[] Tables =
        [("files", "id"), ("activities", "id"), ("sessions", "id"), ("athlete", "id"), ("thresholds", "effective_from")];

    /// <summary>The store the single-athlete release wrote: the SQLite file, or its pg_dump replayed into a schema of its own.</summary>
    private static string OldStore(string backend)
    {
        if (backend == "sqlite")
        {
            return AthleteStoreTests.OldStore();
        }

        var server = Environment.GetEnvironmentVariable("RUNADAPT_PG");
        Assert.SkipWhen(string.IsNullOrEmpty(server), "RUNADAPT_PG is not set (ci/test.sh starts PostgreSQL and sets it)");
        var schema = $"t{Guid.NewGuid():N}";
        using (var admin = new Npgsql.NpgsqlConnection(server))
        {
            admin.Open();
            admin.Execute(File.ReadAllText(AthleteStoreTests.StoreFixture("v9.postgres.sql")).Replace("fixture_v9", schema, StringComparison.Ordinal));
        }

        return $"{server};Search Path={schema}";
    }

    private static DbConnection Raw(string location)
    {
        DbConnection connection = location.StartsWith("Host=", StringComparison.Ordinal)
            ? new Npgsql.NpgsqlConnection(location) : new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={location};Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>Every row of every table of athlete data as text, column by column, without the athlete column and v11's mark of laps read.</summary>
    private static Dictionary<string, List<string>> Rows(string location)
    {
        using var connection = Raw(location);
        return Tables.ToDictionary(t => t.Table, t => connection.Query($"select * from {t.Table} order by {t.Order}")
            .Select(row => string.Join("|", ((IDictionary<string, object?>)row).Where(c => c.Key is not ("athlete_id" or "laps_read")).OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => $"{c.Key}={(c.Value is byte[] bytes ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)) : Convert.ToString(c.Value, System.Globalization.CultureInfo.InvariantCulture))}")))
            .ToList());
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void AStoreWrittenByTheSingleAthleteReleaseBecomesAthleteOneWithNothingLost(string backend)
    {
        var location = OldStore(backend);
        var before = Rows(location);
        Assert.Equal([4, 4, 5, 1, 2], Tables.Select(t => before[t.Table].Count));

        using (var store = AthleteStore.Open(location))
        {
            Assert.Equal(AthleteStore.LocalAthleteId, store.AthleteId);
            var listed = store.ListActivities();
            Assert.Equal([3, 4, 1, 2], listed.Select(a => a.Id));
            Assert.Equal([2L], listed.Where(a => a.Excluded).Select(a => a.Id));
            Assert.Equal(2, store.LoggedSessions().Count);
            Assert.Equal(4, store.LoadSessions().Count); // three activities have a session (one has no movement), the excluded ride's is left out
            Assert.Empty(store.KnownFiles()); // stored before laps were kept: importing them again adds their laps (below)
            Assert.Equal(Sex.Female, store.LoadAthlete().Sex);
            Assert.Equal([188.0, 185.0], store.LoadThresholds().Select(t => t.HeartRateMaxBeatsPerMinute));
        }

        // Row for row, column for column, what was stored is still stored, now as athlete 1's.
        var after = Rows(location);
        foreach (var (table, _) in Tables)
        {
            Assert.Equal(before[table], after[table]);
        }

        using var check = Raw(location);
        foreach (var table in new[] { "files", "activities", "sessions", "thresholds" })
        {
            Assert.Equal([AthleteStore.LocalAthleteId], check.Query<long>($"select distinct athlete_id from {table}"));
        }

        Assert.Equal(11, check.ExecuteScalar<long>("select max(version) from schema_version"));
        Assert.Equal(0, check.ExecuteScalar<long>("select count(*) from laps"));
        Assert.Equal([0L], check.Query<long>("select distinct laps_read from activities"));
    }

    /// <summary>
    /// v11 keeps the device's laps. The activities an older store holds have none stored (their laps are in the files,
    /// not in the stored samples), so their files are not known yet: importing them again adds the laps and nothing else.
    /// </summary>
    [Theory]
    [MemberData(nameof(Backends))]
    public void AnOlderStoreGainsItsLapsWhenItsFilesAreImportedAgain(string backend)
    {
        var location = OldStore(backend);
        using var store = AthleteStore.Open(location);
        var listed = store.ListActivities();
        Assert.All(listed, a => Assert.Null(store.LoadLaps(a.Id)));
        Assert.Empty(store.KnownFiles());
        var before = Rows(location);

        foreach (var name in listed.Select(a => a.SourceName))
        {
            var bytes = File.ReadAllBytes(AthleteStoreTests.Fixture(name));
            var activities = Activities.Fit.FitDecoder.DecodeActivities(bytes, name).Select(x => new PreparedActivity(x, SessionBuilder.Analyse(x, new Athlete()))).ToList();
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
            Assert.Equal(StoreResult.LapsAdded, store.Save(name, sha, activities));
            Assert.Equal(StoreResult.Duplicate, store.Save(name, sha, activities));
        }

        Assert.Equal(4, store.KnownFiles().Count);
        Assert.Equal(before, Rows(location));
        var run = listed.Single(a => a.SourceName == "2013-02-06-12-11-14.fit");
        var laps = store.LoadLaps(run.Id)!;
        Assert.Equal(5, laps.Count);
        Assert.Equal(run.DistanceMetres, laps.Sum(l => l.DistanceMetres), run.DistanceMetres * 0.02);
        Assert.All(laps, lap => Assert.NotNull(lap.AverageHeartRate));

        // A file imported from now on has its laps at once; deleting the activity deletes them.
        using var fresh = AthleteStore.Open(location, AthleteStore.AddAthlete(location, "fresh"));
        var small = File.ReadAllBytes(AthleteStoreTests.Fixture("activity-small-fenix2-run.fit"));
        Assert.Equal(StoreResult.Imported, fresh.Save("run.fit", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(small)),
            [.. Activities.Fit.FitDecoder.DecodeActivities(small, "run.fit").Select(x => new PreparedActivity(x, SessionBuilder.Analyse(x, new Athlete())))]));
        var id = Assert.Single(fresh.ListActivities()).Id;
        Assert.Equal(4, fresh.LoadLaps(id)!.Count);
        Assert.True(fresh.Delete(id));
        Assert.Null(fresh.LoadLaps(id));
        using var check = Raw(location);
        Assert.Equal(0, check.ExecuteScalar<long>("select count(*) from laps where activity_id = @id", new { id }));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void AStoreBoundToOneAthleteNeverReachesAnothersRows(string backend)
    {
        var location = OldStore(backend);
        Account a, b;
        using (var accounts = AccountStore.Open(location))
        {
            a = accounts.Register("Ann", "ANN", null, "stamp-a")!;
            b = accounts.Register("Bob", "BOB", null, "stamp-b")!;
            Assert.Null(accounts.Register("ann", "ANN", null, "stamp")); // the name is taken
        }

        var bytes = File.ReadAllBytes(AthleteStoreTests.Fixture("activity-small-fenix2-run.fit"));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var activities = Activities.Fit.FitDecoder.DecodeActivities(bytes, "run.fit").Select(x => new PreparedActivity(x, SessionBuilder.Analyse(x, new Athlete()))).ToList();
        using var ann = AthleteStore.Open(location, a.AthleteId);
        using var bob = AthleteStore.Open(location, b.AthleteId);

        // The same file is each athlete's own (athlete 1 holds it too).
        Assert.Equal(StoreResult.Imported, ann.Save("run.fit", sha, activities));
        Assert.Equal(StoreResult.Imported, bob.Save("run.fit", sha, activities));
        Assert.Equal(StoreResult.Duplicate, bob.Save("again.fit", sha, activities));
        var annsRun = Assert.Single(ann.ListActivities()).Id;
        var bobsRun = Assert.Single(bob.ListActivities()).Id;
        Assert.NotEqual(annsRun, bobsRun);

        // Bob's store cannot change or delete Ann's activity, or the local athlete's.
        Assert.False(bob.SetExcluded(annsRun, true));
        Assert.False(bob.Delete(annsRun));
        Assert.False(bob.Delete(3));
        Assert.False(Assert.Single(ann.ListActivities()).Excluded);

        // Nor read its laps, samples or sessions (what its run page shows).
        Assert.Equal(4, ann.LoadLaps(annsRun)!.Count);
        Assert.Null(bob.LoadLaps(annsRun));
        Assert.Null(bob.LoadSamples(annsRun));
        Assert.NotNull(ann.LoadSamples(annsRun));
        Assert.Single(bob.LoadSessionsWithout(-1));

        bob.SaveAthlete(new Athlete { Sex = Sex.Male, AgeYears = 51 });
        bob.SaveThresholds(new Thresholds(DateOnly.MinValue, 55, 170, 3.5));
        bob.ReplaceLog("gym.yaml", [new TrainingSession(new DateOnly(2015, 8, 16), [], [], [])]);
        Assert.False(ann.HasAthlete());
        Assert.Empty(ann.LoadThresholds());
        Assert.Empty(ann.LoggedSessions());
        Assert.Equal(1, bob.Reanalyse());
        Assert.Single(ann.LoadSessions());

        using var local = AthleteStore.Open(location);
        Assert.Equal(4, local.ListActivities().Count);
        Assert.Equal(2, local.LoggedSessions().Count);
        Assert.Equal(Sex.Female, local.LoadAthlete().Sex);

        Assert.True(ann.Delete(annsRun));
        Assert.Single(bob.ListActivities());
        Assert.True(bob.HasFile(sha));
        Assert.False(ann.HasFile(sha));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void AGrantIsSeenAtOnceAndRevokedAtOnce(string backend)
    {
        var location = OldStore(backend);
        using var accounts = AccountStore.Open(location);
        var athlete = accounts.Register("Runner", "RUNNER", null, "s1")!;
        var coach = accounts.Register("Coach", "COACH", null, "s2")!;
        Assert.False(accounts.IsGranted(coach.Id, athlete.AthleteId));
        Assert.True(accounts.Grant(athlete.AthleteId, coach.Id));
        Assert.False(accounts.Grant(athlete.AthleteId, coach.Id));
        using (var other = AccountStore.Open(location))
        {
            Assert.True(other.IsGranted(coach.Id, athlete.AthleteId));
            Assert.False(other.IsGranted(athlete.Id, coach.AthleteId));
            Assert.Equal(["Runner"], other.GrantsTo(coach.Id).Select(g => g.AthleteName));
            Assert.Equal(["Coach"], other.GrantsBy(athlete.AthleteId).Select(g => g.CoachName));
        }

        Assert.True(accounts.Revoke(athlete.AthleteId, coach.Id));
        using var fresh = AccountStore.Open(location);
        Assert.False(fresh.IsGranted(coach.Id, athlete.AthleteId));
        Assert.Equal(coach with { PasswordHash = "h" }, fresh.Update(coach with { PasswordHash = "h" }) ? fresh.Find(coach.Id) : null);
        Assert.Equal(athlete, fresh.FindByName("RUNNER"));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void AResultIsStoredOncePerBatchForItsAthleteOnly(string backend)
    {
        var location = OldStore(backend);
        long other;
        using (var accounts = AccountStore.Open(location))
        {
            other = accounts.Register("Other", "OTHER", null, "s")!.AthleteId;
        }

        Assert.Equal([AthleteStore.LocalAthleteId, other], AthleteStore.Athletes(location));
        using var local = AthleteStore.Open(location);
        using var them = AthleteStore.Open(location, other);
        Assert.Null(local.LatestResult("nightly"));
        Assert.True(local.SaveResult("nightly", "2026-11-30", "{\"days\":1}"));
        Assert.False(local.SaveResult("nightly", "2026-11-30", "{\"days\":2}")); // a retried job stores nothing
        Assert.True(them.SaveResult("nightly", "2026-11-30", "{\"days\":3}"));
        Assert.True(local.SaveResult("nightly", "2026-12-01", "{\"days\":4}"));
        Assert.Equal(1, local.CountResults("nightly", "2026-11-30"));
        Assert.Equal("{\"days\":4}", local.LatestResult("nightly")!.Json);
        Assert.Equal("{\"days\":3}", them.LatestResult("nightly")!.Json);
    }

    [Fact]
    public void OpeningAnAthleteWhoDoesNotExistIsRefused()
    {
        var location = AthleteStoreTests.OldStore();
        Assert.Throws<ArgumentOutOfRangeException>(() => AthleteStore.Open(location, 2));
    }
}
