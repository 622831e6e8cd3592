using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using RunAdapt.Activities;
using RunAdapt.Analysis;
using RunAdapt.Core;
using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;
using RunAdapt.Reports;
using RunAdapt.Storage;

namespace RunAdapt.Web;

/// <summary>One channel of a run over its distance.</summary>
/// <param name="Name">A stable identifier (<c>pace</c>, <c>heart-rate</c>, <c>elevation</c>, <c>cadence</c>).</param>
/// <param name="Title">Its heading.</param>
/// <param name="Unit">The unit of its values.</param>
/// <param name="Values">One value per distance of the page's profile (<c>null</c> where the channel has none).</param>
public sealed record RunChannel(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("values")] IReadOnlyList<double?> Values);

/// <summary>One of the device's laps on a run's page, in SI units.</summary>
/// <param name="Number">Its number, from 1.</param>
/// <param name="StartUtc">When it started (UTC).</param>
/// <param name="Seconds">Its time, in seconds.</param>
/// <param name="DistanceMetres">Its distance, in metres.</param>
/// <param name="Pace">Its pace in the profile's unit, as shown (<c>7:40</c>).</param>
/// <param name="AverageHeartRate">Mean heart rate, in bpm, if known.</param>
/// <param name="ElevationGainMetres">Elevation gained, in metres, if known.</param>
/// <param name="Intensity">What the lap was meant to be (<c>active</c>, <c>rest</c>, <c>warmup</c> ...), if the file says.</param>
public sealed record RunLap(
    [property: JsonPropertyName("number")] int Number,
    [property: JsonPropertyName("start")] DateTime StartUtc,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("distance_m")] double DistanceMetres,
    [property: JsonPropertyName("pace")] string Pace,
    [property: JsonPropertyName("avg_hr")] double? AverageHeartRate,
    [property: JsonPropertyName("gain_m")] double? ElevationGainMetres,
    [property: JsonPropertyName("intensity")] string? Intensity);

/// <summary>A run's page: what it was, its route, its channels over distance, its laps and splits, what the analysis found, and its share of the model's answer.</summary>
/// <param name="Id">The activity's id in the store.</param>
/// <param name="Title">The day, sport and distance.</param>
/// <param name="Facts">The run in figures (time, distance, pace, load and how it was estimated, kind, cadence).</param>
/// <param name="Held">What the analysis found, in a line.</param>
/// <param name="Route">The track as an SVG polyline (no map tiles), or <c>null</c> without positions.</param>
/// <param name="Distances">The distances of the profile, in the runner's unit.</param>
/// <param name="DistanceUnit">That unit's symbol.</param>
/// <param name="Channels">Pace, heart rate, elevation and cadence over the distance, those recorded.</param>
/// <param name="Tables">The device's laps, splits per km or mile, the detected repeats and climbs, and the run's share of the answer.</param>
/// <param name="Laps">The device's laps (empty when the file has none); <c>null</c> when the run was stored before laps were kept (importing its file again adds them).</param>
public sealed record RunView(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("facts")] SheetTable Facts,
    [property: JsonPropertyName("held")] string Held,
    [property: JsonPropertyName("route")] string? Route,
    [property: JsonPropertyName("distances")] IReadOnlyList<double> Distances,
    [property: JsonPropertyName("distanceUnit")] string DistanceUnit,
    [property: JsonPropertyName("channels")] IReadOnlyList<RunChannel> Channels,
    [property: JsonPropertyName("tables")] IReadOnlyList<SheetTable> Tables,
    [property: JsonPropertyName("laps")] IReadOnlyList<RunLap>? Laps);

/// <summary>Builds a run's page from the store.</summary>
internal static class RunPages
{
    /// <summary>The most points a profile or a route keeps: enough for a screen, small for a phone.</summary>
    private const int MostPoints = 600;

    /// <summary>Running is never below this many steps a minute: a recorded cadence under it counts one foot (as the analysis reads it).</summary>
    private const double RunningStepsFloor = 125;

    /// <summary>The page of activity <paramref name="id"/>; <c>null</c> when no activity has it.</summary>
    public static RunView? Of(AthleteStore store, long id, MeasureCatalogue catalogue, CancellationToken cancellation)
    {
        var activity = store.ListActivities(implausible: true).FirstOrDefault(a => a.Id == id);
        if (activity is null || store.LoadSamples(id) is not { } samples)
        {
            return null;
        }

        var athlete = store.LoadAthlete();
        var unit = athlete.Units;
        var moving = samples.Where(s => s.DistanceMetres is not null).OrderBy(s => s.TimestampUtc).ToList();
        var x = activity.Analysis;
        var laps = store.LoadLaps(id);
        var tables = new List<SheetTable>();
        if (laps is { Count: > 0 })
        {
            tables.Add(new SheetTable("laps", "Laps (the device's)", null, Laps.Columns(unit), [.. laps.Select(l => Laps.Cells(l, unit)).Select(c => new SheetRow(c[0], [.. c.Skip(1).Select(Cell)]))]));
        }

        if (Splits(moving, unit, laps) is { } splits)
        {
            tables.Add(splits);
        }

        if (x is not null)
        {
            tables.AddRange(Found(x, unit));
        }

        cancellation.ThrowIfCancellationRequested();
        if (!activity.Excluded && x is not null && store.LoadSessions() is { Count: > 0 } all)
        {
            var input = SimulationInput.ForHistory(athlete, all);
            // The same days and athlete, one session fewer: the difference at the end is this run's share.
            var withoutRun = Simulator.Run(input with { Sessions = store.LoadSessionsWithout(id) });
            tables.Add(OutcomeSheet.Share(Simulator.Run(input), withoutRun, catalogue));
        }

        var (distances, channels) = Profile(moving, unit);
        return new RunView(id, I($"{activity.StartUtc:yyyy-MM-dd} {activity.Sport}, {DistanceUnits.Distance(activity.DistanceMetres, unit, 2)}"),
            Facts(activity, unit), x?.Describe(unit) ?? activity.Problem ?? "no usable movement to analyse", Route(samples), distances, unit.Symbol(), channels, tables,
            laps?.Select(l => new RunLap(l.Number, l.StartUtc, l.Seconds, l.DistanceMetres, DistanceUnits.Pace(l.SpeedMetresPerSecond, unit), l.AverageHeartRate, l.ElevationGainMetres, l.Intensity?.ToString().ToLowerInvariant())).ToList());
    }

    private static SheetTable Facts(StoredActivity a, DistanceUnit unit)
    {
        var x = a.Analysis;
        var rows = new List<SheetRow>
        {
            Row("start (UTC)", I($"{a.StartUtc:yyyy-MM-dd HH:mm}")),
            Row("file", Path.GetFileName(a.SourceName)),
            Row("distance", DistanceUnits.Distance(a.DistanceMetres, unit, 2)),
            Row("moving time", Durations.Clock(a.MovingSeconds)),
            Row($"pace {unit.PerUnit()}", a.MovingSeconds > 0 && a.DistanceMetres > 0 ? DistanceUnits.Pace(a.DistanceMetres / a.MovingSeconds, unit) : "–"),
        };
        if (x is not null)
        {
            rows.Add(Row("kind", x.Kind is { } kind ? RunKinds.Name(kind) : "–"));
            rows.Add(Row("load", I($"{x.Load.Trimp:0} TRIMP, {HowEstimated(x.Load.Method)}")));
            if (x.StepsPerMinute is { } steps)
            {
                rows.Add(Row("cadence", I($"{steps:0} steps/min")));
            }
        }

        rows.Add(Row("in the model", a.Excluded ? "no: excluded" : a.Problem is null ? "yes" : $"no: {a.Problem}"));
        return new SheetTable("run", "The run", null, ["", ""], rows);
    }

    private static string HowEstimated(LoadMethod method) => method switch
    {
        LoadMethod.HeartRate => "Banister's TRIMP from the recorded heart rate",
        LoadMethod.Pace => "Banister's TRIMP with the heart rate estimated from grade-adjusted pace against the threshold pace",
        LoadMethod.PerceivedEffort => "Banister's TRIMP with the effort taken from the rating",
        _ => "from the duration alone (no heart rate, pace or rating)",
    };

    /// <summary>The repeats and climbs the analysis detected, each a table when there are any.</summary>
    private static IEnumerable<SheetTable> Found(ActivityAnalysis x, DistanceUnit unit)
    {
        if (x.Features.Repeats.Count > 0)
        {
            yield return new SheetTable("repeats", "Detected repeats", null, ["#", "time", "distance", $"pace {unit.PerUnit()}", "rest after", "kind"],
                [.. x.Features.Repeats.Select((r, i) => new SheetRow(I($"{i + 1}"), [
                    Cell(Durations.Clock(r.Seconds)), Cell(DistanceUnits.Distance(r.DistanceMetres, unit, 2)),
                    Cell(r.Seconds > 0 ? DistanceUnits.Pace(r.DistanceMetres / r.Seconds, unit) : "–"), Cell(r.RestSeconds > 0 ? Durations.Clock(r.RestSeconds) : "–"), Cell(r.IsSprint ? "sprint" : "repeat")]))]);
        }

        if (x.Features.Climbs.Count > 0)
        {
            yield return new SheetTable("climbs", "Climbs", null, ["from", "length", "gain", "grade"],
                [.. x.Features.Climbs.Select(c => new SheetRow(DistanceUnits.Distance(c.StartMetres, unit, 2), [
                    Cell(I($"{c.LengthMetres:0} m")), Cell(I($"+{c.GainMetres:0} m")), Cell(I($"{100 * c.GainMetres / Math.Max(c.LengthMetres, 1):0.0} %"))]))]);
        }
    }

    /// <summary>Time and pace of each whole km or mile, and of the rest (what watches call auto laps); the note says where the device's laps are.</summary>
    private static SheetTable? Splits(List<ActivitySample> moving, DistanceUnit unit, IReadOnlyList<Lap>? laps)
    {
        if (moving.Count < 2)
        {
            return null;
        }

        var metresPerUnit = unit.Metres();
        var rows = new List<SheetRow>();
        var (fromTime, fromMetres) = (moving[0].TimestampUtc, moving[0].DistanceMetres!.Value);
        var next = fromMetres + metresPerUnit;
        for (var i = 1; i < moving.Count; i++)
        {
            var (time, at) = (moving[i].TimestampUtc, moving[i].DistanceMetres!.Value);
            if (at >= next || i == moving.Count - 1)
            {
                var (seconds, metres) = ((time - fromTime).TotalSeconds, at - fromMetres);
                if (metres > 1 && seconds > 0)
                {
                    rows.Add(new SheetRow(I($"{rows.Count + 1}"), [Cell(DistanceUnits.Distance(metres, unit, 2)), Cell(Durations.Clock(seconds)), Cell(DistanceUnits.Pace(metres / seconds, unit))]));
                }

                (fromTime, fromMetres, next) = (time, at, at + metresPerUnit);
            }
        }

        var note = laps switch
        {
            null => "The device's laps of this run are not stored (it was imported before laps were kept): import its file again to add them.",
            [] => "The file recorded no laps.",
            _ => null,
        };
        return rows.Count == 0 ? null : new SheetTable("splits", $"Splits per {unit.Symbol()} (whole {unit.Symbol()})", note, ["split", "distance", "time", $"pace {unit.PerUnit()}"], rows);
    }

    /// <summary>Pace, heart rate, elevation and cadence at up to <see cref="MostPoints"/> distances, those the file recorded.</summary>
    private static (IReadOnlyList<double> Distances, IReadOnlyList<RunChannel> Channels) Profile(List<ActivitySample> moving, DistanceUnit unit)
    {
        if (moving.Count < 2)
        {
            return ([], []);
        }

        var step = Math.Max(1, moving.Count / MostPoints);
        var points = Enumerable.Range(0, (moving.Count + step - 1) / step).Select(k => moving[Math.Min(k * step, moving.Count - 1)]).ToList();
        var metresPerUnit = unit.Metres();
        double[] distances = [.. points.Select(p => Math.Round(p.DistanceMetres!.Value / metresPerUnit, 3))];
        // Pace from the distance covered over the step (about as smooth as a watch shows it), in minutes per unit.
        var pace = points.Select((p, i) =>
        {
            var (a, b) = (points[Math.Max(0, i - 1)], points[Math.Min(points.Count - 1, i + 1)]);
            var (metres, seconds) = (b.DistanceMetres!.Value - a.DistanceMetres!.Value, (b.TimestampUtc - a.TimestampUtc).TotalSeconds);
            var speed = seconds > 0 && metres > 0 ? metres / seconds : 0;
            // Standing still (slower than 2 km/h) has no pace worth drawing.
            return speed > 0.55 ? Math.Round(metresPerUnit / speed / 60, 2) : (double?)null;
        }).ToList();
        var cadences = points.Where(p => p.CadencePerMinute > 0).Select(p => p.CadencePerMinute!.Value).Order().ToList();
        var stepsPerCount = cadences.Count > 0 && cadences[cadences.Count / 2] < RunningStepsFloor ? 2 : 1;
        var channels = new List<RunChannel> { new("pace", $"Pace (min {unit.PerUnit()})", $"min {unit.PerUnit()}", pace) };
        void Add(string name, string title, string unitName, Func<ActivitySample, double?> read)
        {
            if (points.Any(p => read(p) is not null))
            {
                channels.Add(new RunChannel(name, title, unitName, [.. points.Select(p => read(p) is { } v ? Math.Round(v, 1) : (double?)null)]));
            }
        }

        Add("heart-rate", "Heart rate", "bpm", p => p.HeartRateBeatsPerMinute);
        Add("elevation", "Elevation", "m", p => p.AltitudeMetres);
        Add("cadence", "Cadence", "steps/min", p => p.CadencePerMinute * stepsPerCount);
        return (distances, channels);
    }

    /// <summary>The track as an SVG polyline, north up, in a 400 × 300 box (an equirectangular projection: fine at a run's scale).</summary>
    private static string? Route(IReadOnlyList<ActivitySample> samples)
    {
        var fixes = samples.Where(s => s.LatitudeDegrees is { } lat && s.LongitudeDegrees is { } lon && double.IsFinite(lat) && double.IsFinite(lon) && Math.Abs(lat) <= 90 && Math.Abs(lon) <= 180)
            .Select(s => (Lat: s.LatitudeDegrees!.Value, Lon: s.LongitudeDegrees!.Value)).ToList();
        if (fixes.Count < 2)
        {
            return null;
        }

        var step = Math.Max(1, fixes.Count / MostPoints);
        var kept = fixes.Where((_, i) => i % step == 0).Append(fixes[^1]).ToList();
        var east = Math.Cos(kept.Average(f => f.Lat) * Math.PI / 180);
        var (minX, maxX) = (kept.Min(f => f.Lon * east), kept.Max(f => f.Lon * east));
        var (minY, maxY) = (kept.Min(f => f.Lat), kept.Max(f => f.Lat));
        const double width = 400, height = 300, margin = 12;
        var scale = Math.Min((width - (2 * margin)) / Math.Max(maxX - minX, 1e-9), (height - (2 * margin)) / Math.Max(maxY - minY, 1e-9));
        var (offsetX, offsetY) = ((width - ((maxX - minX) * scale)) / 2, (height - ((maxY - minY) * scale)) / 2);
        string Point((double Lat, double Lon) f) => I($"{offsetX + (((f.Lon * east) - minX) * scale):0.0},{height - offsetY - ((f.Lat - minY) * scale):0.0}");
        var svg = new StringBuilder(I($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"The route, north up\">"))
            .Append("<rect width=\"100%\" height=\"100%\" fill=\"#f5f7fa\"/>")
            .Append("<polyline class=\"route\" fill=\"none\" stroke=\"#b2182b\" stroke-width=\"3\" stroke-linejoin=\"round\" stroke-linecap=\"round\" points=\"")
            .AppendJoin(' ', kept.Select(Point)).Append("\"/>");
        var (start, end) = (Point(kept[0]).Split(','), Point(kept[^1]).Split(','));
        svg.Append(I($"<circle class=\"start\" cx=\"{start[0]}\" cy=\"{start[1]}\" r=\"6\" fill=\"#1b7837\"><title>start</title></circle>"));
        svg.Append(I($"<circle class=\"end\" cx=\"{end[0]}\" cy=\"{end[1]}\" r=\"6\" fill=\"#1f2933\"><title>finish</title></circle>"));
        return svg.Append("</svg>").ToString();
    }

    private static SheetRow Row(string label, string value) => new(label, [new SheetCell(value)]);

    private static SheetCell Cell(string text) => new(text);

    private static string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
