using System.Globalization;
using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using RunAdapt.Activities;
using RunAdapt.Activities.Fit;
using RunAdapt.Cli;

namespace RunAdapt.Benchmarks;

/// <summary>
/// <c>runadapt import</c> end to end (read, hash, decode, analyse, store in SQLite) on a synthetic export: the corpus's
/// recorded activities copied day after day, time-shifted, as FIT or TCX files in year folders.
/// </summary>
public class ImportBenchmarks
{
    private string _export = "", _db = "";

    /// <summary>How many activities the export holds.</summary>
    [Params(365)]
    public int Count { get; set; }

    /// <summary>The export's file format.</summary>
    [Params(ExportFormat.Fit, ExportFormat.Tcx)]
    public ExportFormat Format { get; set; }

    /// <summary>Writes the export once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _export = Path.Combine(Path.GetTempPath(), $"runadapt-bench-export-{Format}-{Count}");
        SyntheticExport.Write(_export, Count, Format);
    }

    /// <summary>Each iteration imports into an empty store.</summary>
    [IterationSetup]
    public void FreshStore()
    {
        _db = Path.Combine(Path.GetTempPath(), $"runadapt-bench-{Guid.NewGuid():N}.db");
    }

    /// <summary>The whole import; returns the exit status (0).</summary>
    [Benchmark]
    public int Import() => CliApp.Run(["import", _export, "--db", _db], TextWriter.Null, TextWriter.Null);

    /// <summary>Removes the iteration's store.</summary>
    [IterationCleanup]
    public void RemoveStore()
    {
        foreach (var file in Directory.EnumerateFiles(Path.GetTempPath(), Path.GetFileName(_db) + "*"))
        {
            File.Delete(file);
        }
    }
}

/// <summary>The file format a synthetic export is written in.</summary>
public enum ExportFormat
{
    /// <summary>FIT, as a Garmin export or a watch's own files hold them (about 100 KB per hour-long run).</summary>
    Fit,

    /// <summary>TCX, the heaviest format (about 800 KB per hour-long run).</summary>
    Tcx,
}

/// <summary>
/// Builds a synthetic export from the corpus's recorded activities: copy <c>k</c> is template <c>k mod n</c> moved
/// <c>k</c> days on, in year folders. FIT copies are re-encoded with <see cref="FitEncoder"/> (every timestamp moved).
/// </summary>
public static class SyntheticExport
{
    /// <summary>The corpus FIT files used as templates: three recorded runs (1 Hz and smart recording) and an interval ride.</summary>
    public static IReadOnlyList<string> Templates { get; } = ["activity-small-fenix2-run.fit", "2013-02-06-12-11-14.fit", "compressed-speed-distance.fit", "hrv-activity.fit"];

    /// <summary>Writes <paramref name="count"/> files under <paramref name="directory"/> (replacing what was there).</summary>
    /// <param name="directory">The export folder.</param>
    /// <param name="count">How many activities.</param>
    /// <param name="format">The file format.</param>
    public static void Write(string directory, int count, ExportFormat format = ExportFormat.Fit)
    {
        var templates = Templates
            .SelectMany(t => FitDecoder.DecodeActivities(File.ReadAllBytes(Repository.Path("tests", "fixtures", "activities", "fit", t)), t))
            .Where(a => a.Sport is Sport.Running or Sport.Cycling && a.Samples.Count > 0)
            .Where(a => format == ExportFormat.Fit || a.Sport == Sport.Running)
            .ToList();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        var firstDay = new DateTime(2015, 1, 1, 7, 0, 0, DateTimeKind.Utc);
        for (var k = 0; k < count; k++)
        {
            var template = templates[k % templates.Count];
            var shift = firstDay.AddDays(k).AddMinutes(k % 60) - template.Samples[0].TimestampUtc;
            var folder = Path.Combine(directory, (firstDay.Year + (k / 365)).ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            if (format == ExportFormat.Fit)
            {
                File.WriteAllBytes(Path.Combine(folder, $"activity_{k:D5}.fit"), FitEncoder.Encode(Shifted(template, shift)));
            }
            else
            {
                File.WriteAllText(Path.Combine(folder, $"activity_{k:D5}.tcx"), Tcx(template, shift));
            }
        }
    }

    /// <summary>
    /// Writes a Garmin Connect export of about <paramref name="totalBytes"/>: the owner's profile (<c>DI-Connect-User</c>,
    /// <c>DI-Connect-Wellness</c>) and the activity files in <c>DI-Connect-Uploaded-Files/UploadedFiles_0-_PartN.zip</c>
    /// parts of <paramref name="partBytes"/> each (Garmin's parts run past a gigabyte), stored without compression so the
    /// sizes are the content's. The activities are TCX runs (what Garmin keeps of uploaded TCX files: ≈ 0.6 MB each),
    /// each day after the one before; each part is written to a file next to the export first, so no part is held in memory.
    /// </summary>
    /// <param name="path">The export's <c>.zip</c>.</param>
    /// <param name="totalBytes">Roughly how large the export is.</param>
    /// <param name="partBytes">Roughly how large each part is.</param>
    /// <returns>How many activities were written.</returns>
    public static int WriteGarminZip(string path, long totalBytes, long partBytes)
    {
        var templates = Templates
            .SelectMany(t => FitDecoder.DecodeActivities(File.ReadAllBytes(Repository.Path("tests", "fixtures", "activities", "fit", t)), t))
            .Where(a => a.Sport == Sport.Running && a.Samples.Count > 0)
            .ToList();
        var firstDay = new DateTime(1995, 1, 1, 7, 0, 0, DateTimeKind.Utc);
        var count = 0;
        long written = 0;
        using var export = ZipFile.Open(path, ZipArchiveMode.Create);
        void Text(string name, string text)
        {
            using var writer = new StreamWriter(export.CreateEntry(name).Open());
            writer.Write(text);
        }

        Text("DI_CONNECT/DI-Connect-User/user_profile.json", """{ "gender": "FEMALE", "birthDate": "1988-04-02" }""");
        Text("DI_CONNECT/DI-Connect-Wellness/1_userBioMetricProfileData.json", """[ { "height": 166.0, "weight": 57000.0, "vo2Max": 50.0 } ]""");
        Text("DI_CONNECT/DI-Connect-Wellness/1_heartRateZones.json", """[ { "sport": "DEFAULT", "maxHeartRateUsed": 189, "restingHeartRateUsed": 48 } ]""");
        for (var part = 1; written < totalBytes; part++)
        {
            var spool = $"{path}.part{part}";
            try
            {
                using (var inner = ZipFile.Open(spool, ZipArchiveMode.Create))
                {
                    long partWritten = 0;
                    while (partWritten < partBytes && written + partWritten < totalBytes)
                    {
                        var template = templates[count % templates.Count];
                        var shift = firstDay.AddDays(count).AddMinutes(count % 60) - template.Samples[0].TimestampUtc;
                        var bytes = Encoding.UTF8.GetBytes(Tcx(template, shift));
                        using (var entry = inner.CreateEntry($"runner@example.com_{count:D6}.tcx", CompressionLevel.NoCompression).Open())
                        {
                            entry.Write(bytes);
                        }

                        partWritten += bytes.Length;
                        count++;
                    }

                    written += partWritten;
                }

                export.CreateEntryFromFile(spool, $"DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part{part}.zip", CompressionLevel.NoCompression);
            }
            finally
            {
                File.Delete(spool);
            }
        }

        return count;
    }

    private static Activity Shifted(Activity a, TimeSpan shift) => a with
    {
        StartTimeUtc = a.StartTimeUtc + shift,
        Samples = [.. a.Samples.Select(s => s with { TimestampUtc = s.TimestampUtc + shift })],
        Summaries = [.. a.Summaries.Select(s => s with { StartTimeUtc = s.StartTimeUtc + shift, TimestampUtc = s.TimestampUtc + shift })],
    };

    private static string Tcx(Activity run, TimeSpan shift)
    {
        static string F(double v) => v.ToString("0.#######", CultureInfo.InvariantCulture);
        static string T(DateTime t) => t.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var start = run.Samples[0].TimestampUtc + shift;
        var xml = new StringBuilder(run.Samples.Count * 260);
        xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TrainingCenterDatabase xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\">\n")
           .Append("<Activities><Activity Sport=\"Running\"><Id>").Append(T(start)).Append("</Id><Lap StartTime=\"").Append(T(start)).Append("\"><Track>\n");
        foreach (var s in run.Samples)
        {
            xml.Append("<Trackpoint><Time>").Append(T(s.TimestampUtc + shift)).Append("</Time>");
            if (s.LatitudeDegrees is { } lat && s.LongitudeDegrees is { } lon)
            {
                xml.Append("<Position><LatitudeDegrees>").Append(F(lat)).Append("</LatitudeDegrees><LongitudeDegrees>").Append(F(lon)).Append("</LongitudeDegrees></Position>");
            }

            if (s.AltitudeMetres is { } z)
            {
                xml.Append("<AltitudeMeters>").Append(F(z)).Append("</AltitudeMeters>");
            }

            if (s.DistanceMetres is { } d)
            {
                xml.Append("<DistanceMeters>").Append(F(d)).Append("</DistanceMeters>");
            }

            if (s.HeartRateBeatsPerMinute is { } hr)
            {
                xml.Append("<HeartRateBpm><Value>").Append(F(Math.Round(hr))).Append("</Value></HeartRateBpm>");
            }

            xml.Append("</Trackpoint>\n");
        }

        return xml.Append("</Track></Lap></Activity></Activities>\n</TrainingCenterDatabase>\n").ToString();
    }
}
