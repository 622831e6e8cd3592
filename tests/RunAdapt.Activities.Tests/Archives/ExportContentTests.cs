using System.IO.Compression;

namespace RunAdapt.Activities.Tests.Archives;

/// <summary>What an export holds besides activity files: Strava's manual activities and Garmin Connect's profile.</summary>
public sealed class ExportContentTests
{
    private static string Write(string name, params (string Name, string Text)[] entries)
    {
        var dir = Path.Combine(Path.GetTempPath(), "runadapt-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, text) in entries)
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write(text);
        }

        return path;
    }

    /// <summary>
    /// Strava's <c>activities.csv</c> as exported: the summary's "Elapsed Time" (s) and "Distance" (km) first, the
    /// detail's "Elapsed Time", "Moving Time" (s) and "Distance" (m) later. A row without a file is a manual activity:
    /// one input of its own, decoded into a steady activity of that time, distance and heart rate; a manual entry that
    /// does not move (weight training) is none.
    /// </summary>
    [Fact]
    public void StravaManualActivitiesAreInputsOfTheirOwn()
    {
        var path = Write("export_1.zip", ("activities.csv",
            "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,Average Speed,Elevation Gain,Average Heart Rate\n"
            + "101,\"Mar 4, 2025, 7:12:44 AM\",Treadmill,Run,,1900,5.01,,,false,,,,,,1900,1800,\"5,010.0\",,,,151.0\n"
            + "102,\"Mar 5, 2025, 6:00:00 PM\",Gym,Weight Training,,3600,0,,,false,,,,,,3600,3600,0,,,,\n"
            + "103,\"Mar 6, 2025, 6:00:00 PM\",Ride,Ride,,3600,30.2,,,false,,,activities/103.fit,,,3600,3500,30200.0,,,,\n"));
        var inputs = ActivitySource.Enumerate(path).ToList();
        var manual = Assert.Single(inputs);
        Assert.Equal($"{path}!activities.csv#101", manual.Name);
        Assert.Equal(new ActivityMetadata("Treadmill", Sport.Running), manual.Metadata);

        var activity = Assert.Single(ActivityFormats.Decode(manual.Read(), manual.Name));
        Assert.Equal(Sport.Running, activity.Sport);
        Assert.Equal(new DateTime(2025, 3, 4, 7, 12, 44, DateTimeKind.Utc), activity.StartTimeUtc);
        Assert.Equal(1800, (activity.Samples[^1].TimestampUtc - activity.Samples[0].TimestampUtc).TotalSeconds);
        Assert.Equal(5010, activity.Samples[^1].DistanceMetres);
        Assert.All(activity.Samples, s => Assert.Equal(151, s.HeartRateBeatsPerMinute));
        Assert.Equal("Strava manual entry 101", activity.Device);
        // The same row gives the same bytes: importing the export again finds the same file.
        Assert.Equal(manual.Read(), ActivitySource.Enumerate(path).Single().Read());
    }

    /// <summary>A manual entry that names no valid time is rejected like a damaged file, with its name.</summary>
    [Fact]
    public void AManualEntryWithoutItsTimeIsADamagedFile()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes($"{ManualEntryFormat.Magic}\nstart=2025-03-04T07:00:00Z\nsport=running\nmetres=5000\n");
        var e = Assert.Throws<InvalidActivityFileException>(() => ActivityFormats.Decode(bytes, "x.csv#1"));
        Assert.Contains("x.csv#1", e.UserMessage, StringComparison.Ordinal);
        Assert.Contains("'seconds'", e.UserMessage, StringComparison.Ordinal);
    }

    /// <summary>The profile of a Garmin Connect export: sex and birth date, height, weight in grams, VO2max, the watch's heart rates (the running entry first).</summary>
    [Fact]
    public void AGarminConnectExportsProfileIsRead()
    {
        var path = Write("garmin.zip",
            ("DI_CONNECT/DI-Connect-User/user_profile.json", """{ "userName": "x", "gender": "FEMALE", "birthDate": "1990-06-15" }"""),
            ("DI_CONNECT/DI-Connect-Wellness/12345_userBioMetricProfileData.json", """[ { "userId": 12345, "height": 168.0, "weight": 58500.0, "vo2Max": 51.0, "lactateThresholdHeartRate": 170 } ]"""),
            ("DI_CONNECT/DI-Connect-Wellness/12345_heartRateZones.json", """[ { "sport": "DEFAULT", "trainingMethod": "HR_RESERVE", "maxHeartRateUsed": 190, "restingHeartRateUsed": 50 }, { "sport": "RUNNING", "maxHeartRateUsed": 188, "restingHeartRateUsed": 47 } ]"""),
            ("DI_CONNECT/DI-Connect-Fitness/12345_summarizedActivities.json", "[]"));
        Assert.Equal(new ExportProfile(path, Female: true, BirthDate: new DateOnly(1990, 6, 15), HeightCentimetres: 168, MassKilograms: 58.5, Vo2Max: 51, HeartRateMax: 188, HeartRateRest: 47), ExportProfile.Find(path));

        // Unpacked, the same; an export without a profile, a damaged file or nonsense values give nothing.
        var folder = Path.Combine(Path.GetDirectoryName(path)!, "unpacked");
        ZipFile.ExtractToDirectory(path, folder);
        Assert.Equal(ExportProfile.Find(path)! with { Source = folder }, ExportProfile.Find(folder));
        Assert.Null(ExportProfile.Find(Write("strava.zip", ("activities.csv", "Activity ID,Filename\n"))));
        Assert.Null(ExportProfile.Find(Write("odd.zip", ("DI_CONNECT/DI-Connect-User/user_profile.json", "{ not json"),
            ("DI_CONNECT/DI-Connect-Wellness/1_userBioMetricProfileData.json", """[ { "height": 9000, "weight": -3 } ]"""))));
    }
}
