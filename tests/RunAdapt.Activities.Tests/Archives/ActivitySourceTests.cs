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

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(content);
            }
        }

        return output.ToArray();
    }

    /// <summary>An entry that expands a thousand times is a bomb: rejected from its header, without decompressing it (it was read whole into memory).</summary>
    [Fact]
    public void ADecompressionBombEntryIsRejectedAndTheRestRead()
    {
        var path = Path.Combine(TempDir(), "bomb.zip");
        File.WriteAllBytes(path, Zip(("bomb.fit", new byte[200 * 1024 * 1024]), ("run.fit", File.ReadAllBytes(Corpus.Fit("activity-small-fenix2-run.fit")))));
        var inputs = ActivitySource.Enumerate(path).ToList();
        Assert.Equal(2, inputs.Count);
        var e = Assert.Throws<InvalidActivityFileException>(() => inputs[0].Read());
        Assert.Contains("decompression bomb", e.Message);
        Assert.NotEmpty(ActivityFormats.Decode(new MemoryStream(inputs[1].Read()), inputs[1].Name));
    }

    /// <summary>Zips inside zips are followed three deep; deeper is one rejected input (a 3.9 KB nested zip ran out of memory).</summary>
    [Fact]
    public void ZipsNestedTooDeepAreOneRejectedInput()
    {
        var content = Zip(("run.fit", File.ReadAllBytes(Corpus.Fit("activity-small-fenix2-run.fit"))));
        for (var level = 0; level < 3; level++)
        {
            content = Zip(($"level{level}.zip", content));
        }

        var path = Path.Combine(TempDir(), "deep.zip");
        File.WriteAllBytes(path, content);
        var input = Assert.Single(ActivitySource.Enumerate(path));
        Assert.Contains("nested more than 3 deep", Assert.Throws<InvalidActivityFileException>(() => input.Read()).Message);

        var shallow = Path.Combine(TempDir(), "shallow.zip");
        File.WriteAllBytes(shallow, Zip(("a.zip", Zip(("b.zip", Zip(("run.fit", File.ReadAllBytes(Corpus.Fit("activity-small-fenix2-run.fit")))))))));
        Assert.NotEmpty(Assert.Single(ActivitySource.Enumerate(shallow)).Read());
    }

    /// <summary>A Strava export's <c>routes/</c> are planned courses (dated 1901), not activities.</summary>
    [Fact]
    public void StravaRoutesAreNotActivities()
    {
        var path = Path.Combine(TempDir(), "strava.zip");
        File.WriteAllBytes(path, Zip(
            ("activities.csv", "Activity ID,Activity Date,Activity Name,Activity Type,Filename\n1,,Run,Run,activities/1.fit\n"u8.ToArray()),
            ("activities/1.fit", File.ReadAllBytes(Corpus.Fit("activity-small-fenix2-run.fit"))),
            ("routes/1.gpx", File.ReadAllBytes(Path.Combine(Corpus.Activities, "gpx", "Mojstrovka.gpx")))));
        Assert.Equal([$"{path}!activities/1.fit"], ActivitySource.Enumerate(path).Select(i => i.Name));
    }

    /// <summary>A folder holding a link to itself is walked once (the walk never ended and memory grew).</summary>
    [Fact]
    public async Task ASymlinkLoopInAFolderIsNotFollowed()
    {
        var dir = TempDir();
        File.Copy(Corpus.Fit("activity-small-fenix2-run.fit"), Path.Combine(dir, "run.fit"));
        Directory.CreateSymbolicLink(Path.Combine(dir, "loop"), dir);
        var names = await Task.Run(() => ActivitySource.Enumerate(dir).Select(i => i.Name).ToList(), TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal([Path.Combine(dir, "run.fit")], names);
    }

    /// <summary>
    /// A Garmin export's UploadedFiles part over 256 MB (already compressed, so stored about 1:1) is read entry by
    /// entry; it was refused whole as larger than the per-file limit.
    /// </summary>
    [Fact]
    public void AnInnerZipOverTheEntryLimitIsReadEntryByEntry()
    {
        var dir = TempDir();
        try
        {
            var inner = Path.Combine(dir, "UploadedFiles_0-_Part1.zip");
            using (var zip = ZipFile.Open(inner, ZipArchiveMode.Create))
            {
                zip.CreateEntryFromFile(Corpus.Fit("activity-small-fenix2-run.fit"), "run.fit");
                using var filler = zip.CreateEntry("photos.dat", CompressionLevel.NoCompression).Open();
                var random = new Random(12);
                var chunk = new byte[1024 * 1024];
                for (var megabyte = 0; megabyte <= ActivitySource.MaxEntryBytes / chunk.Length; megabyte++)
                {
                    random.NextBytes(chunk);
                    filler.Write(chunk);
                }
            }

            var export = Path.Combine(dir, "export.zip");
            using (var zip = ZipFile.Open(export, ZipArchiveMode.Create))
            {
                zip.CreateEntryFromFile(inner, "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", CompressionLevel.NoCompression);
            }

            File.Delete(inner);
            var input = Assert.Single(ActivitySource.Enumerate(export));
            Assert.EndsWith("UploadedFiles_0-_Part1.zip!run.fit", input.Name, StringComparison.Ordinal);
            Assert.NotEmpty(ActivityFormats.Decode(new MemoryStream(input.Read()), input.Name));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

