namespace RunAdapt.Analysis;

/// <summary>A cleaned activity as parallel series over moving time: pauses, GPS jumps and standing already removed.</summary>
public sealed class MovingSeries
{
    private readonly List<double> _seconds = [], _metres = [], _altitude = [];
    private readonly List<double?> _heartRate = [];
    private readonly List<DateTime?> _utc = [];

    /// <summary>Moving time from the start, in seconds (non-decreasing).</summary>
    public IReadOnlyList<double> Seconds => _seconds;

    /// <summary>Distance from the start, in metres (non-decreasing).</summary>
    public IReadOnlyList<double> Metres => _metres;

    /// <summary>Smoothed altitude, in metres (flat when the activity has none).</summary>
    public IReadOnlyList<double> AltitudeMetres => _altitude;

    /// <summary>Heart rate, in beats per minute, where recorded.</summary>
    public IReadOnlyList<double?> HeartRate => _heartRate;

    /// <summary>When each point was recorded (UTC), where known.</summary>
    public IReadOnlyList<DateTime?> TimeUtc => _utc;

    /// <summary>Number of points.</summary>
    public int Count => _seconds.Count;

    /// <summary>Appends a point; time and distance must be finite and must not go backwards.</summary>
    /// <param name="seconds">Moving time.</param>
    /// <param name="metres">Distance.</param>
    /// <param name="altitudeMetres">Smoothed altitude.</param>
    /// <param name="heartRate">Heart rate, if recorded.</param>
    /// <param name="timeUtc">When the point was recorded, if known.</param>
    public void Add(double seconds, double metres, double altitudeMetres, double? heartRate = null, DateTime? timeUtc = null)
    {
        if (!double.IsFinite(seconds) || !double.IsFinite(metres))
        {
            // Searches over the series (best efforts) would never end on a NaN.
            throw new ArgumentException("time and distance must be finite numbers");
        }

        if (Count > 0 && (seconds < _seconds[^1] || metres < _metres[^1]))
        {
            throw new ArgumentException("time and distance must not go backwards");
        }

        _seconds.Add(seconds);
        _metres.Add(metres);
        _altitude.Add(double.IsFinite(altitudeMetres) ? altitudeMetres : 0);
        _heartRate.Add(heartRate);
        _utc.Add(timeUtc);
    }

    /// <summary>The clock time at a moment of moving time: the next recorded point's time less the moving seconds between; <c>null</c> when unknown.</summary>
    /// <param name="seconds">Moving time from the start.</param>
    public DateTime? UtcAt(double seconds)
    {
        var lo = 0;
        var hi = Count - 1;
        if (hi < 0 || seconds > _seconds[hi])
        {
            return null;
        }

        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_seconds[mid] < seconds)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return _utc[lo]?.AddSeconds(seconds - _seconds[lo]);
    }
}
