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

/// <summary>One row of the page's "how sure" table.</summary>
/// <param name="Measure">What is measured, with its unit.</param>
/// <param name="Model">The model's value.</param>
/// <param name="Low">The 10th percentile.</param>
/// <param name="Median">The median.</param>
/// <param name="High">The 90th percentile.</param>
public sealed record BandRow(
    [property: JsonPropertyName("measure")] string Measure,
    [property: JsonPropertyName("model")] double Model,
    [property: JsonPropertyName("p10")] double Low,
    [property: JsonPropertyName("p50")] double Median,
    [property: JsonPropertyName("p90")] double High);

/// <summary>One row of the page's "why" table: what a kind of session contributed.</summary>
/// <param name="Kind">The kind of session.</param>
/// <param name="Sessions">How many.</param>
/// <param name="Contributions">Measure → what the outcome loses without them (size and bone in points, VO2max in ml/kg/min).</param>
public sealed record WhyRow(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("sessions")] int Sessions,
    [property: JsonPropertyName("contributions")] IReadOnlyDictionary<string, double> Contributions);

/// <summary>How sure the model is of an outcome and why it came out so, as the page shows it.</summary>
/// <param name="Samples">How many simulations the bands rest on.</param>
/// <param name="Bands">The model's value and likely range per measure.</param>
/// <param name="Drivers">Which parameters drive the spread, one line per measure.</param>
/// <param name="Why">What each kind of session contributed.</param>
public sealed record InsightView(
    [property: JsonPropertyName("samples")] int Samples,
    [property: JsonPropertyName("bands")] IReadOnlyList<BandRow> Bands,
    [property: JsonPropertyName("drivers")] IReadOnlyList<string> Drivers,
    [property: JsonPropertyName("why")] IReadOnlyList<WhyRow> Why);

/// <summary>Builds the insight view from a full report input (with bands and contributions).</summary>
internal static class Insight
{
    public static InsightView Of(ReportInput input)
    {
        var f = input.Outcome.Final;
        var b = input.Bands ?? throw new InvalidOperationException("the insight needs the bands: build the input with full: true");
        var bands = f.Muscles.Keys.Select(m => new BandRow($"{m} size, %", f.Muscles[m].SizeChangePercent, b.Low.Muscles[m].SizeChangePercent, b.Median.Muscles[m].SizeChangePercent, b.High.Muscles[m].SizeChangePercent))
            .Append(new BandRow("VO2max, ml/kg/min", f.Vo2MaxMillilitresPerKilogramPerMinute, b.Low.Vo2MaxMillilitresPerKilogramPerMinute, b.Median.Vo2MaxMillilitresPerKilogramPerMinute, b.High.Vo2MaxMillilitresPerKilogramPerMinute))
            .Append(new BandRow("body mass, kg", f.BodyMassKilograms, b.Low.BodyMassKilograms, b.Median.BodyMassKilograms, b.High.BodyMassKilograms))
            .Append(new BandRow("bone density, %", f.BoneDensityChangePercent, b.Low.BoneDensityChangePercent, b.Median.BoneDensityChangePercent, b.High.BoneDensityChangePercent));
        var drivers = b.Drivers.Where(d => d.Value.Count > 0)
            .Select(d => $"{d.Key.Replace('_', ' ')}: " + string.Join(", ", d.Value));
        var why = input.Why.Select(c => new WhyRow(SessionKinds.Display(c.Kind), c.Sessions,
            f.Muscles.Keys.ToDictionary(m => m, m => Math.Round(f.Muscles[m].SizeChangePercent - c.Without.Muscles[m].SizeChangePercent, 2))
                .Append(new KeyValuePair<string, double>("vo2max", Math.Round(f.Vo2MaxMillilitresPerKilogramPerMinute - c.Without.Vo2MaxMillilitresPerKilogramPerMinute, 2)))
                .Append(new KeyValuePair<string, double>("bone", Math.Round(f.BoneDensityChangePercent - c.Without.BoneDensityChangePercent, 2)))
                .ToDictionary()));
        return new InsightView(b.Samples, [.. bands], [.. drivers], [.. why]);
    }
}
