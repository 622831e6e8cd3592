using System.Globalization;
using System.Text;

namespace RunAdapt.Activities;

/// <summary>
/// An activity entered by hand in an export (a Strava manual activity: a row of <c>activities.csv</c> without a file):
/// its day and time, sport, moving time, distance and mean heart rate, as a few <c>key=value</c> lines after the magic
/// <c>#runadapt-manual-entry 1</c>. Decoded into steady samples every <see cref="SampleSeconds"/> at the mean speed
/// (and heart rate), so it is analysed, stored, listed and excluded like any recorded activity; it has no grade,
/// repeats or best efforts of its own.
/// </summary>
public sealed class ManualEntryFormat : IActivityFormat
{
    /// <summary>The first line of every manual entry.</summary>
    public const string Magic = "#runadapt-manual-entry 1";

    /// <summary>Seconds between the synthetic samples (under the analysis's 10 s pause).</summary>
    public const double SampleSeconds = 5;

    /// <summary>The longest entry read: two days.</summary>
    private const double MaxSeconds = 2 * 86400;

    /// <inheritdoc/>
    public string Name => "manual";

    /// <inheritdoc/>
    public int HeaderSize => Magic.Length;

    /// <inheritdoc/>
    public bool IsMatch(ReadOnlySpan<byte> header) => header.StartsWith(Encoding.ASCII.GetBytes(Magic));

    /// <summary>Writes an entry.</summary>
    /// <param name="startUtc">When it started (UTC).</param>
    /// <param name="sport">The sport.</param>
    /// <param name="seconds">Moving time, in seconds.</param>
    /// <param name="metres">Distance, in metres.</param>
    /// <param name="heartRate">Mean heart rate, if entered.</param>
    /// <param name="source">Where it was entered, for the device column (e.g. <c>Strava manual entry 123</c>).</param>
    public static byte[] Write(DateTime startUtc, Sport sport, double seconds, double metres, double? heartRate, string source) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{Magic}\nsource={source.Replace('\n', ' ')}\nstart={startUtc:yyyy-MM-ddTHH:mm:ssZ}\nsport={sport.ToString().ToLowerInvariant()}\nseconds={seconds:R}\nmetres={metres:R}\n{(heartRate is { } hr ? $"heart_rate={hr:R}\n" : "")}"));

    /// <inheritdoc/>
    public IReadOnlyList<Activity> Decode(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line && values.Count < 16)
        {
            if (line.Split('=', 2) is [var key, var value])
            {
                values[key.Trim()] = value.Trim();
            }
        }

        double Number(string key, double low, double high) =>
            values.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= low && v <= high ? v
                : throw new InvalidActivityFileException(fileName, 0, $"a manual entry needs '{key}' between {low} and {high}");
        var start = values.TryGetValue("start", out var s) && DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t) ? t
            : throw new InvalidActivityFileException(fileName, 0, "a manual entry needs its 'start' time");
        var sport = values.TryGetValue("sport", out var name) && Enum.TryParse<Sport>(name, ignoreCase: true, out var parsed) ? parsed : Sport.Other;
        var seconds = Number("seconds", 1, MaxSeconds);
        var metres = Number("metres", 0, 1_000_000);
        double? heartRate = values.ContainsKey("heart_rate") ? Number("heart_rate", 30, 250) : null;
        var samples = new List<ActivitySample>((int)(seconds / SampleSeconds) + 2);
        for (var at = 0.0; ; at = Math.Min(seconds, at + SampleSeconds))
        {
            samples.Add(new ActivitySample(start.AddSeconds(at), DistanceMetres: metres * at / seconds, HeartRateBeatsPerMinute: heartRate));
            if (at >= seconds)
            {
                break;
            }
        }

        return [new Activity
        {
            SourceFormat = Name, Sport = sport, StartTimeUtc = start, Samples = samples, Device = values.GetValueOrDefault("source"),
            Summaries = [new ActivitySummary { Kind = SummaryKind.Session, StartTimeUtc = start, Sport = sport, TotalTimerSeconds = seconds, TotalElapsedSeconds = seconds, TotalDistanceMetres = metres, AverageHeartRateBeatsPerMinute = heartRate }],
        }];
    }
}
