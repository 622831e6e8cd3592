using System.IO.Compression;

namespace RunAdapt.Activities.Tests.Archives;

public sealed class ActivitySourceTests
{
    private static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "runadapt-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }

    [Fact]
    public void StravaStyleExportYieldsEveryActivityAndABadEntryDoesNotStopTheRest()
    {
        var dir = TempDir();
        var zipPath = Path.Combine(dir, "export.zip");
        using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(Corpus.Fit("activity-small-fenix2-run.fit"), "activities/1.fit");
            using (var entry = zip.CreateEntry("activities/2.fit.gz").Open())
            {
                entry.Write(Gzip(File.ReadAllBytes(Corpus.Fit("garmin-fenix-5-run.fit"))));
            }

            zip.CreateEntryFromFile(Path.Combine(Corpus.Activities, "tcx", "test.tcx"), "activities/3.tcx");
            using (var bad = zip.CreateEntry("activities/4.fit.gz").Open())
            {
                bad.Write("this is not gzip"u8);
            }

            using (var csv = new StreamWriter(zip.CreateEntry("activities.csv").Open()))
            {
                csv.Write("Activity ID,Activity Date,Activity Name,Activity Type,Filename,Perceived Exertion\n1,\"Jan 1, 2020\",\"Hills, \"\"hard\"\"\",Run,activities/1.fit,7.0\n3,,\"Lunch\nwalk\",Walk,activities/3.tcx,\n");
            }
        }

        var inputs = ActivitySource.Enumerate(zipPath).ToList();
        Assert.Equal(4, inputs.Count);
        Assert.Equal(new ActivityMetadata("Hills, \"hard\"", Sport.Running, 7), inputs.Single(i => i.Name.EndsWith("1.fit")).Metadata);
        Assert.Equal(new ActivityMetadata("Lunch\nwalk", Sport.Walking), inputs.Single(i => i.Name.EndsWith("3.tcx")).Metadata);
        var decoded = 0;
        var rejected = 0;
        foreach (var input in inputs)
        {
            try
            {
                using var stream = new MemoryStream(input.Read());
                Assert.NotEmpty(ActivityFormats.Decode(stream, input.Name));
                decoded++;
            }
            catch (ActivityFormatException e)
            {
                Assert.Contains("4.fit.gz", e.UserMessage);
                rejected++;
            }
        }

        Assert.Equal((3, 1), (decoded, rejected));
    }

    [Fact]
    public void GarminStyleNestedZipIsExpanded()
    {
        var dir = TempDir();
        var inner = Path.Combine(dir, "UploadedFiles_0-_Part1.zip");
        using (var zip = ZipFile.Open(inner, ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(Corpus.Fit("garmin-fenix-5-run.fit"), "run.fit");
        }

        var outer = Path.Combine(dir, "garmin-export.zip");
        using (var zip = ZipFile.Open(outer, ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(inner, "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip");
        }

        var input = Assert.Single(ActivitySource.Enumerate(outer));
        Assert.EndsWith("run.fit", input.Name);
        Assert.Equal(File.ReadAllBytes(Corpus.Fit("garmin-fenix-5-run.fit")), input.Read());
    }

    [Fact]
    public void DecompressionBombIsBounded()
    {
        var dir = TempDir();
        var path = Path.Combine(dir, "bomb.fit.gz");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 300; i++)
            {
                gzip.Write(zeros);
            }
        }

        var input = Assert.Single(ActivitySource.Enumerate(path));
        var e = Assert.Throws<InvalidActivityFileException>(input.Read);
        Assert.Contains("decompresses to more than", e.Message);
    }

    [Fact]
    public void FoldersAreSearchedForActivityFilesOnly()
    {
        var dir = TempDir();
        File.Copy(Corpus.Fit("garmin-fenix-5-run.fit"), Path.Combine(dir, "a.fit"));
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "not an activity");
        Assert.Single(ActivitySource.Enumerate(dir));
    }
}
