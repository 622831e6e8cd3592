using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace RunAdapt.Activities;

/// <summary>What a Strava export's <c>activities.csv</c> says: title, type and rating per activity file, and the activities entered by hand (no file).</summary>
/// <param name="Files">The index by file name inside the archive (e.g. <c>activities/123.fit.gz</c>).</param>
/// <param name="Manual">Manual activities (rows without a file) with a sport that moves, a time and a distance: one input each.</param>
internal sealed record StravaExportIndex(Dictionary<string, ActivityMetadata> Files, IReadOnlyList<(string Id, byte[] Entry, ActivityMetadata Metadata)> Manual)
{
    /// <summary>An export without an index.</summary>
    public static StravaExportIndex Empty { get; } = new([], []);
}

/// <summary>Reads Strava's bulk-export index, <c>activities.csv</c>: title and type per activity file, and the manual activities.</summary>
internal static class StravaIndex
{
    /// <summary>Strava writes the activity's date in US English: <c>Mar 4, 2025, 7:12:44 AM</c> (UTC); other writers ISO 8601.</summary>
    private static readonly string[] DateFormats = ["MMM d, yyyy, h:mm:ss tt", "MMM d, yyyy h:mm:ss tt", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss"];

    /// <summary>The index; empty if the file is too large or has no <c>Filename</c> column.</summary>
    public static StravaExportIndex Read(ZipArchiveEntry entry)
    {
        if (entry.Length > 64 * 1024 * 1024)
        {
            return StravaExportIndex.Empty;
        }

        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        var rows = Parse(reader.ReadToEnd());
        if (rows.Count == 0)
        {
            return StravaExportIndex.Empty;
        }

        // Strava's header names some columns twice: the first "Elapsed Time" and "Distance" are the summary's (seconds,
        // kilometres), the later ones the detail's (seconds, metres), next to "Moving Time".
        var header = rows[0];
        int Column(string name) => header.FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
        int LastColumn(string name) => header.FindLastIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
        var (file, title, type, exertion) = (Column("Filename"), Column("Activity Name"), Column("Activity Type"), Column("Perceived Exertion"));
        if (file < 0)
        {
            return StravaExportIndex.Empty;
        }

        var (id, date, moving, elapsed, heartRate) = (Column("Activity ID"), Column("Activity Date"), LastColumn("Moving Time"), Column("Elapsed Time"), Column("Average Heart Rate"));
        var (distance, distanceInMetres) = Column("Distance") == LastColumn("Distance") ? (Column("Distance"), false) : (LastColumn("Distance"), true);
        var index = new Dictionary<string, ActivityMetadata>(StringComparer.Ordinal);
        var manual = new List<(string, byte[], ActivityMetadata)>();
        foreach (var row in rows.Skip(1))
        {
            string? Cell(int column) => column >= 0 && column < row.Count && row[column].Trim() is { Length: > 0 } text ? text : null;
            double? Number(int column) => Cell(column) is { } text && double.TryParse(text, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;
            var metadata = new ActivityMetadata(Cell(title), Cell(type) is { } t ? SportOf(t) : null, Number(exertion) is { } rpe && rpe is > 0 and <= 10 ? rpe : null);
            if (Cell(file) is { } name)
            {
                index[name] = metadata;
            }
            else if (metadata.Sport is Sport.Running or Sport.Cycling or Sport.Swimming or Sport.Walking
                && DateTime.TryParseExact(Cell(date), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start)
                && (Number(moving) ?? Number(elapsed)) is > 0 and var seconds
                && Number(distance) * (distanceInMetres ? 1 : 1000) is > 0 and var metres)
            {
                // Entered by hand (a treadmill run, a forgotten watch): one steady activity of that time and distance.
                var key = Cell(id) ?? start.ToString("O", CultureInfo.InvariantCulture);
                manual.Add((key, ManualEntryFormat.Write(start, metadata.Sport.Value, seconds, metres, Number(heartRate) is > 30 and < 250 and var hr ? hr : null, $"Strava manual entry {key}"), metadata));
            }
        }

        return new StravaExportIndex(index, manual);
    }

    /// <summary>Strava's activity types, as far as RunAdapt tells them apart.</summary>
    public static Sport? SportOf(string type) => type.Trim() switch
    {
        "Run" or "Trail Run" or "Virtual Run" => Sport.Running,
        "Ride" or "Virtual Ride" or "Gravel Ride" or "Mountain Bike Ride" or "E-Bike Ride" => Sport.Cycling,
        "Swim" => Sport.Swimming,
        "Walk" or "Hike" => Sport.Walking,
        "Weight Training" or "Workout" or "Crossfit" => Sport.Strength,
        _ => null,
    };

    /// <summary>RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks.</summary>
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
