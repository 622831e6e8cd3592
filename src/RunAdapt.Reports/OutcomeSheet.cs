using System.Text.Json.Serialization;
using RunAdapt.Core;
using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Training;
using static RunAdapt.Core.Outcomes.Numbers;

namespace RunAdapt.Reports;

/// <summary>One cell of a sheet's table: its text as shown, and the sign of the change it shows (faces may colour it).</summary>
/// <param name="Text">The value with its unit, already formatted.</param>
/// <param name="Sign">+1 for a rise, -1 for a fall, 0 for no change or a value that is not a change.</param>
public sealed record SheetCell([property: JsonPropertyName("text")] string Text, [property: JsonPropertyName("sign")] int Sign = 0);

/// <summary>One row of a sheet's table.</summary>
/// <param name="Label">What the row is (a muscle, a measure, a kind of session).</param>
/// <param name="Cells">Its cells, one per column after the first.</param>
public sealed record SheetRow([property: JsonPropertyName("label")] string Label, [property: JsonPropertyName("cells")] IReadOnlyList<SheetCell> Cells);

/// <summary>A table of an outcome, face-neutral: the terminal, the HTML report and the dashboard lay it out as they like.</summary>
/// <param name="Id">A stable name (<c>muscles</c>, <c>body</c>, <c>why</c>, <c>how-sure</c>, <c>compare</c>).</param>
/// <param name="Title">Its heading.</param>
/// <param name="Note">What it shows and how to read it, if it needs saying.</param>
/// <param name="Columns">The column headings, the row labels' column first.</param>
/// <param name="Rows">The rows.</param>
public sealed record SheetTable(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("columns")] IReadOnlyList<string> Columns,
    [property: JsonPropertyName("rows")] IReadOnlyList<SheetRow> Rows);

/// <summary>
/// An outcome as every face shows it, built once from the <see cref="MeasureCatalogue"/>: the plain-language answer
/// (headline first), the tables (muscles, whole body, why, how sure) and what drives the uncertainty.
/// </summary>
/// <param name="Title">The scenario's name or "Your history".</param>
/// <param name="Description">One line about it, if known.</param>
/// <param name="Findings">The answer sentence by sentence, the headline first.</param>
/// <param name="Tables">The tables, in order.</param>
/// <param name="Drivers">Which model parameters drive the spread of each headline measure, one sentence each (with bands only).</param>
public sealed record OutcomeSheet(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("findings")] IReadOnlyList<string> Findings,
    [property: JsonPropertyName("tables")] IReadOnlyList<SheetTable> Tables,
    [property: JsonPropertyName("drivers")] IReadOnlyList<string> Drivers)
{
    /// <summary>The note under the "why" table.</summary>
    private const string WhyNote = "Each row is what the outcome loses when the model runs again without that kind of session (size and bone in percentage points). Adaptation is not additive (sessions share ceilings and habituation), so the rows need not add up to the total.";

    /// <summary>Builds the sheet for a report input (its bands and contributions become the "how sure" and "why" tables).</summary>
    /// <param name="input">The outcome and what is known about it.</param>
    /// <param name="catalogue">The measures; <c>null</c> for <see cref="MeasureCatalogue.Standard"/>.</param>
    public static OutcomeSheet Of(ReportInput input, MeasureCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        catalogue ??= MeasureCatalogue.Standard;
        var outcome = input.Outcome;
        var tables = new List<SheetTable> { MuscleTable(outcome, catalogue), BodyTable(outcome, catalogue), RaceTable(outcome, input.Bands, input.Units) };
        if (input.Why.Count > 0)
        {
            tables.Add(WhyTable(outcome, input.Why, catalogue));
        }

        if (input.Bands is { } bands)
        {
            tables.Add(BandTable(outcome, bands, catalogue));
        }

        return new OutcomeSheet(input.Title, input.Description, Narrative.Findings(outcome, input.Bands, catalogue), tables,
            input.Bands is { } b ? DriversOf(b, catalogue) : []);
    }

    /// <summary>Several outcomes side by side: each comparison measure's final value (a level as start → end), and the weeks.</summary>
    /// <param name="outcomes">The outcomes by name, in column order.</param>
    /// <param name="catalogue">The measures; <c>null</c> for <see cref="MeasureCatalogue.Standard"/>.</param>
    public static SheetTable Compare(IReadOnlyList<KeyValuePair<string, SimulationOutcome>> outcomes, MeasureCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        catalogue ??= MeasureCatalogue.Standard;
        var muscles = MuscleNames.Sorted(outcomes.SelectMany(o => o.Value.Final.Muscles.Keys));
        var rows = new List<SheetRow>();
        foreach (var (measure, muscle) in Each(catalogue.In(Summaries.Compare), muscles))
        {
            rows.Add(new SheetRow(WithUnit(Name(measure, muscle), measure.Unit.Length > 0 ? $"({measure.Unit})" : ""), [.. outcomes.Select(o => o.Value).Select(o => measure.Kind == MeasureKind.Change
                ? SignedCell(measure, measure.Read(o.Final, muscle))
                : new SheetCell($"{Fixed(measure.Read(o.Start, muscle), measure.Decimals)} → {Fixed(measure.Read(o.Final, muscle), measure.Decimals)}", Math.Sign(Math.Round(measure.Change(o.Start, o.Final, muscle), measure.Decimals))))]));
        }

        // What a whole plan gives that no single snapshot holds: mean leg strength, the 10 km its VO2max predicts, its riskiest week.
        var tenK = Race.Find("10k")!;
        rows.Add(new SheetRow("leg strength (%)", [.. outcomes.Select(o => SignedCell(catalogue["strength"], o.Value.Final.Muscles.Values.Average(m => m.StrengthChangePercent)))]));
        rows.Add(new SheetRow("10 km time (VO2max as VDOT)", [.. outcomes.Select(o => new SheetCell($"{Durations.Clock(RaceTimes.Seconds(tenK, o.Value.Start))} → {Durations.Clock(RaceTimes.Seconds(tenK, o.Value.Final))}"))]));
        rows.Add(new SheetRow("peak injury risk", [.. outcomes.Select(o => new SheetCell(Fixed(o.Value.PeakInjuryRisk(), 2)))]));
        rows.Add(new SheetRow("weeks", [.. outcomes.Select(o => new SheetCell(Fixed(o.Value.Days / 7.0, 0)))]));
        return new SheetTable("compare", "Final state (changes since each scenario's start)", null, ["measure", .. outcomes.Select(o => o.Key)], rows);
    }

    /// <summary>
    /// How the body changed over the outcome's weeks: the start, then a row every few weeks (at most
    /// <paramref name="rows"/> after the start, the last week always), dated by the week's last day. Each measure of
    /// <see cref="Summaries.OverTime"/> is a column, a muscle measure as the mean of the leg muscles.
    /// </summary>
    /// <param name="outcome">The outcome (its weekly series).</param>
    /// <param name="start">The first simulated day.</param>
    /// <param name="rows">How many rows after the start, at most.</param>
    /// <param name="catalogue">The measures; <c>null</c> for <see cref="MeasureCatalogue.Standard"/>.</param>
    public static SheetTable OverTime(SimulationOutcome outcome, DateOnly start, int rows = 12, MeasureCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        catalogue ??= MeasureCatalogue.Standard;
        var measures = catalogue.In(Summaries.OverTime).ToList();
        var series = outcome.Series;
        var step = Math.Max(1, (int)Math.Ceiling(series.Count / (double)rows));
        // Counted back from the last week, so the last row is the end.
        var shown = Enumerable.Range(0, series.Count).Where(i => (series.Count - 1 - i) % step == 0);
        double Value(Measure m, BodySnapshot s) => m.Scope == MeasureScope.Muscle ? s.Muscles.Keys.Average(muscle => m.Read(s, muscle)) : m.Read(s);
        SheetRow Row(string label, BodySnapshot s) => new(label, [.. measures.Select(m => m.Kind == MeasureKind.Change
            ? new SheetCell(Signed(Value(m, s), m.Decimals), Math.Sign(Math.Round(Value(m, s), m.Decimals)))
            : new SheetCell(Fixed(Value(m, s), m.Decimals)))]);
        var table = new List<SheetRow> { Row(start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), outcome.Start) };
        table.AddRange(shown.Select(i => Row(start.AddDays((7 * (series[i].Week ?? (i + 1))) - 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), series[i])));
        return new SheetTable("over-time", "Over time (a muscle's measure is the mean of the leg muscles)", null,
            ["week ending", .. measures.Select(m => WithUnit(m.Label, m.Unit.Length > 0 ? $"({m.Unit})" : ""))], table);
    }

    /// <summary>
    /// Distance run and time per Monday-to-Sunday week, in all and by kind, for the last <paramref name="weeks"/> weeks
    /// up to the last session (empty weeks shown as such); <c>null</c> without sessions. An imported history's weeks
    /// count its activities by run kind (<see cref="ReportInput.Volume"/>), a plan's its sessions by <see cref="SessionKinds"/>.
    /// </summary>
    /// <param name="input">The sessions and the runner's unit.</param>
    /// <param name="weeks">How many weeks.</param>
    public static SheetTable? WeeklyVolume(ReportInput input, int weeks)
    {
        ArgumentNullException.ThrowIfNull(input);
        return WeeklyVolume(input.Volume.Count > 0 ? input.Volume : [.. input.Sessions.Select(VolumeOf)], input.Units, weeks);
    }

    /// <summary>
    /// Distance run and time per Monday-to-Sunday week, and each kind's sessions, distance and time, for the last
    /// <paramref name="weeks"/> weeks up to the last item (empty weeks shown as such); <c>null</c> without items. The one
    /// weekly-volume table of every face: <c>history</c>, the report and the dashboard.
    /// </summary>
    /// <param name="items">The sessions.</param>
    /// <param name="unit">The runner's unit.</param>
    /// <param name="weeks">How many weeks.</param>
    public static SheetTable? WeeklyVolume(IReadOnlyList<VolumeItem> items, DistanceUnit unit, int weeks)
    {
        ArgumentNullException.ThrowIfNull(items);
        var grouped = Core.Training.Weeks.Last(items, s => s.Date, weeks);
        if (grouped.Count == 0)
        {
            return null;
        }

        string Volume(IReadOnlyCollection<VolumeItem> these) =>
            (these.Sum(i => i.RunningMetres) is > 0 and var metres ? DistanceUnits.Distance(metres, unit) + ", " : "") + Durations.Clock(these.Sum(i => i.Seconds));
        var rows = grouped.Select(w => new SheetRow(w.Monday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), [
            new SheetCell(w.Items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new SheetCell(Durations.Clock(w.Items.Sum(i => i.Seconds))),
            new SheetCell(DistanceUnits.Number(w.Items.Sum(i => i.RunningMetres), unit)),
            new SheetCell(string.Join("; ", w.Items.GroupBy(i => i.Kind).OrderByDescending(g => g.Sum(i => i.Seconds)).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Invariant($"{g.Key} {g.Count()}: {Volume([.. g])}")))),
        ]));
        return new SheetTable("weekly-volume", Invariant($"Weekly volume (the last {weeks} weeks; each kind: sessions, distance run, time)"), null,
            ["week of", "sessions", "time", $"run ({unit.Symbol()})", "by kind"], [.. rows]);
    }

    /// <summary>A session as weekly volume counts it: its kind (<see cref="SessionKinds"/>), distance run and time (lifting estimated from its sets).</summary>
    /// <param name="session">The session.</param>
    public static VolumeItem VolumeOf(TrainingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new VolumeItem(session.Date, SessionKinds.Display(SessionKinds.Classify(session)).ToLowerInvariant(), session.Run.Sum(r => r.DistanceMetres), SessionKinds.Minutes(session) * 60);
    }

    /// <summary>
    /// One session's share of an answer: each "why" measure's change with every session, without this one, and the
    /// difference (adaptation is not additive, so the shares of all sessions need not add up to the total).
    /// </summary>
    /// <param name="with">The outcome of the whole history.</param>
    /// <param name="without">The outcome of the history without the session.</param>
    /// <param name="catalogue">The measures; <c>null</c> for <see cref="MeasureCatalogue.Standard"/>.</param>
    public static SheetTable Share(SimulationOutcome with, SimulationOutcome without, MeasureCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(with);
        ArgumentNullException.ThrowIfNull(without);
        catalogue ??= MeasureCatalogue.Standard;
        var rows = Each(catalogue.In(Summaries.Why), MuscleNames.Sorted(with.Final.Muscles.Keys)).Select(x => new SheetRow(WhyColumn(x.Measure, x.Muscle), [
            SignedCell(x.Measure, x.Measure.Change(with.Start, with.Final, x.Muscle)),
            SignedCell(x.Measure, x.Measure.Change(without.Start, without.Final, x.Muscle)),
            // Two more digits: one session of many moves the end by hundredths.
            SignedCell(x.Measure with { Decimals = x.Measure.Decimals + 2 }, x.Measure.Read(with.Final, x.Muscle) - x.Measure.Read(without.Final, x.Muscle)),
        ]));
        return new SheetTable("share", "This run's share of the answer", "The model run over the whole history, and again without this run; its share is the difference at the end (size and bone in percentage points).",
            ["measure", "whole history", "without this run", "this run's share"], [.. rows]);
    }

    /// <summary>A measure's name in a row or column: the muscle first for a muscle measure (<c>glutes size</c>).</summary>
    private static string Name(Measure measure, string? muscle) => muscle is null ? measure.Label : $"{muscle} {measure.Label}";

    /// <summary>Each measure with each muscle for a muscle measure, or alone for a body measure.</summary>
    private static IEnumerable<(Measure Measure, string? Muscle)> Each(IEnumerable<Measure> measures, IReadOnlyList<string> muscles) =>
        measures.SelectMany(m => m.Scope == MeasureScope.Muscle ? muscles.Select(x => (m, (string?)x)) : [(m, null)]);

    private static SheetCell Changed(Measure measure, double change) =>
        new(measure.Kind == MeasureKind.Change ? measure.Format(change) : measure.FormatChange(change), Math.Sign(Math.Round(change, measure.Decimals)));

    private static SheetTable MuscleTable(SimulationOutcome outcome, MeasureCatalogue catalogue)
    {
        var measures = catalogue.OfMuscles.ToList();
        var rows = MuscleNames.Sorted(outcome.Final.Muscles.Keys).Select(muscle => new SheetRow(muscle, [.. measures.Select(m =>
            m.Kind == MeasureKind.Change ? Changed(m, m.Read(outcome.Final, muscle)) : new SheetCell(m.Format(m.Read(outcome.Final, muscle))))]));
        return new SheetTable("muscles", "Muscles (change since the start)", null, ["muscle", .. measures.Select(m => m.Label)], [.. rows]);
    }

    /// <summary>
    /// The race times the VO2max at the start and the end gives (Daniels' VDOT), and with bands the likely range at the
    /// end: the 90th percentile of VO2max is the fast end, the 10th the slow one.
    /// </summary>
    private static SheetTable RaceTable(SimulationOutcome outcome, OutcomeBands? bands, DistanceUnit unit)
    {
        var rows = Race.Standard.Select(race =>
        {
            var end = RaceTimes.Seconds(race, outcome.Final);
            return new SheetRow(DistanceUnits.RaceName(race.Name, unit), [
                new SheetCell(Durations.Clock(RaceTimes.Seconds(race, outcome.Start))), new SheetCell(Durations.Clock(end)),
                .. bands is null ? Array.Empty<SheetCell>() : [new SheetCell($"{Durations.Clock(RaceTimes.Seconds(race, bands.High))}–{Durations.Clock(RaceTimes.Seconds(race, bands.Low))}")],
                new SheetCell(DistanceUnits.Pace(race.Metres / end, unit)),
            ]);
        });
        return new SheetTable("races", "Race times (the model's VO2max taken as Daniels' VDOT: an average running economy)", null,
            ["race", "start", "end", .. bands is null ? Array.Empty<string>() : ["likely (10th–90th)"], $"end pace {unit.PerUnit()}"], [.. rows]);
    }

    private static SheetTable BodyTable(SimulationOutcome outcome, MeasureCatalogue catalogue)
    {
        var (s, f) = (outcome.Start, outcome.Final);
        var rows = catalogue.OfBody.Select(m => new SheetRow(m.Label, [new SheetCell(m.Format(m.Read(s))), new SheetCell(m.Format(m.Read(f))), Changed(m, m.Change(s, f))]));
        return new SheetTable("body", "Whole body", null, ["measure", "start", "end", "change"], [.. rows]);
    }

    private static SheetTable WhyTable(SimulationOutcome outcome, IReadOnlyList<KindContribution> why, MeasureCatalogue catalogue)
    {
        var f = outcome.Final;
        var measures = Each(catalogue.In(Summaries.Why), MuscleNames.Sorted(f.Muscles.Keys)).ToList();
        var rows = why.Select(c => new SheetRow(SessionKinds.Display(c.Kind),
            [new SheetCell(c.Sessions.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. measures.Select(x => SignedCell(x.Measure, x.Measure.Read(f, x.Muscle) - x.Measure.Read(c.Without, x.Muscle)))]))
            .Append(new SheetRow("Total change", [new SheetCell(""), .. measures.Select(x => SignedCell(x.Measure, x.Measure.Change(outcome.Start, f, x.Muscle)))]));
        return new SheetTable("why", "Why: what each kind of session contributed", WhyNote,
            ["kind of session", "sessions", .. measures.Select(x => WhyColumn(x.Measure, x.Muscle))], [.. rows]);
    }

    /// <summary>A change or contribution, signed, in the unit its column or row names (percentage points for a percent change, said in the note).</summary>
    private static SheetCell SignedCell(Measure measure, double change) => new(Signed(change, measure.Decimals), Math.Sign(Math.Round(change, measure.Decimals)));

    /// <summary>A "why" column: the measure's name with its unit when it is a level (a percent change's unit is in the note).</summary>
    private static string WhyColumn(Measure measure, string? muscle) =>
        measure.Kind == MeasureKind.Level && measure.Unit.Length > 0 ? $"{Name(measure, muscle)} ({measure.Unit})" : Name(measure, muscle);

    private static SheetTable BandTable(SimulationOutcome outcome, OutcomeBands bands, MeasureCatalogue catalogue)
    {
        var f = outcome.Final;
        var rows = Each(catalogue.In(Summaries.Bands), MuscleNames.Sorted(f.Muscles.Keys)).Select(x => new SheetRow(Name(x.Measure, x.Muscle),
            [.. new[] { f, bands.Low, bands.Median, bands.High }.Select(s => new SheetCell(x.Measure.Format(x.Measure.Read(s, x.Muscle))))]));
        return new SheetTable("how-sure", "How sure (model, and the likely range)",
            Invariant($"The range is the 10th to 90th percentile of {bands.Samples} simulated people: the fitted parameters drawn from their calibration posterior and the others from their plausible ranges (parameters.yaml; many are marked as guesses), each person responding more or less than the average as people do, plus the model's own error measured on published studies. Where it spans no change, the model cannot say in which direction that measure moves, and the answer above says so."),
            ["measure", "model", "10th", "median", "90th"], [.. rows]);
    }

    /// <summary>The parameters behind each headline measure's spread, in catalogue order (the bands key muscles by name and body measures by key).</summary>
    private static IReadOnlyList<string> DriversOf(OutcomeBands bands, MeasureCatalogue catalogue) =>
        [.. Each(catalogue.In(Summaries.Bands), MuscleNames.Sorted(bands.Low.Muscles.Keys))
            .Select(x => (x, Drivers: bands.Drivers.GetValueOrDefault(x.Muscle is null ? x.Measure.Key : x.Measure.Key == MeasureCatalogue.SizeKey ? x.Muscle : "")))
            .Where(d => d.Drivers is { Count: > 0 })
            .Select(d => $"Most of the spread in {Name(d.x.Measure, d.x.Muscle)} comes from: {string.Join(", ", d.Drivers!)}.")];
}
