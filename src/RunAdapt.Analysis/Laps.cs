using System.Globalization;
using RunAdapt.Activities;
using RunAdapt.Core;
using RunAdapt.Core.Outcomes;

namespace RunAdapt.Analysis;

/// <summary>One of the device's laps (a FIT <c>lap</c> message, a TCX <c>&lt;Lap&gt;</c>) as the run page and <c>inspect</c> show it.</summary>
/// <param name="Number">Its number, from 1, in the file's order.</param>
/// <param name="StartUtc">When it started (UTC).</param>
/// <param name="Seconds">Its moving (timer) time, else its elapsed time, in seconds.</param>
/// <param name="DistanceMetres">Its distance, in metres.</param>
/// <param name="AverageHeartRate">Mean heart rate, in bpm, if known.</param>
/// <param name="ElevationGainMetres">Elevation gained, in metres, if known.</param>
/// <param name="Intensity">What the lap was meant to be (work, rest, warm-up ...), if the file says.</param>
public sealed record Lap(int Number, DateTime StartUtc, double Seconds, double DistanceMetres, double? AverageHeartRate, double? ElevationGainMetres, LapIntensity? Intensity)
{
    /// <summary>The lap's mean speed, in metres per second; 0 when it has no distance or time.</summary>
    public double SpeedMetresPerSecond => Seconds > 0 && DistanceMetres > 0 ? DistanceMetres / Seconds : 0;
}

/// <summary>
/// The device's laps of an activity: each lap's own totals where the file recorded them, the rest from the samples
/// within the lap (a TCX lap has no ascent; some FIT laps lack heart rate). A file without laps (GPX) has none.
/// </summary>
public static class Laps
{
    /// <summary>No real file has more laps (a 24-hour track race of 400 m laps has ≈ 600); a damaged one may declare millions.</summary>
    public const int MostLaps = 10_000;

    /// <summary>The longest lap believed, in seconds (a week); a longer one is a damaged value.</summary>
    private const double LongestLapSeconds = 7 * 24 * 3600;

    /// <summary>The longest lap distance believed, in metres.</summary>
    private const double LongestLapMetres = 10_000_000;

    /// <summary>
    /// Rises smaller than this are altitude noise, not climbing (GoldenCheetah's default elevation hysteresis, 3 m).
    /// </summary>
    private const double GainHysteresisMetres = 3;

    /// <summary>The laps of <paramref name="activity"/>, in the file's order; empty when the file has none.</summary>
    /// <param name="activity">The decoded activity.</param>
    public static IReadOnlyList<Lap> Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var summaries = activity.Summaries.Where(s => s.Kind == SummaryKind.Lap).Take(MostLaps).ToList();
        if (summaries.Count == 0)
        {
            return [];
        }

        var track = Track.Of(activity.Samples);
        var laps = new List<Lap>(summaries.Count);
        DateTime? previousEnd = null;
        foreach (var summary in summaries)
        {
            if ((summary.StartTimeUtc ?? previousEnd ?? track.First) is not { } start)
            {
                continue;
            }

            var timer = Plausible(summary.TotalTimerSeconds, LongestLapSeconds) ?? Plausible(summary.TotalElapsedSeconds, LongestLapSeconds);
            var elapsed = Plausible(summary.TotalElapsedSeconds, LongestLapSeconds) ?? timer;
            var end = summary.TimestampUtc is { } stamp && stamp >= start ? stamp : elapsed is { } e ? Add(start, e) : start;
            var (from, to) = (track.IndexAt(start), track.IndexAt(end));
            var seconds = timer ?? Math.Min((end - start).TotalSeconds, LongestLapSeconds);
            var metres = Plausible(summary.TotalDistanceMetres, LongestLapMetres) ?? track.Distance(from, to);
            var heartRate = summary.AverageHeartRateBeatsPerMinute is { } hr && Track.IsHeartRate(hr) ? hr : track.HeartRate(from, to);
            var gain = Plausible(summary.TotalAscentMetres, LongestLapMetres) ?? track.Gain(from, to);
            laps.Add(new Lap(laps.Count + 1, start, seconds, metres, heartRate, gain, summary.Intensity));
            previousEnd = end;
        }

        return laps;
    }

    /// <summary>The lap table's column headings, the lap number's first (pace in the runner's unit).</summary>
    /// <param name="unit">The runner's unit.</param>
    public static IReadOnlyList<string> Columns(DistanceUnit unit) => ["lap", "distance", "time", $"pace {unit.PerUnit()}", "avg HR", "gain", "intensity"];

    /// <summary>A lap's row as every face shows it, one text per column of <see cref="Columns"/>.</summary>
    /// <param name="lap">The lap.</param>
    /// <param name="unit">The runner's unit.</param>
    public static IReadOnlyList<string> Cells(Lap lap, DistanceUnit unit)
    {
        ArgumentNullException.ThrowIfNull(lap);
        return
        [
            lap.Number.ToString(CultureInfo.InvariantCulture), DistanceUnits.Distance(lap.DistanceMetres, unit, 2), Durations.Clock(lap.Seconds),
            DistanceUnits.Pace(lap.SpeedMetresPerSecond, unit),
            lap.AverageHeartRate is { } hr ? string.Create(CultureInfo.InvariantCulture, $"{hr:0} bpm") : "–",
            lap.ElevationGainMetres is { } gain ? string.Create(CultureInfo.InvariantCulture, $"+{gain:0} m") : "–",
            lap.Intensity?.ToString().ToLowerInvariant() ?? "–",
        ];
    }

    /// <summary>A recorded total when it is a number in [0, <paramref name="most"/>], else <c>null</c>.</summary>
    private static double? Plausible(double? value, double most) => value is { } v && double.IsFinite(v) && v >= 0 && v <= most ? v : null;

    private static DateTime Add(DateTime start, double seconds) =>
        new(Math.Min(start.Ticks + (long)(seconds * TimeSpan.TicksPerSecond), DateTime.MaxValue.Ticks), DateTimeKind.Utc);

    /// <summary>
    /// The samples in time order with running sums (heart rate, gain, last distance), so any lap's figures are two
    /// look-ups however many laps a file declares.
    /// </summary>
    private sealed class Track
    {
        private readonly long[] _ticks;
        private readonly double[] _heartRateSum;
        private readonly int[] _heartRateCount;
        private readonly double[] _gain;
        private readonly double?[] _distance;
        private readonly int[] _altitudeCount;

        private Track(int n)
        {
            (_ticks, _heartRateSum, _heartRateCount, _gain, _distance, _altitudeCount) = (new long[n], new double[n + 1], new int[n + 1], new double[n], new double?[n], new int[n + 1]);
        }

        public DateTime? First => _ticks.Length > 0 ? new DateTime(_ticks[0], DateTimeKind.Utc) : null;

        public static bool IsHeartRate(double bpm) => double.IsFinite(bpm) && bpm is > 20 and < 260;

        public static Track Of(IReadOnlyList<ActivitySample> samples)
        {
            var sorted = samples.OrderBy(s => s.TimestampUtc).ToList();
            var track = new Track(sorted.Count);
            double? reference = null;
            double gain = 0;
            double? distance = null;
            for (var i = 0; i < sorted.Count; i++)
            {
                var s = sorted[i];
                track._ticks[i] = s.TimestampUtc.Ticks;
                var heartRate = s.HeartRateBeatsPerMinute is { } hr && IsHeartRate(hr);
                track._heartRateSum[i + 1] = track._heartRateSum[i] + (heartRate ? s.HeartRateBeatsPerMinute!.Value : 0);
                track._heartRateCount[i + 1] = track._heartRateCount[i] + (heartRate ? 1 : 0);
                var hasAltitude = s.AltitudeMetres is { } a && double.IsFinite(a) && Math.Abs(a) < LongestLapMetres;
                track._altitudeCount[i + 1] = track._altitudeCount[i] + (hasAltitude ? 1 : 0);
                if (hasAltitude)
                {
                    var altitude = s.AltitudeMetres!.Value;
                    // Hysteresis: a rise counts once the altitude is a threshold above the last turning point.
                    if (reference is not { } r || r - altitude >= GainHysteresisMetres)
                    {
                        reference = altitude;
                    }
                    else if (altitude - r >= GainHysteresisMetres)
                    {
                        gain += altitude - r;
                        reference = altitude;
                    }
                }

                track._gain[i] = gain;
                if (s.DistanceMetres is { } d && double.IsFinite(d) && Math.Abs(d) < LongestLapMetres * 10)
                {
                    distance = d;
                }

                track._distance[i] = distance;
            }

            return track;
        }

        /// <summary>The index of the last sample at or before <paramref name="time"/> (0 before the first).</summary>
        public int IndexAt(DateTime time)
        {
            var i = Array.BinarySearch(_ticks, time.Ticks);
            // Equal times: the last of them, so a lap's window ends after every sample of its last instant.
            if (i >= 0)
            {
                while (i + 1 < _ticks.Length && _ticks[i + 1] == _ticks[i])
                {
                    i++;
                }

                return i;
            }

            return Math.Max(0, ~i - 1);
        }

        /// <summary>The distance covered between two samples (0 without a distance channel).</summary>
        public double Distance(int from, int to) =>
            _ticks.Length > 0 && _distance[to] is { } b && _distance[from] is { } a && b >= a ? b - a : 0;

        /// <summary>The mean heart rate of the samples <paramref name="from"/>–<paramref name="to"/>; <c>null</c> when none has one.</summary>
        public double? HeartRate(int from, int to)
        {
            if (_ticks.Length == 0)
            {
                return null;
            }

            var count = _heartRateCount[to + 1] - _heartRateCount[from];
            return count > 0 ? (_heartRateSum[to + 1] - _heartRateSum[from]) / count : null;
        }

        /// <summary>The gain within the samples <paramref name="from"/>–<paramref name="to"/>; <c>null</c> when none has an altitude.</summary>
        public double? Gain(int from, int to) => _ticks.Length > 0 && _altitudeCount[to + 1] - _altitudeCount[from] > 0 ? _gain[to] - _gain[from] : null;
    }
}
