using System.Globalization;
using System.Text.Json.Serialization;
using RunAdapt.Core.Outcomes;

namespace RunAdapt.Reports;

/// <summary>One series of a dated chart.</summary>
/// <param name="Label">What it is (a muscle, a measure, a kind of session).</param>
/// <param name="Values">One value per date of its chart.</param>
public sealed record DatedLine([property: JsonPropertyName("label")] string Label, [property: JsonPropertyName("values")] IReadOnlyList<double> Values);

/// <summary>A chart's data on a time axis of dates, face-neutral: an interactive face draws it as it likes.</summary>
/// <param name="Name">A stable identifier (a measure's key, <c>fitness-fatigue</c>, <c>weekly-volume</c>).</param>
/// <param name="Title">Its heading.</param>
/// <param name="Unit">The unit of its values (<c>%</c>, <c>kg</c>, <c>TRIMP</c>), or an empty string.</param>
/// <param name="Decimals">Digits to show after the point.</param>
/// <param name="Bars">Whether its values are per-period totals (bars) rather than levels (lines).</param>
/// <param name="Dates">The days, <c>yyyy-MM-dd</c>, ascending.</param>
/// <param name="Lines">The series.</param>
public sealed record DatedChart(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("unit")] string Unit,
    [property: JsonPropertyName("decimals")] int Decimals,
    [property: JsonPropertyName("bars")] bool Bars,
    [property: JsonPropertyName("dates")] IReadOnlyList<string> Dates,
    [property: JsonPropertyName("lines")] IReadOnlyList<DatedLine> Lines);

/// <summary>
/// An outcome's charts with dates on the time axis: one per measure of the catalogue (a line per muscle for a muscle
/// measure) dated by the end of each simulated week, fitness–fatigue–form day by day, and the weekly volume.
/// </summary>
public static class DatedCharts
{
    /// <summary>Every dated chart the input supports, in order.</summary>
    /// <param name="input">The outcome and what is known about it.</param>
    /// <param name="catalogue">The measures; <c>null</c> for <see cref="MeasureCatalogue.Standard"/>.</param>
    public static IReadOnlyList<DatedChart> Of(ReportInput input, MeasureCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        catalogue ??= MeasureCatalogue.Standard;
        var outcome = input.Outcome;
        var start = input.StartDate ?? (input.Sessions.Count > 0 ? input.Sessions.Min(s => s.Date) : DateOnly.FromDateTime(DateTime.UtcNow));
        // The start, then the last day of each simulated week.
        var snapshots = new[] { outcome.Start }.Concat(outcome.Series).ToList();
        var dates = new[] { Day(start) }.Concat(outcome.Series.Select((s, i) => Day(start.AddDays((7 * (s.Week ?? (i + 1))) - 1)))).ToList();
        var muscles = MuscleNames.Sorted(outcome.Final.Muscles.Keys);
        var charts = catalogue.All.Select(m => new DatedChart(m.Key, m.Label, m.Unit, m.Decimals, false, dates, m.Scope == MeasureScope.Muscle
            ? [.. muscles.Select(muscle => new DatedLine(MuscleNames.Display(muscle), [.. snapshots.Select(s => m.Read(s, muscle))]))]
            : [new DatedLine(m.Label, [.. snapshots.Select(s => m.Read(s))])])).ToList();
        if (input.TrainingLoad.Count > 1)
        {
            var load = input.TrainingLoad;
            charts.Add(new DatedChart("fitness-fatigue", "Fitness, fatigue and form", "TRIMP", 1, false, [.. load.Select(d => Day(d.Date))], [
                new DatedLine("fitness (CTL)", [.. load.Select(d => d.Fitness)]),
                new DatedLine("fatigue (ATL)", [.. load.Select(d => d.Fatigue)]),
                new DatedLine("form (TSB)", [.. load.Select(d => d.Form)]),
            ]));
        }

        if (input.Sessions.Count > 0)
        {
            charts.Add(WeeklyVolume(input));
        }

        return charts;
    }

    /// <summary>Hours per Monday-to-Sunday week by kind of session, from the first session's week to the last's.</summary>
    private static DatedChart WeeklyVolume(ReportInput input)
    {
        var first = Core.Training.Weeks.Monday(input.Sessions.Min(s => s.Date));
        var count = ((Core.Training.Weeks.Monday(input.Sessions.Max(s => s.Date)).DayNumber - first.DayNumber) / 7) + 1;
        var weeks = Core.Training.Weeks.Last(input.Sessions, s => s.Date, count);
        var kinds = Enum.GetValues<SessionKind>().Where(k => input.Sessions.Any(s => SessionKinds.Classify(s) == k));
        return new DatedChart("weekly-volume", "Weekly volume by kind of session", "h", 1, true, [.. weeks.Select(w => Day(w.Monday))],
            [.. kinds.Select(k => new DatedLine(SessionKinds.Display(k), [.. weeks.Select(w => w.Items.Where(s => SessionKinds.Classify(s) == k).Sum(SessionKinds.Minutes) / 60)]))]);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
