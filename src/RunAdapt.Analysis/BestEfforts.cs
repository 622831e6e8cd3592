using RunAdapt.Activities;

namespace RunAdapt.Analysis;

/// <summary>The fastest time over a distance within an activity.</summary>
/// <param name="DistanceMetres">The distance.</param>
/// <param name="Seconds">The fastest time found for it.</param>
public readonly record struct DistanceEffort(double DistanceMetres, double Seconds);

/// <summary>The longest distance covered in a duration within an activity.</summary>
/// <param name="Seconds">The duration.</param>
/// <param name="DistanceMetres">The longest distance found in it.</param>
public readonly record struct DurationEffort(double Seconds, double DistanceMetres);

/// <summary>Best efforts (400 m to the marathon, 10 s to 90 min) for race prediction, by a sliding window over distance and time.</summary>
public static class BestEfforts
{
    /// <summary>The standard distances, in metres.</summary>
    public static IReadOnlyList<double> Distances { get; } = [400, 800, 1000, 1609.344, 3000, 5000, 10000, 21097.5, 42195];

    /// <summary>The standard durations, in seconds.</summary>
    public static IReadOnlyList<double> Durations { get; } = [10, 30, 60, 300, 600, 1200, 1800, 3600, 5400];

    /// <summary>Fastest time for every standard distance the activity covers.</summary>
    /// <param name="samples">Time-ordered samples with cumulative distance.</param>
    public static IReadOnlyList<DistanceEffort> ByDistance(IReadOnlyList<ActivitySample> samples)
    {
        var (t, d) = Series(samples);
        var efforts = new List<DistanceEffort>();
        foreach (var target in Distances)
        {
            var best = double.PositiveInfinity;
            var start = 0;
            for (var end = 1; end < t.Length; end++)
            {
                // Move the start up while the window still covers the target distance.
                while (start + 1 < end && d[end] - d[start + 1] >= target)
                {
                    start++;
                }

                if (d[end] - d[start] >= target)
                {
                    best = Math.Min(best, t[end] - t[start]);
                }
            }

            if (double.IsFinite(best))
            {
                efforts.Add(new DistanceEffort(target, best));
            }
        }

        return efforts;
    }

    /// <summary>Longest distance for every standard duration the activity lasts.</summary>
    /// <param name="samples">Time-ordered samples with cumulative distance.</param>
    public static IReadOnlyList<DurationEffort> ByDuration(IReadOnlyList<ActivitySample> samples)
    {
        var (t, d) = Series(samples);
        var efforts = new List<DurationEffort>();
        foreach (var target in Durations)
        {
            var best = double.NegativeInfinity;
            var end = 0;
            for (var start = 0; start < t.Length; start++)
            {
                while (end + 1 < t.Length && t[end + 1] - t[start] <= target)
                {
                    end++;
                }

                if (t[end] - t[start] >= target * 0.98)
                {
                    best = Math.Max(best, d[end] - d[start]);
                }
            }

            if (double.IsFinite(best))
            {
                efforts.Add(new DurationEffort(target, best));
            }
        }

        return efforts;
    }

    private static (double[] Seconds, double[] Metres) Series(IReadOnlyList<ActivitySample> samples)
    {
        var withDistance = samples.Where(s => s.DistanceMetres is not null).OrderBy(s => s.TimestampUtc).ToList();
        if (withDistance.Count == 0)
        {
            return ([], []);
        }

        var t0 = withDistance[0].TimestampUtc;
        return ([.. withDistance.Select(s => (s.TimestampUtc - t0).TotalSeconds)], [.. withDistance.Select(s => s.DistanceMetres!.Value)]);
    }
}
