namespace RunAdapt.Activities.Fit;

/// <summary>One field of a message in Garmin's FIT profile.</summary>
/// <param name="Number">Field definition number.</param>
/// <param name="Name">Profile name (camelCase as in the SDK).</param>
/// <param name="BaseType">FIT base type code.</param>
/// <param name="Type">Profile type name (e.g. <c>dateTime</c>, <c>sport</c>).</param>
/// <param name="Scale">Divide the raw value by this.</param>
/// <param name="Offset">Then subtract this.</param>
/// <param name="Units">Units of the scaled value.</param>
/// <param name="Accumulated">Whether values of this field accumulate across messages when set from components.</param>
/// <param name="Components">Target field numbers this field expands into.</param>
/// <param name="Bits">Bits per component.</param>
/// <param name="ComponentScales">Scale of each component.</param>
/// <param name="ComponentOffsets">Offset of each component.</param>
internal sealed record FitFieldProfile(
    int Number, string Name, byte BaseType, string Type, double Scale, double Offset, string Units, bool Accumulated,
    int[] Components, int[] Bits, double[] ComponentScales, double[] ComponentOffsets)
{
    /// <summary>Name and units, made once and shared by every decoded value of the field.</summary>
    public FitFieldLabel Label { get; } = new(Name, Units);
}

/// <summary>One message of Garmin's FIT profile with its fields indexed by number.</summary>
internal sealed class FitMessageProfile
{
    private readonly FitFieldProfile?[] _byNumber = new FitFieldProfile?[256];

    public FitMessageProfile(int number, string name, FitFieldProfile[] fields)
    {
        Number = number;
        Name = name;
        foreach (var field in fields)
        {
            _byNumber[field.Number] = field;
        }
    }

    public int Number { get; }

    public string Name { get; }

    public FitFieldProfile? Field(int number) => _byNumber[number];

    /// <summary>The number of the field with this profile name; throws for a name the profile lacks (a programming error).</summary>
    public int FieldNumber(string name) =>
        Array.Find(_byNumber, f => f?.Name == name)?.Number ?? throw new ArgumentException($"no field '{name}' in FIT message '{Name}'", nameof(name));
}

/// <summary>The FIT profile as data (generated from Garmin's SDK by tools/fit-profile/generate.mjs).</summary>
internal static partial class FitProfile
{
    private static readonly FitMessageProfile?[] Messages = Index(CreateMessages());
    private static readonly Dictionary<int, string> Sports = CreateSports();
    private static readonly Dictionary<int, string> Manufacturers = CreateManufacturers();

    /// <summary>The profile name of a manufacturer value (<c>garmin</c>), or <c>null</c>.</summary>
    public static string? ManufacturerName(int value) => Manufacturers.GetValueOrDefault(value);

    /// <summary>The profile of a global message number, or <c>null</c> for messages the profile does not know.</summary>
    public static FitMessageProfile? Message(int globalNumber) => Messages[globalNumber];

    /// <summary>The profile name of a sport value (<c>running</c>), or <c>null</c>.</summary>
    public static string? SportName(int value) => Sports.GetValueOrDefault(value);

    private static FitMessageProfile?[] Index(FitMessageProfile[] messages)
    {
        var index = new FitMessageProfile?[65536];
        foreach (var m in messages)
        {
            index[m.Number] = m;
        }

        return index;
    }
}
