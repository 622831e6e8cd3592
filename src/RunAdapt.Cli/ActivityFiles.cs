using System.IO.Compression;
using RunAdapt.Activities;

namespace RunAdapt.Cli;

/// <summary>Opens one activity file the user named (plain or <c>.gz</c>) and decodes it.</summary>
internal static class ActivityFiles
{
    /// <summary>The largest decompressed size accepted for a <c>.gz</c> file: guards against decompression bombs.</summary>
    private const long MaxDecompressedBytes = 256L * 1024 * 1024;

    public static IReadOnlyList<Activity> Decode(FileInfo path)
    {
        if (!path.Exists)
        {
            throw new InputException($"{path.FullName}: no such file");
        }

        using var file = path.OpenRead();
        if (!path.Name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return ActivityFormats.Decode(file, path.FullName);
        }

        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        var content = new MemoryStream();
        try
        {
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (content.Length + read > MaxDecompressedBytes)
                {
                    throw new InvalidActivityFileException(path.FullName, file.Position, $"decompresses to more than {MaxDecompressedBytes} bytes");
                }

                content.Write(buffer, 0, read);
            }
        }
        catch (InvalidDataException e)
        {
            throw new InvalidActivityFileException(path.FullName, file.Position, $"not a valid gzip file ({e.Message})", e);
        }

        content.Position = 0;
        return ActivityFormats.Decode(content, path.FullName);
    }
}
