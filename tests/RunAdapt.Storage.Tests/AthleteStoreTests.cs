using RunAdapt.Activities;
using RunAdapt.Activities.Fit;
using RunAdapt.Analysis;
using RunAdapt.Core.Training;

namespace RunAdapt.Storage.Tests;

/// <summary>The same store behaviour on embedded SQLite and on a real PostgreSQL server (RUNADAPT_PG, started by ci/test.sh).</summary>
public sealed class AthleteStoreTests
{
    public static TheoryData<string> Backends() => ["sqlite", "postgres"];

    internal static string Fixture(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "RunAdapt.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir.FullName, "tests", "fixtures", "activities", "fit", name);
    }

    private static AthleteStore Open(string backend) => AthleteStore.Open(NewLocation(backend));

    /// <summary>A new, empty store's location: an SQLite file, or a PostgreSQL connection to a fresh schema.</summary>
    private static string NewLocation(string backend)
    {
        if (backend == "sqlite")
        {
            return Path.Combine(Path.GetTempPath(), $"runadapt-{Guid.NewGuid():N}.db");
        }

        var connection = Environment.GetEnvironmentVariable("RUNADAPT_PG");
        Assert.SkipWhen(string.IsNullOrEmpty(connection), "RUNADAPT_PG is not set (ci/test.sh starts PostgreSQL and sets it)");
        var schema = $"t{Guid.NewGuid():N}";
        using (var admin = new Npgsql.NpgsqlConnection(connection))
        {
            admin.Open();
            using var create = new Npgsql.NpgsqlCommand($"create schema {schema}", admin);
            create.ExecuteNonQuery();
            // Created here, so programs opening the store at once race on the migration, not on this table.
            using var version = new Npgsql.NpgsqlCommand($"create table {schema}.schema_version (version integer not null)", admin);
            version.ExecuteNonQuery();
        }

        return $"{connection};Search Path={schema}";
    }

    /// <summary>Programs opening a new store at the same moment (an import while the dashboard starts) all succeed; one migrates.</summary>
    [Theory]
    [MemberData(nameof(Backends))]
    public void OpeningANewStoreFromSeveralProgramsAtOnceMigratesItOnce(string backend)
    {
        var location = NewLocation(backend);
        using var start = new Barrier(6);
        Parallel.For(0, 6, new ParallelOptions { MaxDegreeOfParallelism = 6 }, _ =>
        {
            start.SignalAndWait();
            using var store = AthleteStore.Open(location);
            Assert.Empty(store.ListActivities());
        });

        using var check = AthleteStore.Open(location);
        var (sha, activities) = Load("activity-small-fenix2-run.fit");
        Assert.Equal(StoreResult.Imported, check.Save("run.fit", sha, activities));
    }

    private static (string Sha, IReadOnlyList<PreparedActivity> Activities) Load(string name)
    {
        var bytes = File.ReadAllBytes(Fixture(name));
        var activities = FitDecoder.DecodeActivities(bytes, name);
        return (Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
            [.. activities.Select(a => new PreparedActivity(a, SessionBuilder.Analyse(a, new Athlete())))]);
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
        Assert.Equal(activities[0].Analysis!.Session.Run, session.Run);
        Assert.Equal(activities[0].Activity.Samples, Assert.Single(store.LoadSamples()));
        var athlete = new Athlete { MassKilograms = 62, Sex = Sex.Female, FootStrike = FootStrike.Forefoot };
        store.SaveAthlete(athlete);
        Assert.Equal(athlete, store.LoadAthlete());
    }

    /// <summary>
    /// Dated thresholds are kept; analysing again after they change recomputes every stored activity's load and zones
    /// with the entry in force on its day (a higher maximal heart rate makes the same run lighter).
    /// </summary>
    [Theory]
    [MemberData(nameof(Backends))]
    public void DatedThresholdsAreKeptAndStoredActivitiesAreAnalysedAgainWithThem(string backend)
    {
        using var store = Open(backend);
        var (sha, activities) = Load("activity-small-fenix2-run.fit");
        store.Save("run.fit", sha, activities);
        var before = Assert.Single(store.ListActivities()).Analysis!.Load;
        Assert.Equal(LoadMethod.HeartRate, before.Method);
        Assert.Empty(store.LoadThresholds());

        var day = DateOnly.FromDateTime(activities[0].Activity.StartTimeUtc!.Value);
        store.SaveThresholds(new Thresholds(DateOnly.MinValue, 60, 190, 3.3));
        store.SaveThresholds(new Thresholds(day, 60, 205, 3.3)); // from the run's own day on
        store.SaveThresholds(new Thresholds(day.AddDays(1), 60, 150, 3.3)); // later: not in force that day
        store.SaveThresholds(new Thresholds(day, 60, 210, 3.3)); // replaces the entry of the same day
        Assert.Equal([DateOnly.MinValue, day, day.AddDays(1)], store.LoadThresholds().Select(t => t.EffectiveFrom));
        Assert.Equal(210, store.LoadThresholds()[1].HeartRateMaxBeatsPerMinute);

        Assert.Equal(1, store.Reanalyse());
        var after = Assert.Single(store.ListActivities()).Analysis!.Load;
        var expected = SessionBuilder.Analyse(activities[0].Activity, new Athlete(), new ThresholdHistory(store.LoadThresholds()))!.Analysis.Load;
        Assert.Equal(expected.Trimp, after.Trimp, 6);
        Assert.True(after.Trimp < before.Trimp, $"{after.Trimp} vs {before.Trimp}");
    }

    /// <summary>What the samples cannot say — the athlete's rating and a marked carried load — survives analysing again.</summary>
    [Theory]
    [MemberData(nameof(Backends))]
    public void TheRatingAndTheCarriedLoadSurviveReanalysis(string backend)
    {
        using var store = Open(backend);
        var ride = FitDecoder.DecodeActivities(File.ReadAllBytes(Fixture("hrv-activity.fit")), "ride")[0];
        ride = ride with { PerceivedExertion = 8, Samples = [.. ride.Samples.Select(x => x with { HeartRateBeatsPerMinute = null })] };
        var (_, runs) = Load("activity-small-fenix2-run.fit");
        var run = runs[0].Activity;
        store.Save("ride.fit", "ride-hash", [new PreparedActivity(ride, SessionBuilder.Analyse(ride, new Athlete()))]);
        store.Save("vest.fit", "vest-hash", [new PreparedActivity(run, SessionBuilder.Analyse(run, new Athlete(), carriedLoadKilograms: 6))]);
        var before = store.ListActivities().Select(a => a.Analysis!).ToList();

        Assert.Equal(2, store.Reanalyse());
        var after = store.ListActivities().Select(a => a.Analysis!).ToList();
        Assert.Equal(LoadMethod.PerceivedEffort, after.Single(a => a.PerceivedExertion == 8).Load.Method);
        Assert.Equal(6, after.Single(a => a.CarriedLoadKilograms > 0).CarriedLoadKilograms);
        Assert.Equal(before.Select(a => a.Load), after.Select(a => a.Load));
    }

    /// <summary>A value that is not a number somewhere in an analysis (a degenerate file) does not make the file unstorable.</summary>
    [Fact]
    public void AnAnalysisWithANotANumberIsStillStored()
    {
        using var store = Open("sqlite");
        var (sha, activities) = Load("activity-small-fenix2-run.fit");
        var (activity, analysed, _) = activities[0];
        var odd = analysed! with { Analysis = analysed.Analysis with { EnergyKilojoules = double.NaN } };
        Assert.Equal(StoreResult.Imported, store.Save("run.fit", sha, [new PreparedActivity(activity, odd)]));
        Assert.True(double.IsNaN(Assert.Single(store.ListActivities()).Analysis!.EnergyKilojoules));
    }

    /// <summary>Samples stored by earlier releases (row by row through a Brotli stream, 12 channels) are still read.</summary>
    [Fact]
    public void SamplesInTheFirstBlobLayoutAreStillRead()
    {
        var path = Path.Combine(Path.GetTempPath(), $"runadapt-{Guid.NewGuid():N}.db");
        var (sha, activities) = Load("activity-small-fenix2-run.fit");
        using (var store = AthleteStore.Open(path))
        {
            store.Save("run.fit", sha, activities);
        }

        using (var buffer = new MemoryStream())
        {
            using (var writer = new BinaryWriter(new System.IO.Compression.BrotliStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true)))
            {
                var samples = activities[0].Activity.Samples;
                writer.Write(samples.Count);
                foreach (var x in samples)
                {
                    writer.Write(x.TimestampUtc.Ticks);
                    double?[] channels = [x.LatitudeDegrees, x.LongitudeDegrees, x.DistanceMetres, x.SpeedMetresPerSecond, x.AltitudeMetres, x.HeartRateBeatsPerMinute, x.CadencePerMinute, x.PowerWatts, x.TemperatureCelsius, x.GroundContactTimeSeconds, x.VerticalOscillationMetres, x.StepLengthMetres];
                    writer.Write((short)channels.Select((c, i) => c.HasValue ? 1 << i : 0).Sum());
                    foreach (var c in channels.Where(c => c.HasValue))
                    {
                        writer.Write(c!.Value);
                    }
                }
            }

            using var raw = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
            raw.Open();
            using var update = raw.CreateCommand();
            update.CommandText = "update activities set samples = $blob";
            update.Parameters.AddWithValue("$blob", buffer.ToArray());
            Assert.Equal(1, update.ExecuteNonQuery());
        }

        using var reopened = AthleteStore.Open(path);
        Assert.Equal(activities[0].Activity.Samples, Assert.Single(reopened.LoadSamples()));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void EachActivitysLoadZonesAndDetectionsAreKept(string backend)
    {
        using var store = Open(backend);
        var (sha, activities) = Load("activity-small-fenix2-run.fit");
        var (workoutSha, workout) = Load("hrv-activity.fit");
        store.Save("run.fit", sha, activities);
        store.Save("hiit.fit", workoutSha, workout);

        var listed = store.ListActivities();
        Assert.Equal(2, listed.Count);
        foreach (var (stored, (_, analysed, _)) in listed.Zip(new[] { workout[0], activities[0] }.OrderBy(a => a.Activity.StartTimeUtc)))
        {
            var expected = analysed!.Analysis;
            var kept = stored.Analysis!;
            Assert.Equal(expected.Load, kept.Load);
            Assert.Equal(expected.HeartRateZoneSeconds, kept.HeartRateZoneSeconds);
            Assert.Equal(expected.PaceZoneSeconds, kept.PaceZoneSeconds);
            Assert.Equal(expected.Features.Repeats, kept.Features.Repeats);
            Assert.Equal(expected.Features.Climbs, kept.Features.Climbs);
            Assert.Equal(expected.BestEfforts, kept.BestEfforts);
        }

        Assert.True(listed.Single(a => a.Sport == "running").Analysis!.Load.Trimp > 0);
        Assert.True(listed.Single(a => a.Sport == "cycling").Analysis!.Features.Repeats.Count >= 3);
    }

    /// <summary>The same activity as another source would export it: start shifted, samples time-shifted, distance scaled.</summary>
    private static PreparedActivity Reexported(PreparedActivity original, double startShiftSeconds, double distanceScale)
    {
        var shift = TimeSpan.FromSeconds(startShiftSeconds);
        var activity = original.Activity with
        {
            SourceFormat = "gpx",
            StartTimeUtc = original.Activity.StartTimeUtc + shift,
            Samples = [.. original.Activity.Samples.Select(x => x with { TimestampUtc = x.TimestampUtc + shift, DistanceMetres = x.DistanceMetres * distanceScale })],
        };
        return new PreparedActivity(activity, SessionBuilder.Analyse(activity, new Athlete()));
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void TheSameRunFromAnotherSourceAcrossAMinuteBoundaryIsStoredOnce(string backend)
    {
        using var store = Open(backend);
        var (sha, activities) = Load("activity-small-fenix2-run.fit");
        Assert.Equal(StoreResult.Imported, store.Save("run.fit", sha, activities));

        // A Strava GPX of the same run: starts 61 s later (a different minute, so a different fingerprint), 2 % shorter.
        Assert.Equal(StoreResult.Duplicate, store.Save("strava/run.gpx", "other-hash", [Reexported(activities[0], 61, 0.98)]));
        Assert.Single(store.ListActivities());

        // A different run an hour later is not the same run, nor one starting 90 s later (another minute) with a quite different distance.
        Assert.Equal(StoreResult.Imported, store.Save("later.fit", "later-hash", [Reexported(activities[0], 3600, 1)]));
        Assert.Equal(StoreResult.Imported, store.Save("partner.fit", "partner-hash", [Reexported(activities[0], 90, 1.5)]));
        Assert.Equal(3, store.ListActivities().Count);
        Assert.Equal(new HashSet<string> { sha, "later-hash", "partner-hash" }, store.KnownFiles());
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void HandLoggedStrengthSessionsAreLoadedWithTheRuns(string backend)
    {
        using var store = Open(backend);
        var (sha, activities) = Load("activity-small-fenix2-run.fit");
        store.Save("run.fit", sha, activities);
        var runDay = activities[0].Analysis!.Session.Date;
        var lifting = TrainingSession.Lifting(runDay.AddDays(-1), new StrengthSet("back_squat", 4, 6, 0.8), new StrengthSet("calf_raise_standing", 3, 12, 0.6));
        Assert.Equal((0, 1), store.ReplaceLog("gym.yaml", [lifting]));
        var sessions = store.LoadSessions();
        Assert.Equal(2, sessions.Count);
        Assert.Equal(lifting.Strength, sessions[0].Strength);
        Assert.Equal(lifting.Date, sessions[0].Date);
        Assert.Equal(runDay, sessions[1].Date);

        // The same log logged again replaces itself (nothing added); two identical sessions of one day both count;
        // the log edited replaces its entries; another log's sessions stay.
        Assert.Equal((1, 1), store.ReplaceLog("gym.yaml", [lifting]));
        Assert.Single(store.LoggedSessions());
        Assert.Equal((1, 2), store.ReplaceLog("gym.yaml", [lifting, lifting]));
        Assert.Equal(2, store.LoggedSessions().Count);
        Assert.Equal((0, 1), store.ReplaceLog("other.yaml", [lifting with { Date = runDay.AddDays(3) }]));
        Assert.Equal((2, 1), store.ReplaceLog("gym.yaml", [lifting with { Date = runDay.AddDays(2) }]));
        Assert.Equal([runDay.AddDays(2), runDay.AddDays(3)], store.LoggedSessions().Select(x => x.Date));
        Assert.Equal(3, store.LoadSessions().Count);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void AnExcludedActivityIsListedButLeftOutOfTheSessionsAndADeletedOneIsGone(string backend)
    {
        using var store = Open(backend);
        var (sha, activities) = Load("activity-small-fenix2-run.fit");
        store.Save("run.fit", sha, activities);
        var (otherSha, other) = Load("2013-02-06-12-11-14.fit");
        store.Save("other.fit", otherSha, other);
        var listed = store.ListActivities();
        Assert.Equal(2, listed.Count);
        Assert.Equal(2, store.LoadSessions().Count);
        var id = listed[0].Id;

        Assert.True(store.SetExcluded(id, true));
        Assert.True(store.ListActivities()[0].Excluded);
        Assert.Single(store.LoadSessions());
        Assert.True(store.SetExcluded(id, false));
        Assert.Equal(2, store.LoadSessions().Count);
        Assert.False(store.SetExcluded(-5, true));

        // Deleting forgets the activity, its session and (holding nothing else) its file: importing it again brings it back.
        Assert.True(store.Delete(id));
        Assert.False(store.Delete(id));
        Assert.Single(store.ListActivities());
        Assert.Single(store.LoadSessions());
        Assert.False(store.HasFile(listed[0].SourceName == "run.fit" ? sha : otherSha));
    }

    /// <summary>A copy of the store the single-athlete release wrote (tests/fixtures/stores), rolled back to an older schema by <paramref name="down"/>.</summary>
    internal static string OldStore(string down = "")
    {
        var path = Path.Combine(Path.GetTempPath(), $"runadapt-{Guid.NewGuid():N}.db");
        File.Copy(StoreFixture("v9.sqlite.db"), path);
        if (down.Length > 0)
        {
            using var raw = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = down;
            command.ExecuteNonQuery();
        }

        return path;
    }

    internal static string StoreFixture(string name) => Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Fixture(name)))!, "..", "stores", name);

    [Fact]
    public void AnOlderSchemaIsMigratedInPlace()
    {
        // Rolled back to version 1 (no start-time index, no analyses, no thresholds, no profile), as the first release wrote it.
        var path = OldStore("drop index activities_by_start; alter table activities drop column title; alter table activities drop column trimp; alter table activities drop column load_method; alter table activities drop column analysis; alter table activities drop column problem; alter table activities drop column excluded; alter table sessions drop column log_name; drop table thresholds; delete from athlete; delete from schema_version where version > 1;");
        var (sha, activities) = Load("activity-small-fenix2-run.fit");
        using (var store = AthleteStore.Open(path))
        {
            // The activity stored before analyses were kept is analysed from its stored samples during the migration.
            Assert.Equal(activities[0].Analysis!.Analysis.Load, store.ListActivities().Single(a => a.SourceName == "activity-small-fenix2-run.fit").Analysis!.Load);
            Assert.True(store.HasFile(sha));
        }

        using var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        using var query = check.CreateCommand();
        query.CommandText = "select (select max(version) from schema_version) || '/' || (select count(*) from sqlite_master where name = 'activities_by_start')";
        Assert.Equal("11/1", query.ExecuteScalar());
    }

    [Fact]
    public void AVersion5StoreIsAnalysedAgainSoItsSessionsGainTheRecordedCadence()
    {
        // As version 5 wrote it: sessions without cadence.
        var path = OldStore("update sessions set data = replace(data, '\"StepsPerMinute\":', '\"Unknown\":'); alter table activities drop column problem; alter table activities drop column excluded; alter table sessions drop column log_name; delete from schema_version where version > 5;");
        using var store = AthleteStore.Open(path);
        Assert.All(store.LoadSessions().Single(s => s.Date == new DateOnly(2015, 8, 15)).Run, s => Assert.InRange(s.StepsPerMinute!.Value, 90, 200));
    }
}
