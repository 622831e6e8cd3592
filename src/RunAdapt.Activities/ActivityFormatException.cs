namespace RunAdapt.Activities;

/// <summary>The base of the exceptions a decoder throws when a file cannot be read as an activity.</summary>
public class ActivityFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fileName">The file (or entry) that failed, as the user named it.</param>
    /// <param name="message">What was wrong.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public ActivityFormatException(string fileName, string message, Exception? inner = null)
        : base(message, inner)
    {
        FileName = fileName;
    }

    /// <summary>The file (or archive entry) that failed.</summary>
    public string FileName { get; }

    /// <summary>One line for the user: file, then what was wrong.</summary>
    public virtual string UserMessage => $"{FileName}: {Message}";
}

/// <summary>The file is of a known format but its content is corrupt, truncated or hostile.</summary>
public sealed class InvalidActivityFileException : ActivityFormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fileName">The file (or entry) that failed.</param>
    /// <param name="byteOffset">Where in the file the problem was found, in bytes from the start.</param>
    /// <param name="message">What was wrong.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public InvalidActivityFileException(string fileName, long byteOffset, string message, Exception? inner = null)
        : base(fileName, message, inner)
    {
        ByteOffset = byteOffset;
    }

    /// <summary>Where in the file the problem was found, in bytes from the start.</summary>
    public long ByteOffset { get; }

    /// <inheritdoc/>
    public override string UserMessage => $"{FileName}: at byte {ByteOffset}: {Message}";
}

/// <summary>The file is not of any format RunAdapt reads.</summary>
public sealed class UnknownActivityFormatException : ActivityFormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="fileName">The file that failed.</param>
    /// <param name="message">What was wrong.</param>
    public UnknownActivityFormatException(string fileName, string message)
        : base(fileName, message)
    {
    }
}
