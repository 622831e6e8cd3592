using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace RunAdapt.Activities;

/// <summary>
/// What a Garmin Connect export ("Export your data") says about its owner: <c>DI_CONNECT/DI-Connect-User/user_profile.json</c>
/// (<c>gender</c>, <c>birthDate</c>), <c>DI_CONNECT/DI-Connect-Wellness/*_userBioMetricProfileData.json</c> (<c>height</c>
/// in cm, <c>weight</c> in grams, <c>vo2Max</c>) and <c>DI_CONNECT/DI-Connect-Wellness/*_heartRateZones.json</c> (the
/// watch's <c>maxHeartRateUsed</c> and <c>restingHeartRateUsed</c>, the running or default entry). Every field is
/// optional; values outside human ranges are left out.
/// </summary>
/// <param name="Source">The export it came from.</param>
/// <param name="Female">Whether the owner is female, if said.</param>
/// <param name="BirthDate">The owner's birth date, if said.</param>
/// <param name="HeightCentimetres">Height, in cm.</param>
/// <param name="MassKilograms">Body mass, in kg.</param>
/// <param name="Vo2Max">The watch's VO2max estimate, in ml/kg/min.</param>
/// <param name="HeartRateMax">The maximal heart rate the watch uses, in bpm.</param>
/// <param name="HeartRateRest">The resting heart rate the watch uses, in bpm.</param>
public sealed record ExportProfile(string Source, bool? Female = null, DateOnly? BirthDate = null, double? HeightCentimetres = null, double? MassKilograms = null,
    double? Vo2Max = null, double? HeartRateMax = null, double? HeartRateRest = null)
{
    /// <summary>The largest profile file read, in bytes (they hold a few hundred).</summary>
    private const long MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Whether it says anything.</summary>
    public bool IsEmpty => this == new ExportProfile(Source);

    /// <summary>The profile in a Garmin Connect export (a <c>.zip</c> or its unpacked folder), or <c>null</c> when the path holds none.</summary>
    /// <param name="path">What the user imports: a file or folder.</param>
    public static ExportProfile? Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            if (Directory.Exists(path))
            {
                var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true, MaxRecursionDepth = 4 };
                var files = Directory.EnumerateFiles(path, "*.json", options).Where(f => IsProfileFile(f.Replace('\\', '/'))).Take(16)
                    .Where(f => new FileInfo(f).Length <= MaxFileBytes).Select(f => (Name: f.Replace('\\', '/'), Text: File.ReadAllText(f)));
                return From(path, files);
            }

            if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) || !File.Exists(path))
            {
                return null;
            }

            using var zip = ZipFile.OpenRead(path);
            var entries = zip.Entries.Where(e => IsProfileFile(e.FullName) && e.Length <= MaxFileBytes).Take(16)
                .Select(e =>
                {
                    using var reader = new StreamReader(e.Open());
                    return (Name: e.FullName, Text: reader.ReadToEnd());
                }).ToList();
            return From(path, entries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // An unreadable export is the import's to report; the profile is a bonus.
            return null;
        }
    }

    private static bool IsProfileFile(string name) =>
        name.Contains("DI-Connect-", StringComparison.Ordinal)
        && (name.EndsWith("/user_profile.json", StringComparison.OrdinalIgnoreCase) || name.EndsWith("userBioMetricProfileData.json", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("heartRateZones.json", StringComparison.OrdinalIgnoreCase));

    private static ExportProfile? From(string source, IEnumerable<(string Name, string Text)> files)
    {
        var profile = new ExportProfile(source);
        foreach (var (name, text) in files)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
            }
            catch (JsonException)
            {
                continue;
            }

            using (document)
            {
                var rows = document.RootElement.ValueKind == JsonValueKind.Array ? [.. document.RootElement.EnumerateArray()] : new List<JsonElement> { document.RootElement };
                rows = [.. rows.Where(r => r.ValueKind == JsonValueKind.Object)];
                if (name.EndsWith("user_profile.json", StringComparison.OrdinalIgnoreCase) && rows.FirstOrDefault() is { ValueKind: JsonValueKind.Object } user)
                {
                    profile = profile with
                    {
                        Female = Text(user, "gender")?.ToUpperInvariant() switch { "FEMALE" => true, "MALE" => false, _ => profile.Female },
                        BirthDate = DateOnly.TryParse(Text(user, "birthDate")?.Split('T')[0], CultureInfo.InvariantCulture, out var born) && born.Year >= 1900 ? born : profile.BirthDate,
                    };
                }
                else if (name.EndsWith("userBioMetricProfileData.json", StringComparison.OrdinalIgnoreCase) && rows.FirstOrDefault() is { ValueKind: JsonValueKind.Object } bio)
                {
                    // The weight is in grams (70 000); a value that is already kilograms is taken as such.
                    var weight = Number(bio, "weight") is { } w ? (w > 1000 ? w / 1000 : w) : (double?)null;
                    profile = profile with
                    {
                        HeightCentimetres = Within(Number(bio, "height"), 100, 250) ?? profile.HeightCentimetres,
                        MassKilograms = Within(weight, 25, 250) ?? profile.MassKilograms,
                        Vo2Max = Within(Number(bio, "vo2Max"), 15, 95) ?? profile.Vo2Max,
                    };
                }
                else if (name.EndsWith("heartRateZones.json", StringComparison.OrdinalIgnoreCase) && Zones(rows) is { ValueKind: JsonValueKind.Object } zones)
                {
                    profile = profile with
                    {
                        HeartRateMax = Within(Number(zones, "maxHeartRateUsed"), 120, 230) ?? profile.HeartRateMax,
                        HeartRateRest = Within(Number(zones, "restingHeartRateUsed"), 25, 110) ?? profile.HeartRateRest,
                    };
                }
            }
        }

        return profile.IsEmpty ? null : profile;
    }

    /// <summary>The running zones' entry, else the default one.</summary>
    private static JsonElement Zones(List<JsonElement> rows) =>
        rows.FirstOrDefault(r => Text(r, "sport") == "RUNNING") is { ValueKind: JsonValueKind.Object } running ? running : rows.FirstOrDefault(r => Text(r, "sport") is "DEFAULT" or null);

    private static string? Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var v) ? v : null;

    private static double? Within(double? value, double low, double high) => value is { } v && v >= low && v <= high ? v : null;
}
