using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using RunAdapt.Core.Outcomes;
using RunAdapt.Reports;

namespace RunAdapt.Web;

/// <summary>One chart as the page shows it.</summary>
/// <param name="Name">Identifier.</param>
/// <param name="Title">Heading.</param>
/// <param name="Caption">What it shows.</param>
/// <param name="Png">The PNG as a data URI.</param>
public sealed record ChartView(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("caption")] string Caption,
    [property: JsonPropertyName("png")] string Png);

/// <summary>An outcome as the page shows it: the sheet (answer and tables), the body map, the charts and the raw outcome.</summary>
/// <param name="Sheet">The answer and the tables, as every face shows them.</param>
/// <param name="BodyMap">The body map SVG.</param>
/// <param name="Charts">The charts.</param>
/// <param name="Outcome">The outcome itself (the public JSON shape).</param>
public sealed record OutcomeView(
    [property: JsonPropertyName("sheet")] OutcomeSheet Sheet,
    [property: JsonPropertyName("bodyMap")] string BodyMap,
    [property: JsonPropertyName("charts")] IReadOnlyList<ChartView> Charts,
    [property: JsonPropertyName("outcome")] JsonObject Outcome);

/// <summary>Two outcomes side by side.</summary>
/// <param name="BodyMap">Both body maps on one colour scale.</param>
/// <param name="Table">The comparison table (as the terminal's <c>compare</c> shows it).</param>
/// <param name="First">The first outcome.</param>
/// <param name="Second">The second outcome.</param>
public sealed record ComparisonView(
    [property: JsonPropertyName("bodyMap")] string BodyMap,
    [property: JsonPropertyName("table")] SheetTable Table,
    [property: JsonPropertyName("first")] OutcomeView First,
    [property: JsonPropertyName("second")] OutcomeView Second);

/// <summary>Builds views from report inputs, with the dashboard's measure catalogue.</summary>
/// <param name="Catalogue">The measures every view shows.</param>
internal sealed record Views(MeasureCatalogue Catalogue)
{
    /// <summary>The outcome as the page shows it (with "how sure" and "why" when the input has them).</summary>
    public OutcomeView Of(ReportInput input) => new(
        OutcomeSheet.Of(input, Catalogue),
        BodyMap.Render(input.Outcome),
        [.. Reports.Charts.All(input).Select(c => new ChartView(c.Name, c.Title, c.Caption, "data:image/png;base64," + Convert.ToBase64String(c.Png)))],
        OutcomeJson.Node(input.Outcome, Catalogue));

    /// <summary>The answer and tables only, with how sure the model is and why (no charts: the page has them already).</summary>
    public OutcomeSheet Insight(ReportInput input) =>
        input.Bands is null ? throw new InvalidOperationException("the insight needs the bands: build the input with full: true") : OutcomeSheet.Of(input, Catalogue);

    /// <summary>Two outcomes side by side.</summary>
    public ComparisonView Compare(ReportInput first, ReportInput second) => new(
        BodyMap.RenderComparison(first.Title, first.Outcome, second.Title, second.Outcome),
        OutcomeSheet.Compare([new(first.Title, first.Outcome), new(second.Title, second.Outcome)], Catalogue),
        Of(first), Of(second));
}
