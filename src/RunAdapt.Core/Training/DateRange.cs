using System.Globalization;

namespace RunAdapt.Core.Training;

/// <summary>The days a history is read over (<c>--since</c> / <c>--until</c>): both ends included, either open.</summary>
/// <param name="Since">The first day, or <c>null</c> for the beginning.</param>
/// <param name="Until">The last day, or <c>null</c> for the end.</param>
public readonly record struct DateRange(DateOnly? Since, DateOnly? Until)
{
    /// <summary>Every day.</summary>
    public static DateRange All => default;

    /// <summary>Whether the range is every day.</summary>
    public bool IsAll => Since is null && Until is null;

    /// <summary>Whether a day lies in the range.</summary>
    /// <param name="date">The day.</param>
    public bool Contains(DateOnly date) => (Since is null || date >= Since) && (Until is null || date <= Until);

    /// <summary>Whether the moment's day (UTC) lies in the range.</summary>
    /// <param name="utc">The moment.</param>
    public bool Contains(DateTime utc) => Contains(DateOnly.FromDateTime(utc));

    /// <summary>The range in words, for titles: "from 2024-01-01 to 2024-06-30", "from 2024-01-01", "to 2024-06-30", or empty.</summary>
    public string Describe() =>
        string.Join(" ", new[] { Since is { } s ? $"from {s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : null, Until is { } u ? $"to {u.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : null }.OfType<string>());

    /// <summary>Reads a range from its two ends as written (<c>YYYY-MM-DD</c>, either missing or empty).</summary>
    /// <param name="since">The first day as written, or <c>null</c>.</param>
    /// <param name="until">The last day as written, or <c>null</c>.</param>
    /// <param name="range">The range read.</param>
    /// <param name="error">What was wrong, one line, when it could not be read ("--since must be YYYY-MM-DD, not '3 May'").</param>
    /// <returns>Whether it could be read.</returns>
    public static bool TryParse(string? since, string? until, out DateRange range, out string? error)
    {
        range = All;
        error = null;
        DateOnly? from = null, to = null;
        if (!string.IsNullOrEmpty(since) && !TryDay(since, "--since", out from, out error))
        {
            return false;
        }

        if (!string.IsNullOrEmpty(until) && !TryDay(until, "--until", out to, out error))
        {
            return false;
        }

        if (from > to)
        {
            error = $"--since ({since}) is after --until ({until})";
            return false;
        }

        range = new DateRange(from, to);
        return true;
    }

    private static bool TryDay(string text, string what, out DateOnly? day, out string? error)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            (day, error) = (d, null);
            return true;
        }

        (day, error) = (null, $"{what} must be a day written YYYY-MM-DD, not '{text}'");
        return false;
    }
}
