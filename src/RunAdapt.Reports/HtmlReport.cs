using System.Globalization;
using System.Net;
using System.Text;
using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Training;
using static RunAdapt.Core.Outcomes.Numbers;

namespace RunAdapt.Reports;

/// <summary>
/// The report as one self-contained HTML file: plain-language answer, body map, charts, the numbers, and the
/// evidence behind them. Everything is inline (CSS, SVG, PNG data URIs): the file opens offline and makes no
/// request anywhere. The markup is also well-formed XML, so tools can read it.
/// </summary>
public static class HtmlReport
{
    /// <summary>Renders the report, drawing the charts itself.</summary>
    /// <param name="input">What to report.</param>
    /// <param name="catalogue">The measures; <c>null</c> for <see cref="MeasureCatalogue.Standard"/>.</param>
    public static string Render(ReportInput input, MeasureCatalogue? catalogue = null) => Render(input, Charts.All(input), catalogue);

    /// <summary>Renders the report with charts already drawn (so a caller can also save them as files).</summary>
    /// <param name="input">What to report.</param>
    /// <param name="charts">The charts to embed, in order.</param>
    /// <param name="catalogue">The measures; <c>null</c> for <see cref="MeasureCatalogue.Standard"/>.</param>
    public static string Render(ReportInput input, IReadOnlyList<ChartImage> charts, MeasureCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(charts);
        var outcome = input.Outcome;
        var sheet = OutcomeSheet.Of(input, catalogue);
        var tables = sheet.Tables.ToDictionary(t => t.Id);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n")
            .Append("<title>RunAdapt: ").Append(E(input.Title)).Append("</title>\n<style>").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n");

        html.Append("<header><p class=\"kicker\">RunAdapt report</p><h1>").Append(E(input.Title)).Append("</h1>");
        if (input.Description is { Length: > 0 } description)
        {
            html.Append("<p class=\"lead\">").Append(E(description)).Append("</p>");
        }

        html.Append("<p class=\"meta\">").Append(E(Invariant($"{outcome.Days} days ({outcome.Days / 7.0:0.#} weeks) simulated"))).Append(input.Sessions.Count > 0 ? E(Invariant($", {input.Sessions.Count} sessions")) : string.Empty).Append(".</p></header>\n");

        html.Append("<section id=\"answer\"><h2>What did my running build?</h2><ul class=\"findings\">");
        foreach (var finding in sheet.Findings)
        {
            html.Append("<li>").Append(E(finding)).Append("</li>");
        }

        html.Append("</ul></section>\n");

        html.Append("<section id=\"body-map\"><h2>Body map</h2><p class=\"note\">Each muscle group coloured by how much its size changed since the start: warm colours grew, blue shrank.</p><div class=\"figure\">")
            .Append(Inline(BodyMap.Render(outcome))).Append("</div></section>\n");

        html.Append("<section id=\"numbers\"><h2>The numbers</h2>").Append(Table(tables["muscles"])).Append(Table(tables["body"])).Append("</section>\n");
        foreach (var table in sheet.Tables.Where(t => t.Id is "why" or "how-sure"))
        {
            html.Append("<section id=\"").Append(table.Id).Append("\"><h2>").Append(E(table.Title)).Append("</h2><p class=\"note\">").Append(E(table.Note ?? "")).Append("</p>")
                .Append(Table(table, caption: false));
            if (table.Id == "how-sure")
            {
                html.Append("<ul class=\"drivers\">").AppendJoin("", sheet.Drivers.Select(d => $"<li>{E(d)}</li>")).Append("</ul>");
            }

            html.Append("</section>\n");
        }

        html.Append("<section id=\"charts\"><h2>Week by week</h2><div class=\"charts\">");
        foreach (var chart in charts)
        {
            html.Append("<figure id=\"chart-").Append(E(chart.Name)).Append("\"><img alt=\"").Append(E(chart.Title)).Append("\" width=\"").Append(Charts.Width).Append("\" height=\"").Append(Charts.Height)
                .Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(chart.Png)).Append("\" /><figcaption>").Append(E(chart.Caption)).Append("</figcaption></figure>");
        }

        html.Append("</div></section>\n");
        html.Append("<section id=\"evidence\"><h2>Evidence behind the figures</h2>").Append(SessionEvidence(input)).Append(WeeklyVolume(input)).Append(EachSession(input)).Append(ParameterEvidence(input)).Append("</section>\n");
        html.Append("<footer>Made by RunAdapt from a mechanistic model; every parameter carries its source. A model is not a measurement: treat the numbers as direction and size, not as a lab result.</footer>\n");
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>A sheet's table as HTML: a caption unless the section's heading names it, changes coloured by sign.</summary>
    private static string Table(SheetTable table, bool caption = true)
    {
        var html = new StringBuilder("<table class=\"").Append(table.Id).Append("\">");
        if (caption)
        {
            html.Append("<caption>").Append(E(table.Title)).Append("</caption>");
        }

        html.Append("<thead><tr>").AppendJoin("", table.Columns.Select(c => $"<th>{E(c)}</th>")).Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(row.Label)).Append("</th>").AppendJoin("", row.Cells.Select(c => Cell(c.Text, c.Sign))).Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    private static string SessionEvidence(ReportInput input)
    {
        if (input.Sessions.Count == 0)
        {
            return "<p class=\"note\">No sessions were given with this outcome, so the report cannot say which sessions drove which change.</p>";
        }

        var table = new StringBuilder("<table class=\"sessions\"><caption>Sessions that drove it</caption><thead><tr><th>Kind of session</th><th>Sessions</th><th>Hours</th><th>Running ").Append(input.Units.Symbol()).Append("</th><th class=\"text\">What it loads most</th></tr></thead><tbody>");
        foreach (var group in input.Sessions.GroupBy(SessionKinds.Classify).OrderBy(g => g.Key))
        {
            var distance = group.Sum(s => s.Run.Sum(r => r.DistanceMetres));
            table.Append("<tr><th scope=\"row\"><span class=\"swatch\" style=\"background:").Append(SessionKinds.Colour(group.Key)).Append("\"></span>").Append(E(SessionKinds.Display(group.Key))).Append("</th>")
                .Append(Cell(group.Count().ToString(CultureInfo.InvariantCulture)))
                .Append(Cell(Invariant($"{group.Sum(SessionKinds.Minutes) / 60:0.0}")))
                .Append(Cell(DistanceUnits.Number(distance, input.Units)))
                .Append("<td class=\"text\">").Append(E(Drives(group.Key))).Append("</td></tr>");
        }

        return table.Append("</tbody></table>").ToString();
    }

    /// <summary>How many weeks, up to the last session's, the weekly-volume table shows.</summary>
    private const int VolumeWeeks = 12;

    /// <summary>
    /// Distance run and time per Monday-to-Sunday week, with the sessions of each kind, for the last
    /// <see cref="VolumeWeeks"/> weeks up to the last session; empty weeks shown as such.
    /// </summary>
    private static string WeeklyVolume(ReportInput input)
    {
        if (OutcomeSheet.WeeklyVolume(input, VolumeWeeks) is not { } volume)
        {
            return string.Empty;
        }

        var table = new StringBuilder("<table class=\"weekly\"><caption>").Append(E(volume.Title)).Append("</caption><thead><tr>");
        foreach (var (column, i) in volume.Columns.Select((c, i) => (c, i)))
        {
            table.Append(i == volume.Columns.Count - 1 ? "<th class=\"text\">" : "<th>").Append(E(Capitalised(column))).Append("</th>");
        }

        table.Append("</tr></thead><tbody>");
        foreach (var row in volume.Rows)
        {
            table.Append("<tr><th scope=\"row\">").Append(E(row.Label)).Append("</th>");
            foreach (var cell in row.Cells.Take(row.Cells.Count - 1))
            {
                table.Append(Cell(cell.Text));
            }

            table.Append("<td class=\"text\">").Append(E(row.Cells[^1].Text)).Append("</td></tr>");
        }

        return table.Append("</tbody></table>").ToString();
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The most sessions listed one by one; a decade of daily runs would otherwise make a 2 MB page.</summary>
    private const int MostSessionRows = 400;

    private static string EachSession(ReportInput input)
    {
        if (input.SessionRows.Count == 0)
        {
            return string.Empty;
        }

        var shown = input.SessionRows.OrderByDescending(r => r.Date).Take(MostSessionRows).ToList();
        var table = new StringBuilder("<details class=\"each-session\"><summary>")
            .Append(E(shown.Count == input.SessionRows.Count ? Invariant($"Each session ({shown.Count})") : Invariant($"The latest {shown.Count} of {input.SessionRows.Count} sessions")))
            .Append("</summary><table class=\"sessions\"><thead><tr><th>Day</th><th>Sport</th><th>").Append(input.Units.Symbol()).Append("</th><th>Minutes</th><th>Load</th><th class=\"text\">What it held</th></tr></thead><tbody>");
        foreach (var r in shown)
        {
            table.Append("<tr><th scope=\"row\">").Append(E(r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).Append("</th>")
                .Append("<td class=\"text\">").Append(E(r.Sport)).Append("</td>")
                .Append(Cell(DistanceUnits.Number(r.DistanceMetres, input.Units))).Append(Cell(Invariant($"{r.MovingMinutes:0}")))
                .Append(Cell(r.Load ?? "–")).Append("<td class=\"text\">").Append(E(r.Held ?? "–")).Append("</td></tr>");
        }

        return table.Append("</tbody></table></details>").ToString();
    }

    // What each kind of session loads, from the model's biomechanics (DESIGN.md behaviours 2, 3, 7).
    private static string Drives(SessionKind kind) => kind switch
    {
        SessionKind.EasyRun => "Calves and quadriceps at low force: endurance, type I fibres, VO2max; little size once habitual.",
        SessionKind.Hills => "Glutes, quadriceps and calves at higher force: more size stimulus than flat running.",
        SessionKind.Speed => "Hamstrings, glutes and quadriceps near maximal force: the strongest running stimulus for size.",
        SessionKind.Weighted => "Everything that carries the load, in proportion to the added mass.",
        SessionKind.Strength => "The muscles the exercises target: most of the size a runner can add.",
        _ => "Heart and lungs; little leg-muscle loading.",
    };

    private static string ParameterEvidence(ReportInput input)
    {
        if (input.Evidence.Count == 0)
        {
            return "<p class=\"note\">No model parameters were given with this outcome.</p>";
        }

        // Collapsed by default: the full parameter list is long, and most readers want the sessions first.
        var table = new StringBuilder("<details><summary>")
            .Append(E(Invariant($"Model parameters and their sources ({input.Evidence.Count})")))
            .Append("</summary><table class=\"parameters\"><thead><tr><th>Parameter</th><th>Value</th><th class=\"text\">Unit</th><th class=\"text\">Source</th></tr></thead><tbody>");
        foreach (var row in input.Evidence)
        {
            table.Append("<tr><th scope=\"row\"><code>").Append(E(row.Parameter)).Append("</code></th>").Append(Cell(row.Value)).Append("<td class=\"text\">").Append(E(row.Unit))
                .Append("</td><td class=\"text\">").Append(E(row.Source)).Append("</td></tr>");
        }

        return table.Append("</tbody></table></details>").ToString();
    }

    private static string Cell(string text, int sign = 0)
    {
        var cls = sign switch { > 0 => " class=\"up\"", < 0 => " class=\"down\"", _ => string.Empty };
        return $"<td{cls}>{E(text)}</td>";
    }

    /// <summary>An SVG document made fit to inline in HTML: no XML namespace URL (the HTML parser supplies it).</summary>
    private static string Inline(string svg) => svg.Replace(" xmlns=\"http://www.w3.org/2000/svg\"", string.Empty, StringComparison.Ordinal);

    private static string E(string text) => WebUtility.HtmlEncode(text);


    private const string Css = """
        :root { --ink: #1f2933; --muted: #52606d; --line: #e4e7eb; --up: #b2182b; --down: #2166ac; --paper: #f5f7fa; }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.55 "DejaVu Sans", Verdana, system-ui, sans-serif; }
        main { max-width: 1100px; margin: 0 auto; padding: 32px 24px 64px; }
        header { margin-bottom: 8px; }
        .kicker { text-transform: uppercase; letter-spacing: .12em; font-size: 12px; color: var(--muted); margin: 0; }
        h1 { font-size: 34px; margin: 4px 0 8px; }
        h2 { font-size: 22px; margin: 0 0 12px; }
        .lead { font-size: 18px; margin: 0 0 4px; }
        .meta, .note, figcaption, footer { color: var(--muted); font-size: 14px; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 22px 24px; margin: 20px 0; }
        .findings { margin: 0; padding-left: 20px; }
        .findings li { margin: 6px 0; }
        .findings li:first-child { font-size: 19px; font-weight: bold; }
        .figure svg { width: 100%; height: auto; display: block; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 18px; }
        figure { margin: 0; }
        figure img { width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; }
        table { border-collapse: collapse; width: 100%; margin: 0 0 18px; font-size: 15px; }
        caption { text-align: left; font-weight: bold; padding: 4px 0 8px; }
        th, td { padding: 7px 10px; border-bottom: 1px solid var(--line); text-align: right; }
        th:first-child, th.text, td.text { text-align: left; }
        details summary { font-weight: bold; cursor: pointer; padding: 4px 0 8px; }
        thead th { color: var(--muted); font-weight: normal; border-bottom: 2px solid var(--line); }
        td.up { color: var(--up); font-weight: bold; }
        td.down { color: var(--down); font-weight: bold; }
        .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 8px; vertical-align: -1px; }
        code { font-size: 13px; }
        footer { margin-top: 24px; }
        """;
}
