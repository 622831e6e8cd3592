namespace RunAdapt.Activities.Fit;

/// <summary>
/// Decodes FIT files (Garmin's Flexible and Interoperable Data Transfer protocol): every message of every chained
/// file, scaled against Garmin's profile, components expanded, developer fields and unknown messages kept by number.
/// </summary>
public static class FitDecoder
{
    /// <summary>
    /// Streams every data message of a FIT input to a handler. The <see cref="FitMessage"/> passed is reused: copy
    /// what you keep. Problems are collected, not thrown (unless <see cref="FitCrcHandling.Throw"/>); decoding stops
    /// at the first problem it cannot step over.
    /// </summary>
    /// <param name="data">The whole input.</param>
    /// <param name="fileName">The name used in problems.</param>
    /// <param name="handler">Called for each data message.</param>
    /// <param name="options">Options, or <c>null</c> for the defaults.</param>
    public static FitDecodeResult Decode(ReadOnlySpan<byte> data, string fileName, Action<FitMessage> handler, FitDecoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new FitReader(fileName, options ?? FitDecoderOptions.Default, handler).Read(data);
    }

    /// <summary>
    /// Decodes a FIT input into activities (one per chained file that holds records or summaries). A file that
    /// is damaged part-way gives what was sound before the damage, with the problem in <see cref="Activity.Problems"/>.
    /// </summary>
    /// <param name="data">The whole input.</param>
    /// <param name="fileName">The name used in errors.</param>
    /// <param name="options">Options, or <c>null</c> for the defaults.</param>
    /// <exception cref="InvalidActivityFileException">Nothing usable could be decoded.</exception>
    public static IReadOnlyList<Activity> DecodeActivities(ReadOnlySpan<byte> data, string fileName, FitDecoderOptions? options = null)
    {
        var builder = new FitActivityBuilder();
        var result = Decode(data, fileName, builder.Add, options);
        var activities = builder.Build(result.Problems);
        if (activities.Count == 0 && result.Problems.Count > 0)
        {
            throw result.Problems[0];
        }

        return activities;
    }

    /// <summary>Reads a stream fully (bounded by <see cref="FitDecoderOptions.MaxFileBytes"/>) and decodes it into activities.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="fileName">The name used in errors.</param>
    /// <param name="options">Options, or <c>null</c> for the defaults.</param>
    public static IReadOnlyList<Activity> DecodeActivities(Stream stream, string fileName, FitDecoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= FitDecoderOptions.Default;
        if (stream.CanSeek && stream.Length - stream.Position > options.MaxFileBytes)
        {
            throw new InvalidActivityFileException(fileName, 0, $"the file is larger than the {options.MaxFileBytes} byte limit");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > options.MaxFileBytes)
            {
                throw new InvalidActivityFileException(fileName, buffer.Length, $"the file is larger than the {options.MaxFileBytes} byte limit");
            }

            buffer.Write(chunk, 0, read);
        }

        return DecodeActivities(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), fileName, options);
    }
}

/// <summary>FIT as an <see cref="IActivityFormat"/>: detected by the ".FIT" signature at bytes 8–11.</summary>
public sealed class FitActivityFormat : IActivityFormat
{
    /// <inheritdoc/>
    public string Name => "fit";

    /// <inheritdoc/>
    public int HeaderSize => 12;

    /// <inheritdoc/>
    public bool IsMatch(ReadOnlySpan<byte> header) =>
        header.Length >= 12 && header[0] >= 12 && header.Slice(8, 4).SequenceEqual(".FIT"u8);

    /// <inheritdoc/>
    public IReadOnlyList<Activity> Decode(Stream stream, string fileName) => FitDecoder.DecodeActivities(stream, fileName);
}
