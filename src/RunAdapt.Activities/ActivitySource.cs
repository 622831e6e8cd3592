using System.IO.Compression;

namespace RunAdapt.Activities;

/// <summary>What an export's index says about one activity file (Strava's <c>activities.csv</c>).</summary>
/// <param name="Title">The activity's name.</param>
/// <param name="Sport">The activity type, when it maps to a sport.</param>
/// <param name="PerceivedExertion">The athlete's perceived exertion (1–10), when rated.</param>
public sealed record ActivityMetadata(string? Title, Sport? Sport, double? PerceivedExertion = null);

/// <summary>One file to decode, found in a folder, a <c>.gz</c> or a <c>.zip</c> (e.g. a Strava or Garmin bulk export).</summary>
/// <param name="Name">The name to show and use in errors: the path, or <c>archive.zip!entry</c>.</param>
/// <param name="Read">Reads the (decompressed) bytes; throws <see cref="ActivityFormatException"/> for a damaged or oversized entry.</param>
/// <param name="Metadata">What the export's index says about it, if anything.</param>
public sealed record ActivityInput(string Name, Func<byte[]> Read, ActivityMetadata? Metadata = null);

/// <summary>
/// Expands what a user names — files, folders, <c>.gz</c>, <c>.zip</c> and whole exports (nested <c>.fit.gz</c>,
/// zips inside zips) — into decodable inputs. Archive entries are read one at a time when an input is read, never all
/// at once; each entry, each archive's total and each nesting level are bounded, so a decompression bomb is one
/// rejected entry and a real multi-gigabyte export streams through in bounded memory.
/// </summary>
public static class ActivitySource
{
    /// <summary>The largest decompressed activity file accepted, in bytes.</summary>
    public const long MaxEntryBytes = 256L * 1024 * 1024;

    /// <summary>
    /// The largest file the importer takes, in bytes: a whole export as one zip (its entries are streamed). The
    /// dashboard's upload limit is the same, so an upload it accepts is never refused by the importer for its size.
    /// </summary>
    public const long MaxInputBytes = 8L * 1024 * 1024 * 1024;

    /// <summary>The most entries read from one archive.</summary>
    public const int MaxEntries = 200_000;

    /// <summary>The most bytes one archive (with the archives inside it) may decompress to: a decade's export is a few GB.</summary>
    public const long MaxArchiveBytes = 64L * 1024 * 1024 * 1024;

    /// <summary>How deep zips may sit inside zips (a Garmin export holds its uploads as zips inside the export's zip).</summary>
    public const int MaxNesting = 3;

    /// <summary>
    /// Largest expansion of an entry over its compressed size: activity files and exports compress 3–30 times, a
    /// bomb of repeated bytes a thousand times.
    /// </summary>
    public const long MaxExpansionRatio = 200;

    private static readonly string[] ActivityExtensions = [".fit", ".tcx", ".gpx"];

    /// <summary>Every activity input under a path (a missing path throws <see cref="FileNotFoundException"/>).</summary>
    /// <param name="path">A file or folder.</param>
    public static IEnumerable<ActivityInput> Enumerate(string path)
    {
        if (Directory.Exists(path))
        {
            // Symbolic links to folders are not followed: a link to a parent would loop for ever.
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
            return Directory.EnumerateFiles(path, "*", options).Order(StringComparer.Ordinal)
                .Where(f => IsCandidate(f) || f.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                .SelectMany(f => FromFile(f, explicitlyNamed: false));
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file or folder", path);
        }

        return FromFile(path, explicitlyNamed: true);
    }

    /// <summary>Reads a single file, decompressing <c>.gz</c>.</summary>
    /// <param name="path">The file.</param>
    public static byte[] ReadFile(string path) =>
        path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? Gunzip(ReadBounded(path), path) : ReadBounded(path);

    private static IEnumerable<ActivityInput> FromFile(string path, bool explicitlyNamed)
    {
        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return new FileInfo(path).Length > MaxInputBytes
                ? [new ActivityInput(path, () => throw new InvalidActivityFileException(path, 0, $"the file is larger than the {MaxInputBytes} byte limit"))]
                : FromZip(path, () => File.OpenRead(path), new ArchiveBudget(), depth: 1);
        }

        return explicitlyNamed || IsCandidate(path) ? [new ActivityInput(path, () => ReadFile(path))] : [];
    }

    private static IEnumerable<ActivityInput> FromZip(string name, Func<Stream> open, ArchiveBudget budget, int depth)
    {
        var stream = open();
        SharedZip zip;
        try
        {
            zip = new SharedZip(stream);
        }
        catch (InvalidDataException e)
        {
            stream.Dispose();
            return [new ActivityInput(name, () => throw new InvalidActivityFileException(name, 0, $"not a valid zip archive ({e.Message})", e))];
        }

        return Entries(name, zip, budget, depth);
    }

    private static IEnumerable<ActivityInput> Entries(string name, SharedZip zip, ArchiveBudget budget, int depth)
    {
        var strava = zip.Archive.GetEntry("activities.csv") is { } csv ? StravaIndex.Read(csv) : StravaExportIndex.Empty;
        var index = strava.Files;
        // Activities entered by hand on Strava have a row and no file: each is one input of its own.
        foreach (var (id, entry, metadata) in strava.Manual)
        {
            yield return new ActivityInput($"{name}!activities.csv#{id}", () => entry, metadata);
        }

        var count = 0;
        foreach (var entry in zip.Archive.Entries)
        {
            if (++count > MaxEntries)
            {
                yield return new ActivityInput(name, () => throw new InvalidActivityFileException(name, 0, $"more than {MaxEntries} entries"));
                yield break;
            }

            // Entry names are used as labels only, never as paths on disk, so '../' in them is harmless.
            var entryName = $"{name}!{entry.FullName}";
            if (entry.FullName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                if (depth >= MaxNesting)
                {
                    yield return new ActivityInput(entryName, () => throw new InvalidActivityFileException(entryName, 0, $"zips nested more than {MaxNesting} deep"));
                    continue;
                }

                // An inner zip (a Garmin export's UploadedFiles part, possibly over a gigabyte) goes to an unlinked
                // temporary file, so its entries are read one at a time like the outer ones.
                Stream? spooled = null;
                InvalidActivityFileException? problem = null;
                try
                {
                    spooled = zip.Spool(entry, entryName, budget);
                }
                catch (InvalidActivityFileException e)
                {
                    problem = e;
                }

                if (problem is not null)
                {
                    yield return new ActivityInput(entryName, () => throw problem);
                    continue;
                }

                foreach (var inner in FromZip(entryName, () => spooled!, budget, depth + 1))
                {
                    yield return inner;
                }
            }
            else if (IsCandidate(entry.FullName) && !IsStravaRoute(entry.FullName, index.Count > 0 || strava.Manual.Count > 0))
            {
                yield return new ActivityInput(entryName, () =>
                {
                    var content = zip.Read(entry, entryName, budget);
                    return entry.FullName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? Gunzip(content, entryName) : content;
                }, index.GetValueOrDefault(entry.FullName));
            }
        }
    }

    /// <summary>A Strava export's planned routes (<c>routes/*.gpx</c>) are courses, not activities: their points carry no real time.</summary>
    private static bool IsStravaRoute(string entryName, bool stravaExport) =>
        stravaExport && entryName.StartsWith("routes/", StringComparison.OrdinalIgnoreCase);

    private static byte[] Gunzip(byte[] content, string name)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
            return ReadAllBounded(gzip, name, null);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidActivityFileException(name, 0, $"not a valid gzip file ({e.Message})", e);
        }
    }

    private static byte[] ReadBounded(string path)
    {
        using var file = File.OpenRead(path);
        return file.Length > MaxEntryBytes
            ? throw new InvalidActivityFileException(path, 0, $"the file is larger than the {MaxEntryBytes} byte limit")
            : ReadAllBounded(file, path, null);
    }

    private static byte[] ReadAllBounded(Stream stream, string name, ArchiveBudget? budget)
    {
        using var output = new MemoryStream();
        Copy(stream, output, MaxEntryBytes, name, budget);
        return output.ToArray();
    }

    /// <summary>Copies at most <paramref name="limit"/> bytes, charging each to the archive's budget.</summary>
    private static void Copy(Stream from, Stream to, long limit, string name, ArchiveBudget? budget)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = from.Read(buffer)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw new InvalidActivityFileException(name, total - read, $"decompresses to more than {limit} bytes");
            }

            budget?.Charge(read, name);
            to.Write(buffer, 0, read);
        }
    }

    private static bool IsCandidate(string name)
    {
        var lower = name.ToLowerInvariant();
        var stem = lower.EndsWith(".gz", StringComparison.Ordinal) ? lower[..^3] : lower;
        return ActivityExtensions.Any(stem.EndsWith);
    }

    /// <summary>The bytes one archive and the archives inside it may still decompress to; shared by the threads reading its entries.</summary>
    private sealed class ArchiveBudget
    {
        private long _used;

        public void Charge(long bytes, string name)
        {
            if (Interlocked.Add(ref _used, bytes) > MaxArchiveBytes)
            {
                throw new InvalidActivityFileException(name, 0, $"the archive decompresses to more than {MaxArchiveBytes} bytes in all");
            }
        }
    }

    /// <summary>
    /// One open archive whose entries are read when their inputs are read, from any thread: a zip reader is not
    /// thread-safe, so one entry is decompressed at a time (decoding and analysis, the costly part, run in parallel).
    /// The archive stays open for the inputs that still refer to it and closes with its stream when collected.
    /// </summary>
    private sealed class SharedZip(Stream stream)
    {
        private readonly Lock _gate = new();

        public ZipArchive Archive { get; } = new(stream, ZipArchiveMode.Read);

        public byte[] Read(ZipArchiveEntry entry, string name, ArchiveBudget budget)
        {
            CheckSize(entry, name, MaxEntryBytes);
            lock (_gate)
            {
                try
                {
                    using var content = entry.Open();
                    return ReadAllBounded(content, name, budget);
                }
                catch (InvalidDataException e)
                {
                    throw new InvalidActivityFileException(name, 0, $"the archive entry is damaged ({e.Message})", e);
                }
            }
        }

        public Stream Spool(ZipArchiveEntry entry, string name, ArchiveBudget budget)
        {
            CheckSize(entry, name, MaxArchiveBytes);
            var path = Path.Combine(Path.GetTempPath(), $"runadapt-{Guid.NewGuid():N}.zip");
            var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
            try
            {
                lock (_gate)
                {
                    using var content = entry.Open();
                    Copy(content, file, MaxArchiveBytes, name, budget);
                }

                file.Position = 0;
                return file;
            }
            catch (Exception e) when (e is InvalidDataException or InvalidActivityFileException or IOException)
            {
                file.Dispose();
                throw e as InvalidActivityFileException ?? new InvalidActivityFileException(name, 0, $"the archive entry cannot be read ({e.Message})", e);
            }
        }

        private static void CheckSize(ZipArchiveEntry entry, string name, long limit)
        {
            if (entry.Length > limit)
            {
                throw new InvalidActivityFileException(name, 0, $"the entry is larger than the {limit} byte limit");
            }

            if (entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > MaxExpansionRatio)
            {
                throw new InvalidActivityFileException(name, 0, $"the entry expands {entry.Length / entry.CompressedLength} times (more than {MaxExpansionRatio}): a decompression bomb, not an activity");
            }
        }
    }
}
