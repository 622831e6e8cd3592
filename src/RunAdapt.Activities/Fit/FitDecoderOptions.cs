namespace RunAdapt.Activities.Fit;

/// <summary>What the FIT decoder does when a header or file CRC does not match.</summary>
public enum FitCrcHandling
{
    /// <summary>Record the mismatch as a problem and go on decoding (the default: the data is usually sound).</summary>
    Report,

    /// <summary>Treat a mismatch as fatal.</summary>
    Throw,

    /// <summary>Do not check CRCs at all (fastest).</summary>
    Ignore,
}

/// <summary>Options for <see cref="FitDecoder"/>.</summary>
public sealed record FitDecoderOptions
{
    /// <summary>The default options.</summary>
    public static FitDecoderOptions Default { get; } = new();

    /// <summary>What to do on a CRC mismatch. Defaults to <see cref="FitCrcHandling.Report"/>.</summary>
    public FitCrcHandling CrcHandling { get; init; } = FitCrcHandling.Report;

    /// <summary>The largest input accepted, in bytes; larger streams are rejected before reading. Defaults to 256 MiB.</summary>
    public long MaxFileBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Whether to expand components (speed into enhanced speed, compressed speed and distance, ...). Defaults to true.</summary>
    public bool ExpandComponents { get; init; } = true;
}
