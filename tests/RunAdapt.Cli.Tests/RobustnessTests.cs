using CsCheck;
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
        foreach (var args in new[] { ["history", "--sessions", "0"], ["history", "--sessions-json"], ["history", "--json"], ["activities"], new[] { "report", "--out", Path.Combine(TempDir(), "r") } })
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
        Assert.Equal(CliApp.Success, Run("import", Fixture("tcx", "test.tcx"), Fixture("fit", "2013-02-06-12-11-14.fit"), "--db", db).Status);
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

    /// <summary>A file or log entry dated outside 1989 … tomorrow is refused with one line naming the file; nothing is stored.</summary>
    [Fact]
    public void FarDatesAreRefusedAtImportAndAtLogTime()
    {
        var dir = TempDir();
        var gpx = Path.Combine(dir, "far.gpx");
        File.WriteAllText(gpx, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(Fixture("gpx", "cerknicko-jezero-no-creator.gpx")), @"<time>\d{4}", "<time>9999"));
        var db = Path.Combine(dir, "far.db");
        var (status, _, error) = Run("import", gpx, "--db", db);
        Assert.Equal(CliApp.BadInput, status);
        Assert.Matches(@"far\.gpx: dated 9999-\d\d-\d\d, not between 1989-01-01 and tomorrow", error.TrimEnd());
        Assert.Single(error.TrimEnd().Split('\n'));

        var log = Path.Combine(dir, "log.yaml");
        File.WriteAllText(log, "sessions:\n  - { date: 2205-03-01, strength: [ { exercise: back_squat, sets: 3, reps: 8, load_pct_1rm: 70 } ] }\n");
        (status, _, error) = Run("log", log, "--db", db);
        Assert.Equal(CliApp.BadInput, status);
        Assert.Contains("log.yaml", error);
        Assert.Contains("date 2205-03-01 is not between 1989-01-01", error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    /// <summary>A store that already holds far-dated rows (written before dates were checked) still reads: they are skipped with a note.</summary>
    [Fact]
    public void AStoreWithFarDatedRowsIsReadWithANote()
    {
        var db = Path.Combine(TempDir(), "old.db");
        Assert.Equal(CliApp.Success, Run("import", Fixture("tcx", "test.tcx"), Fixture("fit", "2013-02-06-12-11-14.fit"), "--db", db).Status);
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=false"))
        {
            connection.Open();
            using var damage = connection.CreateCommand();
            damage.CommandText = """
                insert into sessions (activity_id, date, data)
                    select null, '2205-03-01', replace(data, substr(data, instr(data, '"Date":"') + 8, 10), '2205-03-01') from sessions limit 1;
                update activities set start_utc = '9999-01-01T00:00:00.0000000Z' where id = (select max(id) from activities);
                update sessions set data = replace(data, substr(data, instr(data, '"Date":"') + 8, 10), '9999-01-01'), date = '9999-01-01'
                    where activity_id = (select max(id) from activities);
                """;
            damage.ExecuteNonQuery();
        }

        EveryReadingCommandSucceeds(db);
        var (_, text, error) = Run("history", "--db", db);
        Assert.Contains("1 activities", text);
        Assert.Contains("runadapt: note: a session dated 2205-03-01 is left out", error);
        Assert.Contains("an activity dated 9999-01-01 is left out", error);
    }

    /// <summary>A scenario past the year 9999 or with an absurd pace is one line and exit 1, not an internal error.</summary>
    [Theory]
    [InlineData("start: 9999-12-01\nweeks: 10\nweek:\n  - { day: mon, run: { km: 5, effort: easy } }\n", "past the year 9999")]
    [InlineData("weeks: 2\nweek:\n  - { day: mon, run: { km: 5, pace: \"99999999999:00/km\" } }\n", "is not between 1:31/km and 33:20/km")]
    [InlineData("weeks: 2\nweek:\n  - { day: mon, run: { km: 5, pace: \"0:00.001/km\" } }\n", "is not between 1:31/km and 33:20/km")]
    public void AnAbsurdScenarioIsOneLineAndExitOne(string body, string expected)
    {
        var path = Path.Combine(TempDir(), "absurd.yaml");
        File.WriteAllText(path, "athlete: { sex: male, age: 30, mass_kg: 70 }\n" + body);
        var (status, _, error) = Run("simulate", path);
        Assert.Equal(CliApp.BadInput, status);
        Assert.Contains(expected, error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    /// <summary>A damaged store, or a file that is no store, is one line naming it (exit 1), not an internal error.</summary>
    [Fact]
    public void ADamagedStoreIsOneLineNamingIt()
    {
        var db = Path.Combine(TempDir(), "damaged.db");
        Assert.Equal(CliApp.Success, Run("import", Fixture("tcx", "test.tcx"), Fixture("fit", "2013-02-06-12-11-14.fit"), "--db", db).Status);
        using (var file = File.OpenWrite(db))
        {
            file.Position = 8192;
            file.Write(Enumerable.Repeat((byte)0xff, 4096).ToArray());
        }

        var (status, _, error) = Run("history", "--db", db);
        Assert.Equal(CliApp.BadInput, status);
        Assert.Equal($"runadapt: {db}: the athlete store is damaged or not a RunAdapt store: restore a backup, or import again into a new store (--db NEW)", error.TrimEnd());

        var noStore = Path.Combine(TempDir(), "notes.db");
        File.WriteAllText(noStore, new string('x', 5000));
        (status, _, error) = Run("history", "--db", noStore);
        Assert.Equal(CliApp.BadInput, status);
        Assert.StartsWith($"runadapt: {noStore}: the athlete store is damaged or not a RunAdapt store", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    /// <summary>A read-only or full store (the tests run as root, so these are raised, not provoked) reads as what to do.</summary>
    [Theory]
    [InlineData(8, "is read-only: check the permissions of the file and of its folder")]
    [InlineData(13, "cannot grow: the disk is full")]
    [InlineData(5, "is busy: another runadapt is writing to it; try again when it has finished")]
    public void StoreFaultsSayWhatToDo(int code, string expected) =>
        Assert.Equal(expected, StoreFaults.Describe(new SqliteException("raised", code)));

    /// <summary>
    /// Random mixed histories — corpus files (runs, rides, a pool swim, multisport), synthetic GPX of any sport, speed
    /// and date (far ones included), Strava manual entries of any type, time, distance and date, logged sessions of any
    /// date, an activity excluded — and every reading command, over all days and a random range: never an internal error.
    /// </summary>
    [Fact]
    public void RandomMixedHistoriesNeverGiveAnInternalError()
    {
        string[] corpus = ["event_timestamp.fit", "activity-large-fenxi2-multisport.fit", "garmin-fenix-5-bike.fit", "activity-small-fenix2-run.fit", "Activity.fit", "compressed-speed-distance.fit"];
        var date = Gen.Int[-3000, 3000].Select(d => new DateTime(2020, 6, 1, 7, 0, 0, DateTimeKind.Utc).AddDays(d * 7));
        var gpx = Gen.Select(date, Gen.OneOf("running", "cycling", "swimming", "hiking", ""), Gen.Double[0, 40], Gen.Int[2, 2000]);
        var manual = Gen.Select(date, Gen.OneOf("Run", "Ride", "Walk", "Swim", "Weight Training", "Yoga"), Gen.Double[0, 60], Gen.Int[0, 40_000]);
        var logged = Gen.Select(date, Gen.OneOf("run: { minutes: 40, pace: \"5:30/km\" }", "strength: [ { exercise: back_squat, sets: 3, reps: 8, load_pct_1rm: 70 } ]", "cross: { mode: cycling, minutes: 60 }"));
        var range = Gen.Select(date, Gen.Int[0, 400]);
        Gen.Select(Gen.Int[0, (1 << corpus.Length) - 1], gpx.Array[0, 6], manual.Array[0, 4], logged.Array[0, 6], Gen.Int[0, 8], range).Sample((files, tracks, entries, log, exclude, days) =>
        {
            var dir = TempDir();
            var db = Path.Combine(dir, "random.db");
            var paths = corpus.Where((_, i) => (files & (1 << i)) != 0).Select(f => Fixture("fit", f)).ToList();
            for (var i = 0; i < tracks.Length; i++)
            {
                var (start, sport, speed, points) = tracks[i];
                var path = Path.Combine(dir, $"track{i}.gpx");
                File.WriteAllText(path, Gpx(start, sport, speed, points));
                paths.Add(path);
            }

            if (entries.Length > 0)
            {
                var strava = Path.Combine(dir, "export_1.zip");
                using (var zip = System.IO.Compression.ZipFile.Open(strava, System.IO.Compression.ZipArchiveMode.Create))
                using (var csv = new StreamWriter(zip.CreateEntry("activities.csv").Open()))
                {
                    csv.Write("Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Filename\n");
                    for (var i = 0; i < entries.Length; i++)
                    {
                        var (start, type, km, seconds) = entries[i];
                        csv.Write(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{i},\"{start.ToString("MMM d, yyyy, h:mm:ss tt", System.Globalization.CultureInfo.InvariantCulture)}\",entry {i},{type},{seconds},{km:0.00},\n"));
                    }
                }

                paths.Add(strava);
            }

            if (paths.Count > 0)
            {
                var import = Run(["import", .. paths, "--db", db]);
                Assert.True(import.Status is CliApp.Success or CliApp.BadInput, $"import exited {import.Status}: {import.Error}");
            }

            var logFile = Path.Combine(dir, "log.yaml");
            File.WriteAllLines(logFile, ["sessions:", .. log.Select(l => $"  - {{ date: {l.Item1:yyyy-MM-dd}, {l.Item2} }}")]);
            var logging = Run("log", logFile, "--db", db);
            Assert.True(logging.Status is CliApp.Success or CliApp.BadInput, $"log exited {logging.Status}: {logging.Error}");
            var excluded = Run("activities", "exclude", $"{exclude}", "--db", db);
            Assert.True(excluded.Status is CliApp.Success or CliApp.BadInput, $"exclude exited {excluded.Status}: {excluded.Error}");
            var (from, length) = days;
            string[] within = ["--since", $"{from:yyyy-MM-dd}", "--until", $"{from.AddDays(length):yyyy-MM-dd}"];
            foreach (var args in new[] { ["history", "--sessions", "0"], ["history", "--sessions-json"], ["history", "--json"], ["activities"], ["history", .. within], ["activities", .. within], new[] { "report", "--out", Path.Combine(dir, "r") }, ["report", "--out", Path.Combine(dir, "r2"), .. within] })
            {
                var (status, _, error) = Run([.. args, "--db", db]);
                Assert.True(status is CliApp.Success or CliApp.BadInput && !error.Contains("internal error", StringComparison.Ordinal), $"{string.Join(' ', args)} exited {status}: {error}");
            }
        }, iter: 8, threads: 1);
    }

    private static string Gpx(DateTime start, string sport, double speed, int points) =>
        "<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"test\"><trk>" + (sport.Length > 0 ? $"<type>{sport}</type>" : "") + "<trkseg>" +
        string.Concat(Enumerable.Range(0, points).Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"<trkpt lat=\"{46 + (i * speed * 2 / 111_000):0.0000000}\" lon=\"14.5\"><ele>{300 + (i % 50)}</ele><time>{start.AddSeconds(i * 2):yyyy-MM-ddTHH:mm:ssZ}</time></trkpt>"))) +
        "</trkseg></trk></gpx>";

    /// <summary>Control characters in an archive's entry names never reach the terminal (an escape sequence would drive it).</summary>
    [Fact]
    public void ControlCharactersInEntryNamesAreNotPrinted()
    {
        var dir = TempDir();
        var zip = Path.Combine(dir, "names.zip");
        using (var archive = System.IO.Compression.ZipFile.Open(zip, System.IO.Compression.ZipArchiveMode.Create))
        {
            using var entry = archive.CreateEntry("\u001b]0;owned\u0007\u001b[2Jbad.fit").Open();
            entry.Write("not a fit file"u8);
        }

        var (status, output, error) = Run("import", zip, "--db", Path.Combine(dir, "n.db"));
        Assert.Equal(CliApp.BadInput, status);
        Assert.DoesNotContain('\u001b', error + output);
        Assert.DoesNotContain('\u0007', error + output);
        Assert.Contains("bad.fit", error);
    }
}

