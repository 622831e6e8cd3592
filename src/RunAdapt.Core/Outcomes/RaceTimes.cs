using RunAdapt.Core.Model;

namespace RunAdapt.Core.Outcomes;

/// <summary>A standard race distance.</summary>
/// <param name="Key">What a goal calls it: <c>5k</c>, <c>10k</c>, <c>half</c>, <c>marathon</c>.</param>
/// <param name="Name">Its name in words (<c>10 km</c>, <c>half marathon</c>).</param>
/// <param name="Metres">Its distance.</param>
public sealed record Race(string Key, string Name, double Metres)
{
    /// <summary>5 km, 10 km, the half marathon and the marathon.</summary>
    public static IReadOnlyList<Race> Standard { get; } =
        [new("5k", "5 km", 5000), new("10k", "10 km", 10000), new("half", "half marathon", 21097.5), new("marathon", "marathon", 42195)];

    /// <summary>The standard race with this key (case-insensitive), or <c>null</c>.</summary>
    /// <param name="key">A key such as <c>10k</c>.</param>
    public static Race? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Standard.FirstOrDefault(r => string.Equals(r.Key, key.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>
/// Race times from a fitness (Daniels &amp; Gilbert's VDOT, <see cref="RacePredictor"/>) or from one effort (VDOT and
/// Riegel's power law).
/// </summary>
/// <remarks>
/// VDOT is an effective VO2max: the oxygen uptake a runner's race results imply with an average running economy. With no
/// race to go by, the model's VO2max is taken as the VDOT, so a runner more (or less) economical than average races
/// faster (or slower) than these times; the change a plan makes is what they show best.
/// </remarks>
public static class RaceTimes
{
    /// <summary>Shortest effort whose VDOT is trusted: Daniels &amp; Gilbert fitted races of about 3.5 minutes and longer (a mile).</summary>
    public const double ShortestEffortMetres = 1609.344;

    /// <summary>The finishing time at a fitness, in seconds.</summary>
    /// <param name="race">The race.</param>
    /// <param name="vdot">The fitness (VDOT, or a VO2max taken as one), ml/kg/min.</param>
    public static double Seconds(Race race, double vdot)
    {
        ArgumentNullException.ThrowIfNull(race);
        return RacePredictor.EquivalentTime(vdot, race.Metres).TotalSeconds;
    }

    /// <summary>The finishing time the VO2max of a body snapshot gives, in seconds.</summary>
    /// <param name="race">The race.</param>
    /// <param name="body">A state of the body (its VO2max is taken as the VDOT).</param>
    public static double Seconds(Race race, BodySnapshot body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Seconds(race, body.Vo2MaxMillilitresPerKilogramPerMinute);
    }

    /// <summary>The VDOT an effort implies.</summary>
    /// <param name="metres">The distance covered.</param>
    /// <param name="seconds">The time taken.</param>
    public static double Vdot(double metres, double seconds) => RacePredictor.Vdot(metres, TimeSpan.FromSeconds(seconds));

    /// <summary>Riegel's finishing time (exponent 1.06) from an effort, in seconds.</summary>
    /// <param name="race">The race.</param>
    /// <param name="metres">The effort's distance.</param>
    /// <param name="seconds">The effort's time.</param>
    public static double Riegel(Race race, double metres, double seconds)
    {
        ArgumentNullException.ThrowIfNull(race);
        return RacePredictor.Riegel(metres, TimeSpan.FromSeconds(seconds), race.Metres).TotalSeconds;
    }
}
