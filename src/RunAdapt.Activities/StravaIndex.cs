using System.IO.Compression;
using System.Text;

namespace RunAdapt.Activities;

/// <summary>Reads Strava's bulk-export index, <c>activities.csv</c>: title and type per activity file.</summary>
internal static class StravaIndex
{
    /// <summary>The index by file name inside the archive (e.g. <c>activities/123.fit.gz</c>); empty if the columns are missing.</summary>
    public static Dictionary<string, ActivityMetadata> Read(ZipArchiveEntry entry)
    {
        if (entry.Length > 64 * 1024 * 1024)
        {
            return [];
        }

        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        var rows = Parse(reader.ReadToEnd());
        if (rows.Count == 0)
        {
            return [];
        }

        var header = rows[0];
        int Column(string name) => header.FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
        var (file, title, type, exertion) = (Column("Filename"), Column("Activity Name"), Column("Activity Type"), Column("Perceived Exertion"));
        if (file < 0)
        {
            return [];
        }

        var index = new Dictionary<string, ActivityMetadata>(StringComparer.Ordinal);
        foreach (var row in rows.Skip(1))
        {
            if (file < row.Count && row[file].Length > 0)
            {
                index[row[file]] = new ActivityMetadata(
                    title >= 0 && title < row.Count ? row[title] : null,
                    type >= 0 && type < row.Count ? SportOf(row[type]) : null,
                    exertion >= 0 && exertion < row.Count && double.TryParse(row[exertion], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var rpe) && rpe is > 0 and <= 10 ? rpe : null);
            }
        }

        return index;
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
