namespace RunAdapt.Analysis;

/// <summary>A cleaned activity as parallel series over moving time: pauses, GPS jumps and standing already removed.</summary>
public sealed class MovingSeries
{
    private readonly List<double> _seconds = [], _metres = [], _altitude = [];
    private readonly List<double?> _heartRate = [];

    /// <summary>Moving time from the start, in seconds (non-decreasing).</summary>
    public IReadOnlyList<double> Seconds => _seconds;

    /// <summary>Distance from the start, in metres (non-decreasing).</summary>
    public IReadOnlyList<double> Metres => _metres;

    /// <summary>Smoothed altitude, in metres (flat when the activity has none).</summary>
    public IReadOnlyList<double> AltitudeMetres => _altitude;

    /// <summary>Heart rate, in beats per minute, where recorded.</summary>
    public IReadOnlyList<double?> HeartRate => _heartRate;

    /// <summary>Number of points.</summary>
    public int Count => _seconds.Count;

    /// <summary>Appends a point; time and distance must not go backwards.</summary>
    /// <param name="seconds">Moving time.</param>
    /// <param name="metres">Distance.</param>
    /// <param name="altitudeMetres">Smoothed altitude.</param>
    /// <param name="heartRate">Heart rate, if recorded.</param>
    public void Add(double seconds, double metres, double altitudeMetres, double? heartRate = null)
    {
        if (Count > 0 && (seconds < _seconds[^1] || metres < _metres[^1]))
        {
            throw new ArgumentException("time and distance must not go backwards");
        }

        _seconds.Add(seconds);
        _metres.Add(metres);
        _altitude.Add(double.IsFinite(altitudeMetres) ? altitudeMetres : 0);
        _heartRate.Add(heartRate);
    }
}
