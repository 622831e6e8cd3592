using System.Xml;

namespace RunAdapt.Activities.Xml;

/// <summary>
/// GPX 1.0 and 1.1 tracks (all tracks and segments of a file make one activity), with Garmin's
/// TrackPointExtension (heart rate, cadence, temperature, speed) and power extensions. Track points without a time
/// cannot be placed on the time axis and are left out; distance comes from the positions.
/// </summary>
public sealed class GpxFormat : XmlActivityFormat
{
    /// <inheritdoc/>
    public override string Name => "gpx";

    /// <inheritdoc/>
    protected override string RootElement => "gpx";

    private protected override Activity Read(XmlReader reader, string fileName)
    {
        var samples = new List<ActivitySample>();
        string? creator = null;
        var sport = Sport.Other;
        double distance = 0;
        ActivitySample? previous = null;
        var more = reader.Read();
        while (more)
        {
            // Reading an element's content leaves the reader on the next node already: don't skip it.
            var consumed = false;
            if (reader.NodeType == XmlNodeType.Element)
            {
            switch (reader.LocalName)
            {
                case "gpx":
                    creator = reader.GetAttribute("creator");
                    break;
                case "type" when reader.Depth == 2:
                    sport = reader.ReadElementContentAsString().Trim().ToLowerInvariant() switch
                    {
                        "running" or "run" or "9" => Sport.Running,
                        "cycling" or "biking" or "ride" or "1" => Sport.Cycling,
                        "walking" or "hiking" => Sport.Walking,
                        _ => Sport.Other,
                    };
                    consumed = true;
                    break;
                case "trkpt":
                    var point = Point(reader);
                    if (point is { } p)
                    {
                        if (previous is { LatitudeDegrees: { } lat0, LongitudeDegrees: { } lon0 } && p is { LatitudeDegrees: { } lat1, LongitudeDegrees: { } lon1 })
                        {
                            distance += Haversine(lat0, lon0, lat1, lon1);
                        }

                        var sample = p with { DistanceMetres = distance };
                        samples.Add(sample);
                        previous = sample;
                    }

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
            Device = creator,
            StartTimeUtc = samples.Count > 0 ? samples[0].TimestampUtc : null,
            Samples = samples,
        };
    }

    private static ActivitySample? Point(XmlReader reader)
    {
        var lat = NumberAttribute(reader, "lat");
        var lon = NumberAttribute(reader, "lon");
        DateTime? time = null;
        double? ele = null, hr = null, cad = null, temp = null, speed = null, power = null;
        if (!reader.IsEmptyElement)
        {
            var depth = reader.Depth;
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
                    case "ele": ele = Number(reader); break;
                    case "time": time = Time(reader.ReadElementContentAsString()); break;
                    case "hr" or "heartrate": hr = Number(reader); break;
                    case "cad" or "cadence": cad = Number(reader); break;
                    case "atemp" or "temp": temp = Number(reader); break;
                    case "speed": speed = Number(reader); break;
                    case "power" or "PowerInWatts": power = Number(reader); break;
                    default: reader.Read(); break;
                }
            }
        }

        return time is { } t
            ? new ActivitySample(t, lat, lon, null, speed, ele, hr, cad, power, temp)
            : null;
    }

    private static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        const double EarthRadius = 6371008.8;
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLon = double.DegreesToRadians(lon2 - lon1);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) +
                (Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
