using System.Globalization;

namespace RunAdapt.Core.Training;

/// <summary>
/// The days a recorded session can have happened on: from 1989 (before any consumer GPS watch or heart-rate logger
/// a file could come from) to tomorrow (a time zone ahead). A date outside is a damaged or unset clock, and one such
/// date would stretch the simulated history over centuries.
/// </summary>
public static class PlausibleDates
{
    /// <summary>The first plausible day.</summary>
    public static DateOnly Earliest { get; } = new(1989, 1, 1);

    /// <summary>The last plausible day: tomorrow (UTC).</summary>
    public static DateOnly Latest => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);

    /// <summary>Whether a recorded session can have happened on this day.</summary>
    /// <param name="date">The day.</param>
    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>The window in words, for messages: "between 1989-01-01 and tomorrow (2026-12-01)".</summary>
    public static string Window => string.Create(CultureInfo.InvariantCulture, $"between {Earliest:yyyy-MM-dd} and tomorrow ({Latest:yyyy-MM-dd})");
}
