namespace RunAdapt.Activities.Fit;

/// <summary>One decoded field value of a FIT message.</summary>
/// <param name="Number">Field definition number (developer fields: the developer field number).</param>
/// <param name="Name">Profile name (developer fields: the name from their field description), or <c>null</c> when unknown.</param>
/// <param name="Value">The scaled scalar value, or the first element of an array; NaN for a string or byte field.</param>
/// <param name="Values">All elements, scaled, when the field is an array; otherwise <c>null</c>.</param>
/// <param name="Text">The value of a string field; otherwise <c>null</c>.</param>
/// <param name="Units">The units of the scaled value, from the profile or the developer field description.</param>
/// <param name="DeveloperDataIndex">The developer data index for a developer field, -1 for a profile field.</param>
public readonly record struct FitField(
    int Number, string? Name, double Value, double[]? Values, string? Text, string? Units, int DeveloperDataIndex = -1)
{
    /// <summary>Whether this is a developer field.</summary>
    public bool IsDeveloperField => DeveloperDataIndex >= 0;
}

/// <summary>
/// A decoded FIT data message. The decoder reuses one instance for every message it reports, so a handler must copy
/// what it keeps before returning: that is what keeps memory flat however long the file.
/// </summary>
public sealed class FitMessage
{
    private FitField[] _fields = new FitField[32];

    /// <summary>The global message number (20 = record, 19 = lap, 18 = session ...).</summary>
    public int GlobalNumber { get; internal set; }

    /// <summary>The profile name of the message (<c>record</c>), or <c>null</c> for a message the profile does not know.</summary>
    public string? Name { get; internal set; }

    /// <summary>Byte offset of the message's record header in the input.</summary>
    public long ByteOffset { get; internal set; }

    /// <summary>Index of the FIT file within a chained stream (0 for the first).</summary>
    public int FileIndex { get; internal set; }

    /// <summary>Number of valid fields in the message (invalid values are left out).</summary>
    public int FieldCount { get; private set; }

    /// <summary>The fields, in definition order, expanded components last.</summary>
    public ReadOnlySpan<FitField> Fields => _fields.AsSpan(0, FieldCount);

    /// <summary>The scaled value of a profile field, or NaN when the message has no valid value for it.</summary>
    /// <param name="fieldNumber">The field definition number.</param>
    public double Get(int fieldNumber)
    {
        foreach (ref readonly var f in Fields)
        {
            if (f.Number == fieldNumber && f.DeveloperDataIndex < 0)
            {
                return f.Value;
            }
        }

        return double.NaN;
    }

    /// <summary>Whether the message holds a valid value for a profile field.</summary>
    /// <param name="fieldNumber">The field definition number.</param>
    public bool Has(int fieldNumber)
    {
        foreach (ref readonly var f in Fields)
        {
            if (f.Number == fieldNumber && f.DeveloperDataIndex < 0)
            {
                return true;
            }
        }

        return false;
    }

    internal void Reset(int globalNumber, string? name, long offset, int fileIndex)
    {
        GlobalNumber = globalNumber;
        Name = name;
        ByteOffset = offset;
        FileIndex = fileIndex;
        FieldCount = 0;
    }

    internal void Add(in FitField field)
    {
        if (FieldCount == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }

        _fields[FieldCount++] = field;
    }
}
