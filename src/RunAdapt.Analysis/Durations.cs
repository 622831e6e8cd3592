using System.Globalization;

namespace RunAdapt.Analysis;

/// <summary>Durations as a runner reads them, for every face (terminal, report, dashboard).</summary>
public static class Durations
{
    /// <summary>Longest duration written as a clock; beyond it (or not a number) the value is damaged and shown as unknown.</summary>
    private const double MaxClockSeconds = 100 * 24 * 3600;

    /// <summary>
    /// Seconds as <c>m:ss</c>, or <c>h:mm:ss</c> from an hour; "–" for a value that is not a finite duration of at most
    /// 100 days (a pace at zero speed is infinite: one such activity must not stop a whole listing).
    /// </summary>
    /// <param name="seconds">The duration, in seconds.</param>
    public static string Clock(double? seconds)
    {
        if (seconds is not { } s || !double.IsFinite(s) || s < 0 || s > MaxClockSeconds)
        {
            return "–";
        }

        var t = TimeSpan.FromSeconds(Math.Round(s));
        // Whole hours, not the hour of the day: a 26-hour ultra is 26:00:00.
        return t.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}") : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);
    }
}
