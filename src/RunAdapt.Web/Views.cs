using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using RunAdapt.Core.Outcomes;
using RunAdapt.Reports;

namespace RunAdapt.Web;

/// <summary>An outcome as the page shows it: the sheet (answer and tables), the body map, the charts and the raw outcome.</summary>
/// <param name="Sheet">The answer and the tables, as every face shows them.</param>
/// <param name="BodyMap">The body map SVG.</param>
/// <param name="Charts">The charts' data on dated time axes (the page draws them, interactive).</param>
/// <param name="Volume">Distance and time of the last weeks, by kind of session; <c>null</c> without sessions.</param>
/// <param name="Outcome">The outcome itself (the public JSON shape).</param>
public sealed record OutcomeView(
    [property: JsonPropertyName("sheet")] OutcomeSheet Sheet,
    [property: JsonPropertyName("bodyMap")] string BodyMap,
    [property: JsonPropertyName("charts")] IReadOnlyList<DatedChart> Charts,
    [property: JsonPropertyName("volume")] SheetTable? Volume,
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
    /// <summary>How many weeks the weekly-volume table shows (as the report).</summary>
    private const int VolumeWeeks = 12;

    /// <summary>The outcome as the page shows it (with "how sure" and "why" when the input has them).</summary>
    public OutcomeView Of(ReportInput input) => new(
        OutcomeSheet.Of(input, Catalogue),
        BodyMap.Render(input.Outcome),
        DatedCharts.Of(input, Catalogue),
        OutcomeSheet.WeeklyVolume(input, VolumeWeeks),
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
