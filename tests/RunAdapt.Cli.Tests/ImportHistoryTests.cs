using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using RunAdapt.Storage;
using static RunAdapt.Cli.Tests.CliRun;

namespace RunAdapt.Cli.Tests;

public sealed class ImportHistoryTests
{
    [Fact]
    public void ImportingTheCorpusTwiceAddsNothingTheSecondTime()
    {
        var db = Path.Combine(TempDir(), "a.db");
        var (first, out1, err1) = Run("import", Fixture("fit"), Fixture("tcx"), Fixture("gpx"), "--db", db);
        // Mojstrovka.gpx is a planned route: its points carry the unset-clock time 1901-12-13, so it is no activity.
        Assert.Equal(CliApp.BadInput, first);
        Assert.StartsWith(Fixture("gpx", "Mojstrovka.gpx") + ": dated 1901-12-13, not between 1989-01-01", err1, StringComparison.Ordinal);
        Assert.Single(err1.TrimEnd().Split('\n'));
        using (var store = AthleteStore.Open(db))
        {
            Assert.True(store.ListActivities().Count >= 20);
        }

        var (second, out2, _) = Run("import", Fixture("fit"), Fixture("tcx"), Fixture("gpx"), "--db", db);
        Assert.Equal(CliApp.BadInput, second);
        Assert.StartsWith("imported 0,", out2);
        Assert.StartsWith("imported ", out1);
    }

    [Fact]
    public void ABadFileIsReportedAndTheRestImported()
    {
        var dir = TempDir();
        File.Copy(Fixture("fit", "activity-small-fenix2-run.fit"), Path.Combine(dir, "good.fit"));
        File.WriteAllBytes(Path.Combine(dir, "bad.fit"), [14, 16, 1, 2, 0, 0, 0, 0, (byte)'.', (byte)'F', (byte)'I', (byte)'T', 0, 0, 0x41, 0]);
        File.WriteAllBytes(Path.Combine(dir, "empty.fit"), []);
        var db = Path.Combine(dir, "s.db");
        var (status, output, error) = Run("import", dir, "--db", db);
        Assert.Equal(CliApp.BadInput, status);
        Assert.StartsWith("imported 1,", output);
        var lines = error.TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.Contains("bad.fit: at byte"));
        Assert.Contains(lines, l => l.Contains("empty.fit: at byte 0: the file is empty"));

        // The summary table counts each outcome and lists each rejected file with its reason.
        Assert.Matches(@"│ imported\s+│ 1\s+│", output);
        Assert.Matches(@"│ rejected\s+│ 2\s+│", output);
        Assert.Contains("3 files in", output);
        Assert.Contains("rejected (nothing stored from these)", output);
        Assert.Contains("empty.fit", output);
    }

    [Fact]
    public void HistoryRunsTheModelOverTheImportedSessions()
    {
        var db = Path.Combine(TempDir(), "h.db");
        Run("import", Fixture("tcx", "test.tcx"), Fixture("fit", "2013-02-06-12-11-14.fit"), "--db", db);
        var (status, output, _) = Run("history", "--db", db, "--json");
        Assert.Equal(CliApp.Success, status);
        var json = JsonNode.Parse(output)!;
        Assert.True((int)json["days"]! > 40);
        Assert.NotNull(json["final"]!["muscles"]!["calves"]!["size_change_pct"]);
        var (textStatus, text, _) = Run("history", "--db", db);
        Assert.Equal(CliApp.Success, textStatus);
        Assert.Contains("2 activities", text);
        Assert.Contains("quadriceps", text);
        // What the analysis kept per session: the load state, each session's load and how it was estimated, best efforts.
        Assert.Matches(@"fitness\s+\(CTL\)\s+\d+\.\d,\s+fatigue\s+\(ATL\)\s+\d+\.\d", text);
        Assert.Matches(@"\d+ \((HR|pace)\)", text);
        // Weekly volume: Monday-to-Sunday weeks up to the latest run, empty weeks shown as such.
        Assert.Contains("Weekly volume (the last 8 weeks", text);
        Assert.Matches(@"│ 2013-02-04 │ +1 │ +\d+:\d\d │ +\d+\.\d │ [a-z]+ 1: \d+\.\d km, \d+:\d\d +│", text);
        Assert.Matches(@"│ 2013-01-14 │ +0 │ +0:00 │ +0\.0 │ +│", text);
        Assert.Contains("Best efforts", text);
        Assert.Contains("1 km", text);
        Assert.Contains("Farthest in", text);
        Assert.Matches(@"│ 12 min\s+│ \d+\.\d\d km", text);

        // Race predictions from the best effort of a mile or more (here the mile in 9:23: VDOT 29.2), by VDOT and by Riegel.
        var flat = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
        Assert.Contains("Race predictions from the 1 mile in 9:23 on 2013-02-06 (VDOT 29.2; from training, so a race may be faster)", flat);
        Assert.Matches(@"│ 5 km +│ 31:\d\d +│ 6:1\d +│ 31:\d\d +│ 6:1\d +│", text);
        Assert.Matches(@"│ marathon +│ 4:5\d:\d\d +│ 7:0\d +│ 4:5\d:\d\d +│ 7:0\d +│", text);
        Assert.Contains("Race times (the model's VO2max taken as Daniels' VDOT", flat);
    }

    /// <summary>
    /// The profile and dated thresholds are set from the command line, kept in the store, shown back, and every stored
    /// activity is analysed again with them; bad values are usage errors that change nothing.
    /// </summary>
    [Fact]
    public void TheAthleteProfileAndDatedThresholdsAreSetAndTheHistoryAnalysedAgain()
    {
        var db = Path.Combine(TempDir(), "a.db");
        Run("import", Fixture("tcx", "test.tcx"), Fixture("fit", "2013-02-06-12-11-14.fit"), "--db", db);
        var (status, output, _) = Run("athlete", "--db", db, "--sex", "female", "--age", "34", "--mass", "58", "--hr-max", "188", "--hr-rest", "48", "--threshold-pace", "4:45");
        Assert.Equal(CliApp.Success, status);
        Assert.StartsWith("saved; analysed 2 stored activities again", output);
        Assert.Matches(@"│ sex\s+│ female", output);
        Assert.Matches(@"the beginning\s+│ 48\s+│ 188\s+│ 4:45", output);

        (status, output, _) = Run("athlete", "--db", db, "--from", "2013-01-01", "--threshold-pace", "4:20");
        Assert.Equal(CliApp.Success, status);
        Assert.Matches(@"2013-01-01\s+│ 48\s+│ 188\s+│ 4:20", output);

        var (bad, _, error) = Run("athlete", "--db", db, "--threshold-pace", "4:99");
        Assert.Equal(CliApp.BadUsage, bad);
        Assert.Contains("--threshold-pace must be M:SS per km", error);
        (bad, _, error) = Run("athlete", "--db", db, "--from", "2013-02-30", "--hr-max", "190");
        Assert.Equal(CliApp.BadUsage, bad);
        Assert.Contains("--from must be a date", error);
        (bad, _, error) = Run("athlete", "--db", db, "--age", "500");
        Assert.Equal(CliApp.BadUsage, bad);
        Assert.Contains("--age must be between 5 and 100, not 500", error);

        var (shown, listing, _) = Run("athlete", "--db", db);
        Assert.Equal(CliApp.Success, shown);
        Assert.DoesNotContain("saved", listing);
        Assert.Matches(@"the beginning\s+│ 48\s+│ 188\s+│ 4:45", listing);
        Assert.Matches(@"2013-01-01\s+│ 48\s+│ 188\s+│ 4:20", listing);
    }

    /// <summary>A run imported as carried-load shows its load in the history, and keeps it when the profile changes and everything is analysed again.</summary>
    [Fact]
    public void ARunImportedWithACarriedLoadKeepsItThroughReanalysis()
    {
        var db = Path.Combine(TempDir(), "v.db");
        var (status, _, _) = Run("import", Fixture("fit", "activity-small-fenix2-run.fit"), "--carried-load", "8", "--db", db);
        Assert.Equal(CliApp.Success, status);
        // The table may wrap the words in its cell: only spaces and cell borders between them.
        Assert.Matches(@"carrying[\s│]+8[\s│]+kg", Run("history", "--db", db).Output);
        Run("athlete", "--db", db, "--mass", "64");
        Assert.Matches(@"carrying[\s│]+8[\s│]+kg", Run("history", "--db", db).Output);
        Assert.Equal(CliApp.BadUsage, Run("import", Fixture("fit", "garmin-fenix-5-run.fit"), "--carried-load", "-3", "--db", db).Status);
        Assert.Equal(CliApp.BadUsage, Run("history", "--db", db, "--fitness-days", "0").Status);
    }

    /// <summary>inspect shows the device's laps next to what the analysis detected: the structured workout's three 30 s work laps and three detected repeats at those times.</summary>
    [Fact]
    public void InspectShowsTheLapsAndTheDetectedRepeats()
    {
        var (status, output, _) = Run("inspect", Fixture("fit", "hrv-activity.fit"));
        Assert.Equal(CliApp.Success, status);
        // The device's laps: the sixth (the first work step) is 329 m in 0:30, its heart rate and gain from its samples.
        Assert.Matches(@"│ 6\s+│ 0\.33 km\s+│ 0:30\s+│ 1:31\s+│ \d+ bpm\s+│ [^│]+│ active\s+│", output);
        Assert.Contains("load 35 TRIMP (from heart rate)", output);
        Assert.Contains("Detected repeats", output);
        foreach (var start in new[] { "16:59:31", "17:00:16", "17:01:03" })
        {
            Assert.Matches(start + @"\s+│ 0:3\d\s+│", output);
        }
    }

    /// <summary>
    /// A store of the single-athlete release (schema v9) holds no laps: importing its files again adds them, says so
    /// once, and stores nothing else.
    /// </summary>
    [Fact]
    public void ImportingTheFilesOfAnOlderStoreAgainAddsTheirLaps()
    {
        var db = Path.Combine(TempDir(), "v9.db");
        File.Copy(Path.Combine(CliRun.Root, "tests", "fixtures", "stores", "v9.sqlite.db"), db);
        string[] files = [.. new[] { "garmin-fenix-5-run.fit", "garmin-fenix-5-bike.fit", "2013-02-06-12-11-14.fit", "activity-small-fenix2-run.fit" }.Select(f => Fixture("fit", f))];
        var first = Run(["import", .. files, "--db", db]);
        Assert.Equal(CliApp.Success, first.Status);
        Assert.Contains("imported 0, skipped as duplicate 4", first.Output, StringComparison.Ordinal);
        Assert.Contains("laps added to the activities of 4 files stored before laps were kept", first.Output, StringComparison.Ordinal);
        var again = Run(["import", .. files, "--db", db]);
        Assert.Contains("imported 0, skipped as duplicate 4", again.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("laps added", again.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Strength sessions without a file are logged into the history; logging the file again replaces itself; a log with an
    /// error stores nothing; and the model sees the lifting: the quadriceps get stronger than with the runs alone.
    /// </summary>
    [Fact]
    public void LoggedStrengthSessionsJoinTheHistoryOnceAndTheModelSeesThem()
    {
        var dir = TempDir();
        var db = Path.Combine(dir, "l.db");
        Run("import", Fixture("tcx", "test.tcx"), Fixture("fit", "2013-02-06-12-11-14.fit"), "--db", db);
        var runsOnly = JsonNode.Parse(Run("history", "--db", db, "--json").Output)!;

        var log = Path.Combine(dir, "gym.yaml");
        File.WriteAllText(log, string.Join('\n', ["sessions:", .. Enumerable.Range(0, 12).Select(k =>
            $"  - {{ date: {new DateOnly(2012, 12, 27).AddDays(3 * k):yyyy-MM-dd}, strength: [ {{ exercise: back_squat, sets: 4, reps: 8, load_pct_1rm: 75 }} ] }}")]));
        var (status, output, _) = Run("log", log, "--db", db);
        Assert.Equal(CliApp.Success, status);
        Assert.StartsWith("logged 12 sessions from gym.yaml; 12 logged sessions in the history", output);
        Assert.StartsWith("logged 12 sessions from gym.yaml (replacing 12 logged from it before); 12 logged sessions", Run("log", log, "--db", db).Output);

        var bad = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(bad, "sessions:\n  - { date: 2013-03-01, strength: [ { exercise: back_squat, sets: 4, reps: 8, load_pct_1rm: 75 } ] }\n  - { date: 2013-03-03, strength: [ { exercise: bench_press, sets: 3, reps: 5 } ] }\n");
        var (badStatus, _, error) = Run("log", bad, "--db", db);
        Assert.Equal(CliApp.BadInput, badStatus);
        Assert.StartsWith($"{bad}:3:", error);
        Assert.StartsWith("logged 12 sessions from gym.yaml (replacing 12 logged from it before); 12 logged sessions", Run("log", log, "--db", db).Output); // nothing from the bad log

        // Another folder's gym.yaml is another log: it adds its sessions and replaces none of the first one's.
        var elsewhere = Path.Combine(dir, "club", "gym.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(elsewhere)!);
        File.WriteAllText(elsewhere, "sessions:\n  - { date: 2013-03-05, strength: [ { exercise: back_squat, sets: 3, reps: 5, load_pct_1rm: 80 } ] }\n");
        Assert.StartsWith("logged 1 session from gym.yaml; 13 logged sessions", Run("log", elsewhere, "--db", db).Output);
        Assert.StartsWith("logged 12 sessions from gym.yaml (replacing 12 logged from it before); 13 logged sessions", Run("log", log, "--db", db).Output);
        Assert.Equal(CliApp.Success, Run("log", elsewhere, "--db", db).Status);
        File.WriteAllText(elsewhere, "sessions: []\n");
        Assert.StartsWith("logged 0 sessions from gym.yaml (replacing 1 logged from it before); 12 logged sessions", Run("log", elsewhere, "--db", db).Output);

        var (historyStatus, text, _) = Run("history", "--db", db);
        Assert.Equal(CliApp.Success, historyStatus);
        Assert.Contains("Latest 10 of 12 logged sessions", text);
        Assert.Contains("back squat 4×8 at 75 % 1RM", text);
        var withLifting = JsonNode.Parse(Run("history", "--db", db, "--json").Output)!;
        double Quads(JsonNode o) => (double)o["final"]!["muscles"]!["quadriceps"]!["strength_change_pct"]!;
        Assert.True(Quads(withLifting) > Quads(runsOnly) + 1, $"{Quads(withLifting)} vs {Quads(runsOnly)}");
    }

    /// <summary>--sessions-json: one JSON object per stored activity with what its analysis kept, for scripts.</summary>
    [Fact]
    public void EachSessionsAnalysisIsAvailableAsJsonLines()
    {
        var db = Path.Combine(TempDir(), "j.db");
        Run("import", Fixture("fit", "hrv-activity.fit"), Fixture("fit", "activity-small-fenix2-run.fit"), "--db", db);
        var (status, output, _) = Run("history", "--db", db, "--sessions-json");
        Assert.Equal(CliApp.Success, status);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["running", "cycling"], lines.Select(l => (string)l["sport"]!));
        var run = lines[0];
        Assert.Equal("heart_rate", (string)run["load_method"]!);
        Assert.Equal(5, run["hr_zone_s"]!.AsArray().Count);
        Assert.Contains(run["best_efforts"]!.AsArray(), e => (string)e!["name"]! == "5 km");
        Assert.True((double)run["energy_kj"]! > 0);
        Assert.InRange((double)run["steps_per_min"]!, 150, 185); // the watch's per-foot cadence, as steps
        var ride = lines[1];
        Assert.Null(ride["steps_per_min"]);
        Assert.True(ride["repeats"]!.AsArray().Count(r => (double)r!["seconds"]! is > 25 and < 40) >= 3);
    }

    /// <summary>inspect --db analyses with the store's profile: a higher maximal heart rate makes the same run lighter.</summary>
    [Fact]
    public void InspectUsesTheStoresProfileWhenGivenOne()
    {
        var db = Path.Combine(TempDir(), "p.db");
        Run("athlete", "--db", db, "--hr-max", "215", "--hr-rest", "60");
        var file = Fixture("fit", "activity-small-fenix2-run.fit");
        static int Load(string output) => int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"load (\d+) TRIMP").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var inspected = Run("inspect", file).Output;
        var withDefault = Load(inspected);
        var withProfile = Load(Run("inspect", file, "--db", db).Output);
        Assert.True(withProfile < withDefault, $"{withProfile} vs {withDefault}");
        Assert.Contains("cadence 163 steps/min", inspected); // the watch's 81–82 strides a minute per foot
    }

    [Fact]
    public void AScenarioCanStartFromTheImportedHistory()
    {
        var dir = TempDir();
        var db = Path.Combine(dir, "h.db");
        Run("import", Fixture("tcx", "test.tcx"), Fixture("fit", "2013-02-06-12-11-14.fit"), "--db", db);
        var plan = Path.Combine(dir, "next.yaml");
        File.WriteAllText(plan, "from: history\nathlete: { sex: male, age: 30, mass_kg: 75 }\nweeks: 8\nweek:\n  - { day: mon, run: { minutes: 40, effort: easy } }\n  - { day: thu, run: { minutes: 40, effort: easy } }\n");
        var (status, output, error) = Run("simulate", plan, "--db", db, "--json");
        Assert.True(status == CliApp.Success, error);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(56, (int)json["days"]!);

        // The goal search continues from the history too; its "plan as it is" is what simulate gave.
        var (goalStatus, goal, goalError) = Run("goal", plan, "--db", db, "--want", "glutes:+3", "--json");
        Assert.True(goalStatus == CliApp.Success, goalError);
        var asPlanned = JsonNode.Parse(goal)!["plan"]!["wants"]!["glutes"]!.GetValue<double>();
        Assert.Equal((double)json["final"]!["muscles"]!["glutes"]!["size_change_pct"]!, asPlanned, 9);
        var (noDb, _, noDbError) = Run("simulate", plan, "--db", Path.Combine(dir, "empty.db"));
        Assert.Equal(CliApp.BadInput, noDb);
        Assert.Contains("from: history", noDbError);
    }

    [Fact]
    public void HistoryOfAnEmptyStoreSaysWhatToDo()
    {
        var (status, _, error) = Run("history", "--db", Path.Combine(TempDir(), "empty.db"));
        Assert.Equal(CliApp.BadInput, status);
        Assert.Contains("runadapt import", error);
    }

    [Fact]
    public void KillingAnImportMidwayThenImportingAgainStoresEveryRunExactlyOnce()
    {
        var dir = TempDir();
        const int Files = 400;
        for (var i = 0; i < Files; i++)
        {
            File.WriteAllText(Path.Combine(dir, $"run{i:000}.gpx"), SyntheticRun(new DateTime(2020, 1, 1, 7, 0, 0, DateTimeKind.Utc).AddDays(i)));
        }

        var db = Path.Combine(dir, "kill.db");
        var runadapt = Path.Combine(AppContext.BaseDirectory, "runadapt.dll");
        using (var child = Process.Start(new ProcessStartInfo("dotnet", ["exec", runadapt, "import", dir, "--db", db]) { RedirectStandardOutput = true, RedirectStandardError = true })!)
        {
            // Wait until the store holds some runs, then kill the importer outright (no chance to clean up).
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(60) && !child.HasExited && Count(db) < 20)
            {
                Thread.Sleep(20);
            }

            Assert.False(child.HasExited, "the import finished before it could be killed: make the synthetic export larger");
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }

        var partial = Count(db);
        Assert.InRange(partial, 1, Files - 1);
        var (status, _, _) = Run("import", dir, "--db", db);
        Assert.Equal(CliApp.Success, status);
        using var store = AthleteStore.Open(db);
        Assert.Equal(Files, store.ListActivities().Count);
        Assert.Equal(Files, store.LoadSessions().Count);
    }

    /// <summary>Ctrl-C stops an import between two files and exits 130, not 0 (a script took it for a finished import).</summary>
    [Fact]
    public void CtrlCStopsAnImportWithExitStatus130()
    {
        var dir = TempDir();
        const int Files = 400;
        for (var i = 0; i < Files; i++)
        {
            File.WriteAllText(Path.Combine(dir, $"run{i:000}.gpx"), SyntheticRun(new DateTime(2020, 1, 1, 7, 0, 0, DateTimeKind.Utc).AddDays(i)));
        }

        var db = Path.Combine(dir, "interrupt.db");
        var runadapt = Path.Combine(AppContext.BaseDirectory, "runadapt.dll");
        using var child = Process.Start(new ProcessStartInfo("dotnet", ["exec", runadapt, "import", dir, "--db", db]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(60) && !child.HasExited && Count(db) < 20)
        {
            Thread.Sleep(20);
        }

        Assert.False(child.HasExited, "the import finished before it could be interrupted: make the synthetic export larger");
        using (var signal = Process.Start("kill", ["-INT", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            signal.WaitForExit();
        }

        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        Assert.Equal(CliApp.Interrupted, child.ExitCode);
        Assert.Contains("(interrupted; run again to finish)", output);
    }

    private static int Count(string db)
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        try
        {
            using var store = AthleteStore.Open(db);
            return store.ListActivities().Count;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // the importer holds the database at this instant
        }
    }

    private static string SyntheticRun(DateTime start)
    {
        var points = string.Concat(Enumerable.Range(0, 300).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $"<trkpt lat=\"{46 + (i * 0.00003):0.000000}\" lon=\"14.5\"><ele>300</ele><time>{start.AddSeconds(i * 2):yyyy-MM-ddTHH:mm:ssZ}</time></trkpt>")));
        return $"<?xml version=\"1.0\"?><gpx version=\"1.1\" creator=\"test\"><trk><type>running</type><trkseg>{points}</trkseg></trk></gpx>";
    }
}
