namespace RunAdapt.Activities.Fit;

/// <summary>One decoded field value of a FIT message.</summary>
/// <remarks>
/// Holds two references (name and units together, array or text together) rather than four: the decoder writes
/// millions of these into its reused buffer, and every reference stored costs a GC write barrier.
/// </remarks>
public readonly record struct FitField
{
    private readonly FitFieldLabel? _label;
    private readonly object? _payload;

    /// <summary>Creates a field value.</summary>
    /// <param name="number">Field definition number (developer fields: the developer field number).</param>
    /// <param name="name">Profile name (developer fields: the name from their field description), or <c>null</c> when unknown.</param>
    /// <param name="value">The scaled scalar value, or the first element of an array; NaN for a string or byte field.</param>
    /// <param name="values">All elements, scaled, when the field is an array; otherwise <c>null</c>.</param>
    /// <param name="text">The value of a string field; otherwise <c>null</c>.</param>
    /// <param name="units">The units of the scaled value.</param>
    /// <param name="developerDataIndex">The developer data index for a developer field, -1 for a profile field.</param>
    public FitField(int number, string? name, double value, double[]? values, string? text, string? units, int developerDataIndex = -1)
        : this(number, name is null && units is null ? null : new FitFieldLabel(name, units), value, (object?)values ?? text, developerDataIndex)
    {
    }

    internal FitField(int number, FitFieldLabel? label, double value, object? payload, int developerDataIndex = -1)
    {
        Number = number;
        _label = label;
        Value = value;
        _payload = payload;
        DeveloperDataIndex = developerDataIndex;
    }

    /// <summary>Field definition number (developer fields: the developer field number).</summary>
    public int Number { get; }

    /// <summary>Profile name (developer fields: the name from their field description), or <c>null</c> when unknown.</summary>
    public string? Name => _label?.Name;

    /// <summary>The scaled scalar value, or the first element of an array; NaN for a string or byte field.</summary>
    public double Value { get; }

    /// <summary>All elements, scaled, when the field is an array; otherwise <c>null</c>.</summary>
    public double[]? Values => _payload as double[];

    /// <summary>The value of a string field; otherwise <c>null</c>.</summary>
    public string? Text => _payload as string;

    /// <summary>The units of the scaled value, from the profile or the developer field description.</summary>
    public string? Units => _label?.Units;

    /// <summary>The developer data index for a developer field, -1 for a profile field.</summary>
    public int DeveloperDataIndex { get; }

    /// <summary>Whether this is a developer field.</summary>
    public bool IsDeveloperField => DeveloperDataIndex >= 0;
}

/// <summary>A field's name and units, shared by every value of that field.</summary>
/// <param name="Name">The name.</param>
/// <param name="Units">The units.</param>
internal sealed record FitFieldLabel(string? Name, string? Units);

/// <summary>
/// A decoded FIT data message. The decoder reuses one instance for every message it reports, so a handler must copy
/// what it keeps before returning: that is what keeps memory flat however long the file.
/// </summary>
public sealed class FitMessage
{
    private FitField[] _fields = new FitField[32];

    // Per field number, 1 + the index of its first profile field in this message (0: none). Field numbers are bytes.
    private readonly int[] _slots = new int[256];

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
    public double Get(int fieldNumber) =>
        (uint)fieldNumber < (uint)_slots.Length && _slots[fieldNumber] is > 0 and var slot ? _fields[slot - 1].Value : double.NaN;

    /// <summary>Whether the message holds a valid value for a profile field.</summary>
    /// <param name="fieldNumber">The field definition number.</param>
    public bool Has(int fieldNumber) => (uint)fieldNumber < (uint)_slots.Length && _slots[fieldNumber] > 0;

    internal void Reset(int globalNumber, string? name, long offset, int fileIndex)
    {
        GlobalNumber = globalNumber;
        Name = name;
        ByteOffset = offset;
        FileIndex = fileIndex;
        foreach (ref readonly var f in Fields)
        {
            if (f.Number < _slots.Length)
            {
                _slots[f.Number] = 0;
            }
        }

        FieldCount = 0;
    }

    internal void Add(in FitField field)
    {
        if (FieldCount == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }

        Index(field.Number, field.DeveloperDataIndex);
        _fields[FieldCount++] = field;
    }

    /// <summary>Remembers where the first profile field of a number is, so <see cref="Get"/> is a lookup, not a search.</summary>
    private void Index(int number, int developerIndex)
    {
        if (developerIndex < 0 && (uint)number < (uint)_slots.Length && _slots[number] == 0)
        {
            _slots[number] = FieldCount + 1;
        }
    }

    /// <summary>Adds a scalar field, built in its slot (no struct copy: this is the decoder's hottest line).</summary>
    internal void AddScalar(int number, FitFieldLabel? label, double value, int developerIndex)
    {
        if (FieldCount == _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }

        Index(number, developerIndex);
        _fields[FieldCount++] = new FitField(number, label, value, null, developerIndex);
    }
}
