using System.Globalization;

namespace RunAdapt.Core;

/// <summary>Durations as a runner reads them, for every face (terminal, report, dashboard) and every part (analysis, race times, goals).</summary>
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

    /// <summary>A signed duration (a time gained or lost) as <c>+m:ss</c> / <c>−m:ss</c> (<c>0:00</c> for less than half a second).</summary>
    /// <param name="seconds">The change, in seconds.</param>
    public static string SignedClock(double seconds) => Math.Round(seconds) switch
    {
        > 0 => "+" + Clock(seconds),
        < 0 => "-" + Clock(-seconds),
        _ => "0:00",
    };

    /// <summary>Seconds written <c>M:SS</c> or <c>H:MM:SS</c> (or plain seconds); <c>null</c> if not a time.</summary>
    /// <param name="text">The time, e.g. <c>47:00</c> or <c>3:05:30</c>.</param>
    public static double? Seconds(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split(':');
        double total = 0;
        foreach (var part in parts)
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < 0 || !double.IsFinite(v))
            {
                return null;
            }

            total = (total * 60) + v;
        }

        return parts.Length <= 3 ? total : null;
    }
}
