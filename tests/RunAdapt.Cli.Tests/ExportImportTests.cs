using System.IO.Compression;
using System.Text.Json.Nodes;
using RunAdapt.Storage;
using static RunAdapt.Cli.Tests.CliRun;

namespace RunAdapt.Cli.Tests;

/// <summary>Whole exports read fully: Strava's manual activities become sessions, Garmin Connect's profile fills what the user did not set.</summary>
public sealed class ExportImportTests
{
    private static string Zip(string name, params (string Name, byte[] Content)[] entries)
    {
        var path = Path.Combine(TempDir(), name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, content) in entries)
        {
            using var stream = zip.CreateEntry(entry).Open();
            stream.Write(content);
        }

        return path;
    }

    private static (string, byte[]) Text(string name, string text) => (name, System.Text.Encoding.UTF8.GetBytes(text));

    [Fact]
    public void StravaManualActivitiesAreImportedAsSessionsOnce()
    {
        var export = Zip("export_1.zip",
            Text("activities.csv", "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Filename,Elapsed Time,Moving Time,Distance,Average Heart Rate\n"
                + "7,\"Feb 6, 2013, 12:00:00 PM\",Treadmill,Run,2000,8.0,,2000,1920,8000.0,\n"
                + "8,\"Feb 6, 2013, 11:00:00 AM\",Morning run,Run,1900,4.8,activities/8.fit,1900,1800,4800.0,\n"),
            ("activities/8.fit", File.ReadAllBytes(Fixture("fit", "2013-02-06-12-11-14.fit"))));
        var db = Path.Combine(TempDir(), "s.db");
        var (status, output, error) = Run("import", export, "--db", db);
        Assert.Equal(CliApp.Success, status);
        Assert.Equal("", error);
        Assert.StartsWith("imported 2,", output);
        Assert.StartsWith("imported 0, skipped as duplicate 2", Run("import", export, "--db", db).Output);

        using var store = AthleteStore.Open(db);
        var manual = Assert.Single(store.ListActivities(), a => a.SourceName.EndsWith("activities.csv#7", StringComparison.Ordinal));
        Assert.Equal(("running", "Treadmill", 8000.0, 1920.0), (manual.Sport, manual.Title, Math.Round(manual.DistanceMetres), Math.Round(manual.MovingSeconds)));
        Assert.Equal(8000, Math.Round(manual.RunningMetres));
        Assert.Equal(2, store.LoadSessions().Count);
        Assert.Contains("2 activities (12.", Run("history", "--db", db).Output);
    }

    [Fact]
    public void AGarminConnectExportsProfileFillsWhatTheUserDidNotSet()
    {
        var export = Zip("garmin.zip",
            Text("DI_CONNECT/DI-Connect-User/user_profile.json", """{ "gender": "FEMALE", "birthDate": "1990-06-15" }"""),
            Text("DI_CONNECT/DI-Connect-Wellness/1_userBioMetricProfileData.json", """[ { "height": 168.0, "weight": 58500.0, "vo2Max": 51.0 } ]"""),
            Text("DI_CONNECT/DI-Connect-Wellness/1_heartRateZones.json", """[ { "sport": "DEFAULT", "maxHeartRateUsed": 188, "restingHeartRateUsed": 47 } ]"""),
            ("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", File.ReadAllBytes(Zip("part.zip", ("run.fit", File.ReadAllBytes(Fixture("fit", "activity-small-fenix2-run.fit")))))));

        // Nothing set: everything the export says is taken, and said.
        var db = Path.Combine(TempDir(), "g.db");
        var (status, output, _) = Run("import", export, "--db", db);
        Assert.Equal(CliApp.Success, status);
        var age = DateTime.UtcNow.Year - 1990 - (DateOnly.FromDateTime(DateTime.UtcNow) < new DateOnly(DateTime.UtcNow.Year, 6, 15) ? 1 : 0);
        Assert.Contains($"profile from the Garmin Connect export garmin.zip, used where you set nothing: female, {age} y, 58.5 kg, 168 cm, max HR 188, resting HR 47, VO2max 51 (change with 'runadapt athlete')", output);
        using (var store = AthleteStore.Open(db))
        {
            var athlete = store.LoadAthlete();
            Assert.Equal((Core.Training.Sex.Female, 58.5, 168.0, 188.0, 47.0, 51.0), (athlete.Sex, athlete.MassKilograms, athlete.HeightCentimetres, athlete.HeartRateMaxBeatsPerMinute, athlete.HeartRateRestBeatsPerMinute, athlete.Vo2MaxMillilitresPerKilogramPerMinute));
        }

        // What the user set stays theirs: only the unset heart rates and VO2max are taken.
        var own = Path.Combine(TempDir(), "own.db");
        Assert.Equal(CliApp.Success, Run("athlete", "--db", own, "--sex", "male", "--mass", "70").Status);
        var again = Run("import", export, "--db", own).Output;
        Assert.Contains("used where you set nothing: max HR 188, resting HR 47, VO2max 51", again);
        using var mine = AthleteStore.Open(own);
        Assert.Equal((Core.Training.Sex.Male, 70.0), (mine.LoadAthlete().Sex, mine.LoadAthlete().MassKilograms));
        Assert.DoesNotContain("profile from", Run("import", export, "--db", own).Output);
    }
}
