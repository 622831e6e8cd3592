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

/// <summary>An outcome as the page shows it: the answer, the body map, the charts and the raw outcome.</summary>
/// <param name="Title">The scenario or history name.</param>
/// <param name="Description">One line about it, if known.</param>
/// <param name="Findings">The plain-language answer, sentence by sentence.</param>
/// <param name="BodyMap">The body map SVG.</param>
/// <param name="Charts">The charts.</param>
/// <param name="Outcome">The outcome itself (the public JSON shape).</param>
public sealed record OutcomeView(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("findings")] IReadOnlyList<string> Findings,
    [property: JsonPropertyName("bodyMap")] string BodyMap,
    [property: JsonPropertyName("charts")] IReadOnlyList<ChartView> Charts,
    [property: JsonPropertyName("outcome")] SimulationOutcome Outcome);

/// <summary>Two outcomes side by side.</summary>
/// <param name="BodyMap">Both body maps on one colour scale.</param>
/// <param name="First">The first outcome.</param>
/// <param name="Second">The second outcome.</param>
public sealed record ComparisonView(
    [property: JsonPropertyName("bodyMap")] string BodyMap,
    [property: JsonPropertyName("first")] OutcomeView First,
    [property: JsonPropertyName("second")] OutcomeView Second);

/// <summary>Builds views from report inputs.</summary>
internal static class View
{
    public static OutcomeView Of(ReportInput input) => new(
        input.Title,
        input.Description,
        Narrative.Findings(input.Outcome),
        BodyMap.Render(input.Outcome),
        [.. Reports.Charts.All(input).Select(c => new ChartView(c.Name, c.Title, c.Caption, "data:image/png;base64," + Convert.ToBase64String(c.Png)))],
        input.Outcome);
}
