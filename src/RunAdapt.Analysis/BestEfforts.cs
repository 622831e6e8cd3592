namespace RunAdapt.Analysis;

/// <summary>A best effort: the fastest time over a distance, or the longest distance in a time.</summary>
/// <param name="Name">The standard name (<c>400 m</c>, <c>5 km</c>, <c>marathon</c>, <c>10 s</c>, <c>60 min</c>).</param>
/// <param name="DistanceMetres">The distance covered.</param>
/// <param name="Seconds">The time taken.</param>
/// <param name="StartSeconds">Where the effort starts, in moving seconds from the start.</param>
public readonly record struct BestEffort(string Name, double DistanceMetres, double Seconds, double StartSeconds)
{
    /// <summary>The mean speed of the effort, in m/s.</summary>
    public double SpeedMetresPerSecond => DistanceMetres / Seconds;
}

/// <summary>Best efforts over standard distances and durations from a moving-time/distance series.</summary>
public static class BestEfforts
{
    /// <summary>The standard distances: 400 m to the marathon.</summary>
    public static IReadOnlyList<(string Name, double Metres)> Distances { get; } =
    [
        ("400 m", 400), ("800 m", 800), ("1 km", 1000), ("1 mile", 1609.344), ("5 km", 5000), ("10 km", 10000),
        ("half marathon", 21097.5), ("marathon", 42195),
    ];

    /// <summary>The standard durations: 10 s to 90 min.</summary>
    public static IReadOnlyList<(string Name, double Seconds)> Durations { get; } =
    [
        ("10 s", 10), ("30 s", 30), ("1 min", 60), ("5 min", 300), ("12 min", 720), ("20 min", 1200), ("30 min", 1800),
        ("60 min", 3600), ("90 min", 5400),
    ];

    /// <summary>The fastest time over each standard distance the series is long enough for.</summary>
    /// <param name="series">Moving time and cumulative distance, both non-decreasing.</param>
    public static IReadOnlyList<BestEffort> ByDistance(MovingSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var result = new List<BestEffort>();
        foreach (var (name, metres) in Distances)
        {
            if (FastestOver(series, metres) is { } effort)
            {
                result.Add(effort with { Name = name });
            }
        }

        return result;
    }

    /// <summary>The longest distance in each standard duration the series is long enough for.</summary>
    /// <param name="series">Moving time and cumulative distance, both non-decreasing.</param>
    public static IReadOnlyList<BestEffort> ByDuration(MovingSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var result = new List<BestEffort>();
        foreach (var (name, seconds) in Durations)
        {
            if (FarthestIn(series, seconds) is { } effort)
            {
                result.Add(effort with { Name = name });
            }
        }

        return result;
    }

    /// <summary>Fastest time to cover a distance: for every start sample, the (interpolated) moment the distance is reached.</summary>
    private static BestEffort? FastestOver(MovingSeries s, double metres)
    {
        var (t, d) = (s.Seconds, s.Metres);
        if (t.Count < 2 || d[^1] - d[0] < metres)
        {
            return null;
        }

        BestEffort? best = null;
        var j = 0;
        for (var i = 0; i < t.Count; i++)
        {
            var target = d[i] + metres;
            if (target > d[^1])
            {
                break;
            }

            j = Math.Max(j, i + 1);
            while (d[j] < target)
            {
                j++;
            }

            var end = Interpolate(d[j - 1], t[j - 1], d[j], t[j], target);
            var seconds = end - t[i];
            if (seconds > 0 && (best is null || seconds < best.Value.Seconds))
            {
                best = new BestEffort("", metres, seconds, t[i]);
            }
        }

        return best;
    }

    /// <summary>Longest distance in a duration: for every start sample, the (interpolated) distance reached after it.</summary>
    private static BestEffort? FarthestIn(MovingSeries s, double seconds)
    {
        var (t, d) = (s.Seconds, s.Metres);
        if (t.Count < 2 || t[^1] - t[0] < seconds)
        {
            return null;
        }

        BestEffort? best = null;
        var j = 0;
        for (var i = 0; i < t.Count; i++)
        {
            var target = t[i] + seconds;
            if (target > t[^1])
            {
                break;
            }

            j = Math.Max(j, i + 1);
            while (t[j] < target)
            {
                j++;
            }

            var metres = Interpolate(t[j - 1], d[j - 1], t[j], d[j], target) - d[i];
            if (best is null || metres > best.Value.DistanceMetres)
            {
                best = new BestEffort("", metres, seconds, t[i]);
            }
        }

        return best;
    }

    private static double Interpolate(double x0, double y0, double x1, double y1, double x) =>
        x1 > x0 ? y0 + ((y1 - y0) * (x - x0) / (x1 - x0)) : y1;
}
