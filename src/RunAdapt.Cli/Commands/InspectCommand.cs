using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RunAdapt.Activities;

namespace RunAdapt.Cli.Commands;

/// <summary><c>runadapt inspect FILE --json</c>: the decoded activity, record by record.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A FIT, TCX or GPX file (optionally .gz)." };
        var json = new Option<bool>("--json") { Description = "Print JSON lines: one object per record, then one per lap and session." };
        var command = new Command("inspect", "Decode one activity file and print what it holds.") { file, json };
        command.SetAction(int (parse) =>
        {
            var path = parse.GetValue(file)!;
            var activities = ActivityFiles.Decode(path);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                WriteJsonLines(activities, output);
            }
            else
            {
                WriteSummary(path, activities, output);
            }

            var problem = activities.SelectMany(a => a.Problems).FirstOrDefault();
            if (problem is not null)
            {
                parse.InvocationConfiguration.Error.WriteLine(problem.UserMessage);
                return CliApp.BadInput;
            }

            return CliApp.Success;
        });
        return command;
    }

    /// <summary>Writes DESIGN.md's JSON lines: records first, then laps, then sessions, across all activities.</summary>
    internal static void WriteJsonLines(IReadOnlyList<Activity> activities, TextWriter output)
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

    private static void WriteSummary(FileInfo path, IReadOnlyList<Activity> activities, TextWriter output)
    {
        output.WriteLine($"{path.Name}: {activities.Count} activit{(activities.Count == 1 ? "y" : "ies")}");
        foreach (var a in activities)
        {
            var distance = a.Samples.LastOrDefault(s => s.DistanceMetres is not null).DistanceMetres
                ?? a.Summaries.FirstOrDefault(s => s.Kind == SummaryKind.Session)?.TotalDistanceMetres;
            var duration = a.Samples.Count > 1 ? a.Samples[^1].TimestampUtc - a.Samples[0].TimestampUtc : TimeSpan.Zero;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {a.SourceFormat} {a.Sport.ToString().ToLowerInvariant()} {(a.StartTimeUtc is { } t ? Iso(t) : "no start time")} " +
                $"records={a.Samples.Count} laps={a.Summaries.Count(s => s.Kind == SummaryKind.Lap)} " +
                $"distance={(distance is { } d ? $"{d / 1000:0.00} km" : "n/a")} duration={duration:hh\\:mm\\:ss} device={a.Device ?? "unknown"}"));
        }
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
    }
}
