using System.Globalization;

namespace RunAdapt.Core.Outcomes;

/// <summary>How distances and paces are shown and typed: per kilometre or per mile.</summary>
public enum DistanceUnit
{
    /// <summary>Kilometres, pace per kilometre.</summary>
    Kilometres,

    /// <summary>Miles, pace per mile.</summary>
    Miles,
}

/// <summary>Distances and paces in the runner's unit, written and read the same way by every face.</summary>
public static partial class DistanceUnits
{
    /// <summary>Metres in an international mile.</summary>
    public const double MetresPerMile = 1609.344;

    /// <summary>The unit's symbol: <c>km</c> or <c>mi</c>.</summary>
    /// <param name="unit">The unit.</param>
    public static string Symbol(this DistanceUnit unit) => unit == DistanceUnit.Miles ? "mi" : "km";

    /// <summary>
    /// Prose written in kilometres (a scenario's description: <c>about 35 km a week</c>) in the runner's unit: each
    /// <c>N km</c> as miles to as many decimals as written (<c>about 22 mi a week</c>); unchanged for kilometres.
    /// </summary>
    /// <param name="text">The text, or <c>null</c>.</param>
    /// <param name="unit">The runner's unit.</param>
    public static string? InText(string? text, DistanceUnit unit) =>
        text is null || unit == DistanceUnit.Kilometres ? text : KilometresInText().Replace(text, m =>
        {
            var written = m.Groups[1].Value;
            var decimals = written.Contains('.', StringComparison.Ordinal) ? written.Length - written.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
            return $"{Numbers.Fixed(double.Parse(written, CultureInfo.InvariantCulture) * 1000 / unit.Metres(), decimals)} {unit.Symbol()}";
        });

    [System.Text.RegularExpressions.GeneratedRegex(@"(\d+(?:\.\d+)?)\s?km\b")]
    private static partial System.Text.RegularExpressions.Regex KilometresInText();

    /// <summary>Metres in one of the unit.</summary>
    /// <param name="unit">The unit.</param>
    public static double Metres(this DistanceUnit unit) => unit == DistanceUnit.Miles ? MetresPerMile : 1000;

    /// <summary>A distance as a number in the unit, without the symbol: <c>8.0</c>.</summary>
    /// <param name="metres">The distance, in metres.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="decimals">Digits after the point.</param>
    public static string Number(double metres, DistanceUnit unit, int decimals = 1) => Numbers.Fixed(metres / unit.Metres(), decimals);

    /// <summary>A distance with its symbol: <c>8.0 km</c>, <c>5.0 mi</c>.</summary>
    /// <param name="metres">The distance, in metres.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="decimals">Digits after the point.</param>
    public static string Distance(double metres, DistanceUnit unit, int decimals = 1) => $"{Number(metres, unit, decimals)} {unit.Symbol()}";

    /// <summary>The slowest pace written, in seconds per unit: a day.</summary>
    private const double SlowestPaceSeconds = 24 * 3600;

    /// <summary>A pace as minutes and seconds per unit, without the unit: <c>7:40</c>; <c>–</c> when not moving.</summary>
    /// <param name="metresPerSecond">The speed.</param>
    /// <param name="unit">The unit.</param>
    public static string Pace(double metresPerSecond, DistanceUnit unit)
    {
        // Slower than a day per unit is standing still (and a near-zero speed from a damaged lap would overflow).
        var perUnit = unit.Metres() / metresPerSecond;
        if (!(metresPerSecond > 0) || !double.IsFinite(metresPerSecond) || !(perUnit < SlowestPaceSeconds))
        {
            return "–";
        }

        var seconds = (int)Math.Round(perUnit);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");
    }

    /// <summary>A pace's unit as a column or label says it: <c>/km</c> or <c>/mi</c>.</summary>
    /// <param name="unit">The unit.</param>
    public static string PerUnit(this DistanceUnit unit) => "/" + unit.Symbol();

    /// <summary>A standard race distance's name in the unit: in miles, "5 km" is said "5K".</summary>
    /// <param name="name">The name (<c>5 km</c>, <c>1 mile</c>, <c>marathon</c>).</param>
    /// <param name="unit">The unit.</param>
    public static string RaceName(string name, DistanceUnit unit)
    {
        ArgumentNullException.ThrowIfNull(name);
        return unit == DistanceUnit.Miles && name.EndsWith(" km", StringComparison.Ordinal) ? name[..^3] + "K" : name;
    }

    /// <summary>
    /// A speed from a typed pace, <c>M:SS</c> per <paramref name="unit"/>, or with its own unit: <c>7:40/mi</c>,
    /// <c>4:45 /km</c>; <c>null</c> when it is not a pace.
    /// </summary>
    /// <param name="pace">The pace as typed.</param>
    /// <param name="unit">The unit of a pace given without one.</param>
    public static double? SpeedFromPace(string pace, DistanceUnit unit)
    {
        ArgumentNullException.ThrowIfNull(pace);
        var text = pace.Trim().ToLowerInvariant();
        foreach (var (suffix, given) in new[] { ("/km", DistanceUnit.Kilometres), ("/mi", DistanceUnit.Miles), ("/mile", DistanceUnit.Miles) })
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                (text, unit) = (text[..^suffix.Length].TrimEnd(), given);
                break;
            }
        }

        var parts = text.Split(':');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && parts[1].Length == 2 && seconds < 60 && (minutes * 60) + seconds is > 0 and var total
            ? unit.Metres() / total
            : null;
    }

    /// <summary>The unit named <c>km</c> or <c>mi</c> (also <c>kilometres</c>, <c>miles</c>); <c>null</c> for anything else.</summary>
    /// <param name="name">The name.</param>
    public static DistanceUnit? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "km" or "kilometres" or "kilometers" => DistanceUnit.Kilometres,
        "mi" or "mile" or "miles" => DistanceUnit.Miles,
        _ => null,
    };
}
