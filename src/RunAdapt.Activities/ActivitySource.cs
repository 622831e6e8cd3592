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
/// zips inside zips) — into decodable inputs. Sizes are bounded so a decompression bomb cannot exhaust memory.
/// </summary>
public static class ActivitySource
{
    /// <summary>The largest decompressed entry accepted, in bytes.</summary>
    public const long MaxEntryBytes = 256L * 1024 * 1024;

    /// <summary>The most entries read from one archive.</summary>
    public const int MaxEntries = 200_000;

    private static readonly string[] ActivityExtensions = [".fit", ".tcx", ".gpx"];

    /// <summary>Every activity input under a path (a missing path throws <see cref="FileNotFoundException"/>).</summary>
    /// <param name="path">A file or folder.</param>
    public static IEnumerable<ActivityInput> Enumerate(string path)
    {
        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
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
        path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? Gunzip(File.ReadAllBytes(path), path) : ReadBounded(path);

    private static IEnumerable<ActivityInput> FromFile(string path, bool explicitlyNamed)
    {
        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return FromZip(path, () => File.OpenRead(path));
        }

        return explicitlyNamed || IsCandidate(path) ? [new ActivityInput(path, () => ReadFile(path))] : [];
    }

    private static IEnumerable<ActivityInput> FromZip(string name, Func<Stream> open)
    {
        ZipArchive archive;
        Stream stream;
        try
        {
            stream = open();
            archive = new ZipArchive(stream, ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            return [new ActivityInput(name, () => throw new InvalidActivityFileException(name, 0, $"not a valid zip archive ({e.Message})", e))];
        }

        return Entries(name, archive, stream);
    }

    private static IEnumerable<ActivityInput> Entries(string name, ZipArchive archive, Stream stream)
    {
        using (stream)
        using (archive)
        {
            var index = archive.GetEntry("activities.csv") is { } csv ? StravaIndex.Read(csv) : [];
            var count = 0;
            foreach (var entry in archive.Entries)
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
                    var bytes = ReadEntry(entry, entryName);
                    foreach (var inner in FromZip(entryName, () => new MemoryStream(bytes)))
                    {
                        yield return inner;
                    }
                }
                else if (IsCandidate(entry.FullName))
                {
                    var bytes = TryReadEntry(entry, entryName);
                    yield return new ActivityInput(entryName, () =>
                    {
                        var content = bytes.Value ?? throw bytes.Error!;
                        return entry.FullName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? Gunzip(content, entryName) : content;
                    }, index.GetValueOrDefault(entry.FullName));
                }
            }
        }
    }

    private static (byte[]? Value, ActivityFormatException? Error) TryReadEntry(ZipArchiveEntry entry, string name)
    {
        try
        {
            return (ReadEntry(entry, name), null);
        }
        catch (ActivityFormatException e)
        {
            return (null, e);
        }
    }

    private static byte[] ReadEntry(ZipArchiveEntry entry, string name)
    {
        if (entry.Length > MaxEntryBytes)
        {
            throw new InvalidActivityFileException(name, 0, $"the entry is larger than the {MaxEntryBytes} byte limit");
        }

        try
        {
            using var stream = entry.Open();
            return ReadAllBounded(stream, name);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidActivityFileException(name, 0, $"the archive entry is damaged ({e.Message})", e);
        }
    }

    private static byte[] Gunzip(byte[] content, string name)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
            return ReadAllBounded(gzip, name);
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
            : ReadAllBounded(file, path);
    }

    private static byte[] ReadAllBounded(Stream stream, string name)
    {
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            if (output.Length + read > MaxEntryBytes)
            {
                throw new InvalidActivityFileException(name, output.Length, $"decompresses to more than {MaxEntryBytes} bytes");
            }

            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }

    private static bool IsCandidate(string name)
    {
        var lower = name.ToLowerInvariant();
        var stem = lower.EndsWith(".gz", StringComparison.Ordinal) ? lower[..^3] : lower;
        return ActivityExtensions.Any(stem.EndsWith);
    }
}
