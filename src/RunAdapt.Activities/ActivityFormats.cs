namespace RunAdapt.Activities;

/// <summary>The formats RunAdapt reads, and detection of which one a file is from its leading bytes.</summary>
public static class ActivityFormats
{
    /// <summary>Every known format, in detection order.</summary>
    public static IReadOnlyList<IActivityFormat> All { get; } =
    [
        new Fit.FitActivityFormat(),
        new Xml.TcxFormat(),
        new Xml.GpxFormat(),
        new ManualEntryFormat(),
    ];

    /// <summary>The format whose magic bytes match, or <c>null</c>.</summary>
    /// <param name="header">The first bytes of the file.</param>
    public static IActivityFormat? Detect(ReadOnlySpan<byte> header)
    {
        foreach (var format in All)
        {
            if (format.IsMatch(header))
            {
                return format;
            }
        }

        return null;
    }

    /// <summary>Detects the format of a file's bytes and decodes them.</summary>
    /// <param name="content">The whole file (decompressed).</param>
    /// <param name="fileName">The name to use in error messages.</param>
    /// <exception cref="ActivityFormatException">Unknown format or corrupt content.</exception>
    public static IReadOnlyList<Activity> Decode(byte[] content, string fileName)
    {
        using var stream = new MemoryStream(content, writable: false);
        return Decode(stream, fileName);
    }

    /// <summary>Detects the format of a seekable stream and decodes it.</summary>
    /// <param name="stream">The content; must be seekable (wrap others in a <see cref="MemoryStream"/>).</param>
    /// <param name="fileName">The name to use in error messages.</param>
    /// <exception cref="UnknownActivityFormatException">No format matches.</exception>
    /// <exception cref="ActivityFormatException">The content is corrupt.</exception>
    public static IReadOnlyList<Activity> Decode(Stream stream, string fileName)
    {
        var header = new byte[All.Count == 0 ? 0 : All.Max(f => f.HeaderSize)];
        var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        if (read == 0)
        {
            throw new InvalidActivityFileException(fileName, 0, "the file is empty");
        }

        var format = Detect(header.AsSpan(0, read))
            ?? throw new UnknownActivityFormatException(fileName, "not a FIT, TCX or GPX file");
        return format.Decode(stream, fileName);
    }
}
