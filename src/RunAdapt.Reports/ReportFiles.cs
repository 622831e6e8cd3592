using System.Globalization;
using RunAdapt.Core.Model;

namespace RunAdapt.Reports;

/// <summary>What <see cref="ReportFiles.Write"/> wrote, relative to the output folder.</summary>
/// <param name="Html">The report's file name.</param>
/// <param name="BodyMap">The body map's file name.</param>
/// <param name="Charts">The chart files (PNG and SVG), in order.</param>
public sealed record WrittenReport(string Html, string BodyMap, IReadOnlyList<string> Charts);

/// <summary>Writes a report to a folder: <c>report.html</c>, <c>body-map.svg</c>, and each chart as PNG and SVG under <c>charts/</c>.</summary>
public static class ReportFiles
{
    /// <summary>Writes the report; the folder is created if missing, existing files of the same names are replaced.</summary>
    /// <param name="input">What to report.</param>
    /// <param name="folder">The output folder.</param>
    public static WrittenReport Write(ReportInput input, string folder)
    {
        ArgumentNullException.ThrowIfNull(input);
        var charts = Charts.All(input);
        Directory.CreateDirectory(Path.Combine(folder, "charts"));
        File.WriteAllText(Path.Combine(folder, "report.html"), HtmlReport.Render(input, charts));
        File.WriteAllText(Path.Combine(folder, "body-map.svg"), BodyMap.Render(input.Outcome, input.Title));
        var written = new List<string>();
        foreach (var chart in charts)
        {
            var png = Path.Combine("charts", chart.Name + ".png");
            var svg = Path.Combine("charts", chart.Name + ".svg");
            File.WriteAllBytes(Path.Combine(folder, png), chart.Png);
            File.WriteAllText(Path.Combine(folder, svg), chart.Svg);
            written.Add(png);
            written.Add(svg);
        }

        return new WrittenReport("report.html", "body-map.svg", written);
    }
}

/// <summary>Turns model parameters into evidence rows for the report.</summary>
public static class Evidence
{
    /// <summary>One row per parameter, tables shown as their first values, guessed values marked as such.</summary>
    /// <param name="parameters">The parameters the outcome was computed with.</param>
    public static IReadOnlyList<EvidenceRow> From(ModelParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return [.. parameters.All.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new EvidenceRow(
            p.Name,
            p.Values.Count == 1 ? Format(p.Value) : string.Join(", ", p.Values.Take(4).Select(Format)) + (p.Values.Count > 4 ? ", …" : string.Empty),
            p.Unit,
            p.Guessed ? $"{p.Source} (assumed: {p.Why ?? "no published value"})" : p.Source))];
    }

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
