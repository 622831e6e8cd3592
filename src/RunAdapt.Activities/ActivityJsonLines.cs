using System.Globalization;
using System.Text.Json;

namespace RunAdapt.Activities;

/// <summary>
/// The JSON-lines view of decoded activities that <c>runadapt inspect --json</c> prints (DESIGN.md): one object per
/// record, then one per lap, then one per session; a channel without a value is left out.
/// </summary>
public static class ActivityJsonLines
{
    /// <summary>Writes the JSON lines: records first, then laps, then sessions, across all activities.</summary>
    /// <param name="activities">The decoded activities, in order.</param>
    /// <param name="output">Where the lines go.</param>
    public static void Write(IReadOnlyList<Activity> activities, TextWriter output)
    {
        var buffer = new MemoryStream();
        void Line(Action<Utf8JsonWriter> write)
        {
            buffer.SetLength(0);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                write(writer);
                writer.WriteEndObject();
            }

            output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }

        foreach (var sample in activities.SelectMany(a => a.Samples))
        {
            Line(w =>
            {
                w.WriteString("type", "record");
                w.WriteString("timestamp", Iso(sample.TimestampUtc));
                Number(w, "lat", sample.LatitudeDegrees);
                Number(w, "lon", sample.LongitudeDegrees);
                Number(w, "distance_m", sample.DistanceMetres);
                Number(w, "speed_mps", sample.SpeedMetresPerSecond);
                Number(w, "altitude_m", sample.AltitudeMetres);
                Number(w, "heart_rate", sample.HeartRateBeatsPerMinute);
                Number(w, "cadence", sample.CadencePerMinute);
                Number(w, "power", sample.PowerWatts);
            });
        }

        foreach (var kind in new[] { SummaryKind.Lap, SummaryKind.Session })
        {
            foreach (var s in activities.SelectMany(a => a.Summaries).Where(s => s.Kind == kind))
            {
                Line(w =>
                {
                    w.WriteString("type", kind == SummaryKind.Lap ? "lap" : "session");
                    if (s.StartTimeUtc is { } start)
                    {
                        w.WriteString("start_time", Iso(start));
                    }

                    if (s.TimestampUtc is { } end)
                    {
                        w.WriteString("timestamp", Iso(end));
                    }

                    if ((s.SportName ?? s.Sport?.ToString().ToLowerInvariant()) is { } sport)
                    {
                        w.WriteString("sport", sport);
                    }

                    Number(w, "total_elapsed_time_s", s.TotalElapsedSeconds);
                    Number(w, "total_timer_time_s", s.TotalTimerSeconds);
                    Number(w, "total_distance_m", s.TotalDistanceMetres);
                    Number(w, "total_ascent_m", s.TotalAscentMetres);
                    Number(w, "avg_heart_rate", s.AverageHeartRateBeatsPerMinute);
                    Number(w, "max_heart_rate", s.MaxHeartRateBeatsPerMinute);
                });
            }
        }
    }

    /// <summary>ISO 8601 UTC with milliseconds, as the JSON lines carry timestamps.</summary>
    /// <param name="utc">A UTC time.</param>
    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
    }
}
