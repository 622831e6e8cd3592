namespace RunAdapt.Activities;

/// <summary>One activity file format: how to recognise it and how to decode it.</summary>
public interface IActivityFormat
{
    /// <summary>The format's short name (<c>fit</c>, <c>tcx</c>, <c>gpx</c>).</summary>
    string Name { get; }

    /// <summary>How many leading bytes <see cref="IsMatch"/> needs to see.</summary>
    int HeaderSize { get; }

    /// <summary>Whether the file's leading bytes look like this format.</summary>
    /// <param name="header">The first bytes of the file (possibly fewer than <see cref="HeaderSize"/>).</param>
    bool IsMatch(ReadOnlySpan<byte> header);

    /// <summary>Decodes every activity in the stream (a FIT stream may chain several files).</summary>
    /// <param name="stream">The file's content, positioned at its start.</param>
    /// <param name="fileName">The name to use in error messages.</param>
    /// <exception cref="ActivityFormatException">The content is corrupt, truncated or hostile.</exception>
    IReadOnlyList<Activity> Decode(Stream stream, string fileName);
}
