namespace RunAdapt.Core.Training;

/// <summary>Training weeks as runners count them: Monday to Sunday.</summary>
public static class Weeks
{
    /// <summary>The Monday of the week a day falls in.</summary>
    /// <param name="day">The day.</param>
    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// The last <paramref name="count"/> weeks up to the latest of <paramref name="items"/>, oldest first, each with the
    /// items that fall in it (an empty week has none): what a weekly-volume table shows.
    /// </summary>
    /// <param name="items">The sessions or activities.</param>
    /// <param name="day">The day of an item.</param>
    /// <param name="count">How many weeks.</param>
    public static IReadOnlyList<(DateOnly Monday, IReadOnlyList<T> Items)> Last<T>(IReadOnlyList<T> items, Func<T, DateOnly> day, int count)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(day);
        if (items.Count == 0)
        {
            return [];
        }

        var byWeek = items.ToLookup(i => Monday(day(i)));
        var last = Monday(items.Max(day));
        return [.. Enumerable.Range(0, count).Select(k => last.AddDays(-7 * (count - 1 - k))).Select(m => (m, (IReadOnlyList<T>)[.. byWeek[m]]))];
    }
}

/// <summary>One session as a weekly-volume table counts it: its day, its kind, the distance it ran and its time.</summary>
/// <param name="Date">The day.</param>
/// <param name="Kind">Its kind as shown (a run's kind — easy, long, tempo ... —, a sport, strength).</param>
/// <param name="RunningMetres">The distance run (0 for a ride, swim or lifting), in metres.</param>
/// <param name="Seconds">Its moving time, in seconds.</param>
public sealed record VolumeItem(DateOnly Date, string Kind, double RunningMetres, double Seconds);
