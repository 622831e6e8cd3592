using RunAdapt.Core.Training;

namespace RunAdapt.Analysis;

/// <summary>The athlete's heart-rate and pace anchors from a date on (until the next entry of the history).</summary>
/// <param name="EffectiveFrom">The first day these values apply.</param>
/// <param name="HeartRateRestBeatsPerMinute">Resting heart rate.</param>
/// <param name="HeartRateMaxBeatsPerMinute">Maximal heart rate.</param>
/// <param name="ThresholdSpeedMetresPerSecond">Speed at lactate threshold (about one-hour race pace).</param>
public sealed record Thresholds(DateOnly EffectiveFrom, double HeartRateRestBeatsPerMinute, double HeartRateMaxBeatsPerMinute, double ThresholdSpeedMetresPerSecond)
{
    /// <summary>Fraction of heart-rate reserve (Karvonen) a heart rate represents, clamped to 0–1.</summary>
    /// <param name="heartRateBeatsPerMinute">The heart rate.</param>
    public double ReserveFraction(double heartRateBeatsPerMinute) =>
        Math.Clamp((heartRateBeatsPerMinute - HeartRateRestBeatsPerMinute) / (HeartRateMaxBeatsPerMinute - HeartRateRestBeatsPerMinute), 0, 1);

    /// <summary>Anchors from a profile: the athlete's measured heart rates, else 220 − age and 60 bpm; threshold speed 3.3 m/s (≈ 5:00/km) unless given.</summary>
    /// <param name="athlete">The athlete.</param>
    /// <param name="effectiveFrom">The first day they apply.</param>
    /// <param name="thresholdSpeedMetresPerSecond">Threshold speed, if known.</param>
    public static Thresholds FromAthlete(Athlete athlete, DateOnly effectiveFrom, double thresholdSpeedMetresPerSecond = 3.3)
    {
        ArgumentNullException.ThrowIfNull(athlete);
        return new(effectiveFrom, athlete.HeartRateRestBeatsPerMinute ?? 60, athlete.HeartRateMaxBeatsPerMinute ?? (220 - athlete.AgeYears), thresholdSpeedMetresPerSecond);
    }
}

/// <summary>The history of an athlete's thresholds; looks up the ones in force on a day.</summary>
public sealed class ThresholdHistory
{
    private readonly List<Thresholds> _entries;

    /// <summary>Creates the history from entries in any order (at least one).</summary>
    /// <param name="entries">The thresholds, each with the day it takes effect.</param>
    public ThresholdHistory(IEnumerable<Thresholds> entries)
    {
        _entries = [.. entries.OrderBy(e => e.EffectiveFrom)];
        if (_entries.Count == 0)
        {
            throw new ArgumentException("a threshold history needs at least one entry", nameof(entries));
        }
    }

    /// <summary>The history of these entries, or <c>null</c> when there are none (the profile's heart rates then apply).</summary>
    /// <param name="entries">The thresholds, each with the day it takes effect.</param>
    public static ThresholdHistory? From(IEnumerable<Thresholds> entries)
    {
        var list = entries.ToList();
        return list.Count == 0 ? null : new ThresholdHistory(list);
    }

    /// <summary>The thresholds in force on a day: the latest entry on or before it, or the earliest entry for days before the history starts.</summary>
    /// <param name="day">The day.</param>
    public Thresholds On(DateOnly day)
    {
        var found = _entries[0];
        foreach (var e in _entries)
        {
            if (e.EffectiveFrom > day)
            {
                break;
            }

            found = e;
        }

        return found;
    }
}

/// <summary>Five training zones by heart-rate reserve and by speed relative to threshold, and the time spent in each.</summary>
public static class Zones
{
    /// <summary>Lower bounds of zones 2–5 as fractions of heart-rate reserve (zone 1 is everything below 0.60).</summary>
    public static IReadOnlyList<double> HeartRateReserveBounds { get; } = [0.60, 0.70, 0.80, 0.90];

    /// <summary>Lower bounds of zones 2–5 as fractions of threshold speed (zone 1 is everything below 0.78).</summary>
    public static IReadOnlyList<double> ThresholdSpeedBounds { get; } = [0.78, 0.88, 0.97, 1.05];

    /// <summary>The heart-rate zone (1–5) of a heart rate.</summary>
    /// <param name="heartRateBeatsPerMinute">The heart rate.</param>
    /// <param name="thresholds">The thresholds in force.</param>
    public static int HeartRateZone(double heartRateBeatsPerMinute, Thresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return Zone(thresholds.ReserveFraction(heartRateBeatsPerMinute), HeartRateReserveBounds);
    }

    /// <summary>The pace zone (1–5) of a speed.</summary>
    /// <param name="speedMetresPerSecond">The (grade-adjusted) speed.</param>
    /// <param name="thresholds">The thresholds in force.</param>
    public static int PaceZone(double speedMetresPerSecond, Thresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return Zone(speedMetresPerSecond / thresholds.ThresholdSpeedMetresPerSecond, ThresholdSpeedBounds);
    }

    /// <summary>Seconds spent in each heart-rate zone (index 0 = zone 1) over a session's segments; segments without heart rate are left out.</summary>
    /// <param name="session">The session.</param>
    /// <param name="thresholds">The thresholds in force.</param>
    public static double[] TimeInHeartRateZones(TrainingSession session, Thresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(session);
        var seconds = new double[5];
        foreach (var s in session.Run)
        {
            if (s.HeartRateBeatsPerMinute is { } hr)
            {
                seconds[HeartRateZone(hr, thresholds) - 1] += s.DurationSeconds;
            }
        }

        return seconds;
    }

    /// <summary>Seconds spent in each pace zone (index 0 = zone 1) over a session's segments, by grade-adjusted speed.</summary>
    /// <param name="session">The session.</param>
    /// <param name="thresholds">The thresholds in force.</param>
    public static double[] TimeInPaceZones(TrainingSession session, Thresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(session);
        var seconds = new double[5];
        foreach (var s in session.Run)
        {
            seconds[PaceZone(GradeAdjustedPace.EquivalentLevelSpeed(s.SpeedMetresPerSecond, s.GradeFraction), thresholds) - 1] += s.DurationSeconds;
        }

        return seconds;
    }

    private static int Zone(double value, IReadOnlyList<double> bounds)
    {
        var zone = 1;
        foreach (var b in bounds)
        {
            if (value >= b)
            {
                zone++;
            }
        }

        return zone;
    }
}
