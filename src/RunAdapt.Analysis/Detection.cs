namespace RunAdapt.Analysis;

/// <summary>A bout of hard running: a sprint (under 20 s) or an interval repeat, with the recovery that followed it.</summary>
/// <param name="StartSeconds">Start, in moving seconds.</param>
/// <param name="Seconds">Duration of the bout.</param>
/// <param name="DistanceMetres">Distance of the bout.</param>
/// <param name="RestSeconds">Duration of the easier running (or standing) that follows, until the next bout; 0 for the last.</param>
/// <param name="RestSpeedMetresPerSecond">Mean speed during that recovery.</param>
/// <param name="StartUtc">When the bout started by the clock, if the series knows its times.</param>
/// <param name="GradeFraction">Mean grade of the bout (rise over run; negative downhill; 0 where unknown).</param>
public readonly record struct Repeat(double StartSeconds, double Seconds, double DistanceMetres, double RestSeconds, double RestSpeedMetresPerSecond, DateTime? StartUtc = null, double GradeFraction = 0)
{
    /// <summary>Mean speed of the bout, in m/s.</summary>
    public double SpeedMetresPerSecond => DistanceMetres / Seconds;

    /// <summary>Whether the bout is a sprint (shorter than 20 s).</summary>
    public bool IsSprint => Seconds < 20;
}

/// <summary>A climb: a stretch where the smoothed altitude rises steadily.</summary>
/// <param name="StartMetres">Where it starts, in metres from the start.</param>
/// <param name="LengthMetres">Its length.</param>
/// <param name="GainMetres">Altitude gained.</param>
public readonly record struct Climb(double StartMetres, double LengthMetres, double GainMetres)
{
    /// <summary>Mean grade (rise over run).</summary>
    public double GradeFraction => GainMetres / LengthMetres;

    /// <summary>Difficulty score: length in metres times grade in percent (Strava-like; 8 000 ≈ category 4).</summary>
    public double Score => LengthMetres * GradeFraction * 100;
}

/// <summary>What a run contained, for the summaries and for the model's novelty flags.</summary>
/// <param name="Repeats">Hard bouts (sprints and interval repeats) in order.</param>
/// <param name="Climbs">Climbs of at least 10 m gain at 3 % or steeper.</param>
/// <param name="IsLongRun">At least 90 minutes of moving time.</param>
/// <param name="DownhillSeconds">Time running at −5 % or steeper.</param>
public sealed record RunFeatures(IReadOnlyList<Repeat> Repeats, IReadOnlyList<Climb> Climbs, bool IsLongRun, double DownhillSeconds);

/// <summary>Detects sprints and intervals, climbs, long runs and downhill running in a moving series.</summary>
public static class Detection
{
    /// <summary>Long runs last at least this many moving seconds.</summary>
    public const double LongRunSeconds = 90 * 60;

    /// <summary>A bout is hard when its smoothed speed is at least this multiple of the run's median speed.</summary>
    public const double HardSpeedRatio = 1.15;

    /// <summary>
    /// A bout must also be this much faster than the running around it (the minute before and the minute after), so a
    /// progressive run or GPS wander at a steady effort is not taken for intervals.
    /// </summary>
    public const double ContrastRatio = 1.2;

    /// <summary>Sprints (bouts under 20 s) must reach this multiple of the median speed: strides are near top speed, not a surge.</summary>
    public const double SprintSpeedRatio = 1.3;

    /// <summary>The longest moving time analysed second by second: a week (the longest ultra races take under four days).</summary>
    private const double MaxDetectionSeconds = 7 * 24 * 3600;

    /// <summary>Seconds on each side of a bout that its contrast is measured against.</summary>
    private const int ContrastWindowSeconds = 60;

    /// <summary>Detects everything in one pass over a 1 s resampling of the series.</summary>
    /// <param name="series">The cleaned moving series.</param>
    public static RunFeatures Detect(MovingSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count < 2 || series.Seconds[^1] < 30)
        {
            return new RunFeatures([], [], false, 0);
        }

        // The per-second resampling below is sized by the moving time: beyond a week of it the file is damaged or
        // not one session, and only the long-run flag is worth keeping (memory stays bounded).
        if (series.Seconds[^1] > MaxDetectionSeconds)
        {
            return new RunFeatures([], [], true, 0);
        }

        var (distance, altitude) = Resample(series);
        var speed = new double[distance.Length];
        for (var i = 1; i < distance.Length; i++)
        {
            speed[i] = distance[i] - distance[i - 1];
        }

        speed[0] = speed.Length > 1 ? speed[1] : 0;
        var smooth = MovingAverage(speed, 5);
        var median = smooth.Order().ElementAt(smooth.Length / 2);
        return new RunFeatures(
            Repeats(series, distance, altitude, smooth, median),
            Climbs(series),
            series.Seconds[^1] >= LongRunSeconds,
            DownhillSeconds(distance, altitude));
    }

    /// <summary>Distance and altitude at every whole moving second (linear interpolation).</summary>
    private static (double[] Distance, double[] Altitude) Resample(MovingSeries s)
    {
        var n = (int)Math.Floor(s.Seconds[^1]) + 1;
        var d = new double[n];
        var z = new double[n];
        var j = 1;
        for (var t = 0; t < n; t++)
        {
            while (j < s.Count - 1 && s.Seconds[j] < t)
            {
                j++;
            }

            var (t0, t1) = (s.Seconds[j - 1], s.Seconds[j]);
            var f = t1 > t0 ? Math.Clamp((t - t0) / (t1 - t0), 0, 1) : 1;
            d[t] = s.Metres[j - 1] + (f * (s.Metres[j] - s.Metres[j - 1]));
            z[t] = s.AltitudeMetres[j - 1] + (f * (s.AltitudeMetres[j] - s.AltitudeMetres[j - 1]));
        }

        return (d, z);
    }

    private static double[] MovingAverage(double[] x, int window)
    {
        var result = new double[x.Length];
        var half = window / 2;
        for (var i = 0; i < x.Length; i++)
        {
            int lo = Math.Max(0, i - half), hi = Math.Min(x.Length - 1, i + half);
            double sum = 0;
            for (var k = lo; k <= hi; k++)
            {
                sum += x[k];
            }

            result[i] = sum / (hi - lo + 1);
        }

        return result;
    }

    /// <summary>
    /// Runs of seconds at or above the hard speed, at least 6 s long, gaps under 5 s bridged; kept when faster than the
    /// minute around them by <see cref="ContrastRatio"/>, and, for sprints, when reaching <see cref="SprintSpeedRatio"/> of the median.
    /// </summary>
    private static List<Repeat> Repeats(MovingSeries series, double[] distance, double[] altitude, double[] speed, double median)
    {
        var hard = median * HardSpeedRatio;
        var bouts = new List<(int Start, int End)>();
        var i = 0;
        while (i < speed.Length)
        {
            if (speed[i] < hard)
            {
                i++;
                continue;
            }

            var start = i;
            while (i < speed.Length && speed[i] >= hard)
            {
                i++;
            }

            if (bouts.Count > 0 && start - bouts[^1].End < 5)
            {
                bouts[^1] = (bouts[^1].Start, i);
            }
            else
            {
                bouts.Add((start, i));
            }
        }

        bouts.RemoveAll(b => b.End - b.Start < 6 || !Stands(b.Start, Math.Min(b.End, distance.Length - 1)));
        bool Stands(int start, int end)
        {
            var boutSpeed = (distance[end] - distance[start]) / Math.Max(1, end - start);
            if (end - start < 20 && boutSpeed < SprintSpeedRatio * median)
            {
                return false;
            }

            int before = Math.Max(0, start - ContrastWindowSeconds), after = Math.Min(distance.Length - 1, end + ContrastWindowSeconds);
            var aroundSeconds = (start - before) + (after - end);
            var aroundSpeed = aroundSeconds > 0 ? ((distance[start] - distance[before]) + (distance[after] - distance[end])) / aroundSeconds : 0;
            return boutSpeed >= ContrastRatio * aroundSpeed;
        }

        var repeats = new List<Repeat>(bouts.Count);
        for (var k = 0; k < bouts.Count; k++)
        {
            var (start, end) = bouts[k];
            var last = Math.Min(end, distance.Length - 1);
            var restEnd = k + 1 < bouts.Count ? bouts[k + 1].Start : last;
            var rest = restEnd - last;
            var metres = distance[last] - distance[start];
            var grade = metres > 1 ? (altitude[last] - altitude[start]) / metres : 0;
            repeats.Add(new Repeat(start, last - start, metres, rest, rest > 0 ? (distance[restEnd] - distance[last]) / rest : 0, series.UtcAt(start), grade));
        }

        return repeats;
    }

    /// <summary>Climbs: from the last low point until the altitude drops 5 m below the highest point since; kept from 10 m gain at 3 % or steeper.</summary>
    private static List<Climb> Climbs(MovingSeries s)
    {
        var climbs = new List<Climb>();
        var low = 0;
        var high = 0;
        for (var i = 1; i < s.Count; i++)
        {
            var z = s.AltitudeMetres[i];
            if (z > s.AltitudeMetres[high])
            {
                high = i;
            }

            if (s.AltitudeMetres[high] - z >= 5 || i == s.Count - 1)
            {
                var gain = s.AltitudeMetres[high] - s.AltitudeMetres[low];
                var length = s.Metres[high] - s.Metres[low];
                if (gain >= 10 && length > 0 && gain / length >= 0.03)
                {
                    climbs.Add(new Climb(s.Metres[low], length, gain));
                }

                low = high = i;
            }
            else if (z < s.AltitudeMetres[low] || (high == low && z <= s.AltitudeMetres[low]))
            {
                low = high = i;
            }
        }

        return climbs;
    }

    /// <summary>Seconds at −5 % or steeper, grade taken over 10 s windows to ride out altitude noise.</summary>
    private static double DownhillSeconds(double[] distance, double[] altitude)
    {
        double seconds = 0;
        for (var t = 10; t < distance.Length; t += 10)
        {
            var run = distance[t] - distance[t - 10];
            if (run > 5 && (altitude[t] - altitude[t - 10]) / run <= -0.05)
            {
                seconds += 10;
            }
        }

        return seconds;
    }
}
