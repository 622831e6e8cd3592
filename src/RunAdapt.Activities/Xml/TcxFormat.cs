using System.Xml;

namespace RunAdapt.Activities.Xml;

/// <summary>
/// Garmin Training Center XML: activities with laps (the lap summaries) and track points, with the
/// ActivityExtension v2 (speed, run cadence, watts). Track points without a time are left out.
/// </summary>
public sealed class TcxFormat : XmlActivityFormat
{
    /// <inheritdoc/>
    public override string Name => "tcx";

    /// <inheritdoc/>
    protected override string RootElement => "TrainingCenterDatabase";

    private protected override Activity Read(XmlReader reader, string fileName)
    {
        var samples = new List<ActivitySample>();
        var laps = new List<ActivitySummary>();
        var sport = Sport.Other;
        string? device = null;
        ActivitySummary? lap = null;
        var more = reader.Read();
        while (more)
        {
            // Reading an element's content leaves the reader on the next node already: don't skip it.
            var consumed = false;
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "Lap" && lap is not null)
            {
                laps.Add(lap);
                lap = null;
            }
            else if (reader.NodeType == XmlNodeType.Element)
            {
            switch (reader.LocalName)
            {
                case "Activity":
                    sport = reader.GetAttribute("Sport") switch
                    {
                        "Running" => Sport.Running,
                        "Biking" => Sport.Cycling,
                        _ => Sport.Other,
                    };
                    break;
                case "Lap":
                    lap = new ActivitySummary { Kind = SummaryKind.Lap, StartTimeUtc = Time(reader.GetAttribute("StartTime")), Sport = sport, SportName = sport.ToString().ToLowerInvariant() };
                    if (reader.IsEmptyElement)
                    {
                        laps.Add(lap);
                        lap = null;
                    }

                    break;
                case "TotalTimeSeconds" when lap is not null:
                    var seconds = Number(reader);
                    lap = lap with { TotalTimerSeconds = seconds, TotalElapsedSeconds = seconds };
                    consumed = true;
                    break;
                case "DistanceMeters" when lap is not null && reader.Depth == 4:
                    lap = lap with { TotalDistanceMetres = Number(reader) };
                    consumed = true;
                    break;
                case "Intensity" when lap is not null:
                    // TCX knows two: Active and Resting.
                    lap = lap with { Intensity = reader.ReadElementContentAsString() == "Resting" ? LapIntensity.Rest : LapIntensity.Active };
                    consumed = true;
                    break;
                case "AverageHeartRateBpm" when lap is not null:
                    lap = lap with { AverageHeartRateBeatsPerMinute = Value(reader) };
                    break;
                case "MaximumHeartRateBpm" when lap is not null:
                    lap = lap with { MaxHeartRateBeatsPerMinute = Value(reader) };
                    break;
                case "Trackpoint":
                    if (Trackpoint(reader) is { } sample)
                    {
                        samples.Add(sample);
                    }

                    break;
                case "Creator":
                    device = Creator(reader);
                    consumed = true;
                    break;
            }
            }

            more = consumed ? !reader.EOF : reader.Read();
        }

        samples.Sort((a, b) => a.TimestampUtc.CompareTo(b.TimestampUtc));
        return new Activity
        {
            SourceFormat = Name,
            Sport = sport,
            Device = device,
            StartTimeUtc = laps.FirstOrDefault()?.StartTimeUtc ?? (samples.Count > 0 ? samples[0].TimestampUtc : null),
            Samples = samples,
            Summaries = laps,
        };
    }

    /// <summary>The numeric <c>Value</c> child of an element such as <c>HeartRateBpm</c>.</summary>
    private static double? Value(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return null;
        }

        var depth = reader.Depth;
        double? value = null;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Value")
            {
                value = Number(reader);
                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth)
                {
                    break;
                }
            }
        }

        return value;
    }

    private static string? Creator(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return null;
        }

        var depth = reader.Depth;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Name")
            {
                return reader.ReadElementContentAsString().Trim();
            }
        }

        return null;
    }

    private static ActivitySample? Trackpoint(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            return null;
        }

        var depth = reader.Depth;
        DateTime? time = null;
        double? lat = null, lon = null, alt = null, distance = null, hr = null, cad = null, speed = null, watts = null;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth) && !reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            switch (reader.LocalName)
            {
                case "Time": time = Time(reader.ReadElementContentAsString()); break;
                case "LatitudeDegrees": lat = Number(reader); break;
                case "LongitudeDegrees": lon = Number(reader); break;
                case "AltitudeMeters": alt = Number(reader); break;
                case "DistanceMeters": distance = Number(reader); break;
                case "HeartRateBpm": hr = Value(reader); reader.Read(); break;
                case "Cadence" or "RunCadence": cad = Number(reader); break;
                case "Speed": speed = Number(reader); break;
                case "Watts": watts = Number(reader); break;
                default: reader.Read(); break;
            }
        }

        return time is { } t ? new ActivitySample(t, lat, lon, distance, speed, alt, hr, cad, watts) : null;
    }
}
