using System.Text.Json;
using System.Text.Json.Serialization;
using RunAdapt.Analysis;
using RunAdapt.Storage;

namespace RunAdapt.Cli;

/// <summary>
/// <c>history --sessions-json</c>: one JSON object per stored activity with everything its analysis kept — for scripts
/// and spreadsheets (load and how it was estimated, zones, repeats, climbs, best efforts, energy).
/// </summary>
internal static class SessionJsonLines
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static void Write(IEnumerable<StoredActivity> activities, TextWriter output)
    {
        foreach (var a in activities)
        {
            var x = a.Analysis;
            output.WriteLine(JsonSerializer.Serialize(new Line(
                a.StartUtc, a.Sport, a.Title, a.SourceName, a.DistanceMetres, a.MovingSeconds,
                x?.Load.Trimp, x?.Load.Method, x?.HeartRateZoneSeconds, x?.PaceZoneSeconds, x?.EnergyKilojoules, x?.CarriedLoadKilograms, x?.PerceivedExertion,
                x?.FootStrikeMeasured, x?.Features.IsLongRun, x?.Features.DownhillSeconds,
                x?.Features.Repeats.Select(r => new RepeatLine(r.StartUtc, r.Seconds, r.DistanceMetres, r.SpeedMetresPerSecond, r.RestSeconds, r.IsSprint)).ToList(),
                x?.Features.Climbs.Select(c => new ClimbLine(c.StartMetres, c.LengthMetres, c.GainMetres, c.GradeFraction, c.Score)).ToList(),
                x?.BestEfforts.Select(e => new EffortLine(e.Name, e.DistanceMetres, e.Seconds)).ToList(),
                x?.FarthestIn?.Select(e => new EffortLine(e.Name, e.DistanceMetres, e.Seconds)).ToList(),
                x?.StepsPerMinute, x?.Describe(), a.Problem, a.Id, x?.Kind is { } kind ? RunKinds.Name(kind) : null, a.RunningMetres, a.Excluded), Options));
        }
    }

    private sealed record Line(
        DateTime Start, string Sport, string? Title, string File, [property: JsonPropertyName("distance_m")] double DistanceMetres,
        [property: JsonPropertyName("moving_s")] double MovingSeconds, double? Trimp, LoadMethod? LoadMethod,
        [property: JsonPropertyName("hr_zone_s")] double[]? HeartRateZoneSeconds, [property: JsonPropertyName("pace_zone_s")] double[]? PaceZoneSeconds,
        [property: JsonPropertyName("energy_kj")] double? EnergyKilojoules, [property: JsonPropertyName("carried_load_kg")] double? CarriedLoadKilograms,
        [property: JsonPropertyName("rpe")] double? PerceivedExertion, bool? FootStrikeMeasured, bool? LongRun,
        [property: JsonPropertyName("downhill_s")] double? DownhillSeconds, List<RepeatLine>? Repeats, List<ClimbLine>? Climbs,
        List<EffortLine>? BestEfforts, List<EffortLine>? FarthestIn, [property: JsonPropertyName("steps_per_min")] double? StepsPerMinute, string? Held, string? Problem,
        long Id, string? Kind, [property: JsonPropertyName("running_m")] double RunningMetres, bool Excluded);

    private sealed record RepeatLine(
        DateTime? Start, [property: JsonPropertyName("seconds")] double Seconds, [property: JsonPropertyName("distance_m")] double DistanceMetres,
        [property: JsonPropertyName("speed_mps")] double SpeedMetresPerSecond, [property: JsonPropertyName("rest_s")] double RestSeconds, bool Sprint);

    private sealed record ClimbLine(
        [property: JsonPropertyName("start_m")] double StartMetres, [property: JsonPropertyName("length_m")] double LengthMetres,
        [property: JsonPropertyName("gain_m")] double GainMetres, [property: JsonPropertyName("grade")] double GradeFraction, double Score);

    private sealed record EffortLine(string Name, [property: JsonPropertyName("distance_m")] double DistanceMetres, [property: JsonPropertyName("seconds")] double Seconds);
}
