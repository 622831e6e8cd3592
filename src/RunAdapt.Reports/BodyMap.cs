using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using RunAdapt.Core.Outcomes;

namespace RunAdapt.Reports;

/// <summary>
/// A hand-drawn vector map of the legs and hips, front and back, with each muscle group coloured by how much
/// its size changed on a <see cref="DivergingScale"/> (warm = grew, blue = shrank), labelled with the change.
/// </summary>
public static partial class BodyMap
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    // One figure is drawn in a 200 × 470 box, legs apart, centred on x = 100; only the viewer's-left half is
    // written out, the other half is its mirror image. The same outline serves front and back.
    private const double FigureWidth = 200;
    private const double FigureHeight = 470;
    private const string Outline =
        "M 100,12 L 54,12 C 42,30 31,62 31,98 C 30,152 35,205 43,254 C 45,270 43,284 41,300 C 37,330 41,362 50,396 " +
        "C 54,412 56,426 56,438 C 53,448 45,455 47,464 L 86,464 C 88,452 84,441 82,430 C 84,400 90,362 90,332 " +
        "C 90,306 88,290 90,272 C 94,232 97,172 97,130 L 100,122";

    private sealed record Shape(string Muscle, string Path, (double X, double Y) Anchor);

    private static readonly Shape[] Front =
    [
        new("quadriceps", "M 42,112 C 34,152 38,212 50,250 C 56,263 78,267 86,255 C 92,236 94,210 92,180 C 92,150 90,124 84,108 C 72,96 52,98 42,112 Z", (52, 175)),
        new("calves", "M 83,290 C 93,314 93,348 86,376 C 79,354 77,320 83,290 Z", (86, 330)),
        new("calves", "M 44,298 C 39,322 41,350 50,370 C 52,348 51,320 44,298 Z", (46, 330)),
    ];

    private static readonly Shape[] Back =
    [
        new("glutes", "M 98,24 C 80,16 52,22 40,45 C 30,70 34,100 48,114 C 62,126 86,126 98,116 Z", (46, 70)),
        new("hamstrings", "M 41,128 C 37,164 41,212 51,250 C 57,263 84,263 89,250 C 95,220 97,180 93,128 C 76,134 56,134 41,128 Z", (45, 190)),
        new("calves", "M 45,322 C 44,360 53,394 60,418 L 80,418 C 87,394 92,360 90,322 Z", (52, 380)),
        new("calves", "M 46,282 C 36,305 40,340 54,360 C 60,366 66,362 68,350 L 68,290 C 62,282 52,278 46,282 Z", (46, 318)),
        new("calves", "M 71,290 L 71,352 C 73,366 81,368 87,358 C 94,335 92,302 84,284 C 78,280 73,282 71,290 Z", (86, 318)),
    ];

    // Thin lines that suggest the muscles' heads and tendons; they carry no data.
    private static readonly string[] FrontDetail =
    [
        "M 64,104 C 60,150 62,210 68,256", "M 86,204 C 95,226 92,248 82,258", "M 66,272 C 68,276 72,276 74,272",
        "M 62,300 C 60,340 62,380 66,420",
    ];

    private static readonly string[] BackDetail = ["M 68,136 C 66,172 67,212 70,256", "M 70,418 L 69,446"];

    /// <summary>The body map for one outcome: final size change of each muscle group.</summary>
    /// <param name="outcome">The outcome to show.</param>
    /// <param name="title">A heading drawn above the figures, or <c>null</c> for none.</param>
    public static string Render(SimulationOutcome outcome, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var scale = DivergingScale.Covering(outcome.Final.Muscles.Values.Select(m => m.SizeChangePercent));
        const double width = 760, height = 640;
        var svg = Root(width, height, title ?? "Change in muscle size");
        svg.Add(Panel(outcome, scale, 0, 40, title is null ? null : "Change in muscle size"));
        svg.Add(Legend(scale, width / 2, height - 50));
        return Serialise(svg);
    }

    /// <summary>Two outcomes side by side on one shared colour scale, so equal colours mean equal changes.</summary>
    /// <param name="firstName">The first outcome's name.</param>
    /// <param name="first">The first outcome.</param>
    /// <param name="secondName">The second outcome's name.</param>
    /// <param name="second">The second outcome.</param>
    public static string RenderComparison(string firstName, SimulationOutcome first, string secondName, SimulationOutcome second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var scale = DivergingScale.Covering(first.Final.Muscles.Values.Concat(second.Final.Muscles.Values).Select(m => m.SizeChangePercent));
        const double width = 1520, height = 660;
        var svg = Root(width, height, $"{firstName} vs {secondName}: change in muscle size");
        svg.Add(Panel(first, scale, 0, 60, firstName));
        svg.Add(Panel(second, scale, 760, 60, secondName));
        svg.Add(new XElement(Svg + "line", Attr("x1", 760), Attr("y1", 40), Attr("x2", 760), Attr("y2", height - 90), new XAttribute("stroke", "#d0d4da")));
        svg.Add(Legend(scale, width / 2, height - 50));
        return Serialise(svg);
    }

    private static XElement Root(double width, double height, string title) =>
        new(Svg + "svg",
            new XAttribute("viewBox", Invariant($"0 0 {width} {height}")),
            Attr("width", width), Attr("height", height),
            new XAttribute("role", "img"),
            new XAttribute("font-family", "DejaVu Sans, Verdana, sans-serif"),
            new XElement(Svg + "title", title),
            new XElement(Svg + "rect", Attr("width", width), Attr("height", height), new XAttribute("fill", "#ffffff")));

    private static XElement Panel(SimulationOutcome outcome, DivergingScale scale, double x, double y, string? heading)
    {
        var panel = new XElement(Svg + "g", new XAttribute("transform", Invariant($"translate({x},{y})")));
        if (heading is not null)
        {
            panel.Add(Text(380, 0, heading, "middle", 20, "#1f2933", bold: true));
        }

        var changes = outcome.Final.Muscles.ToDictionary(m => m.Key, m => m.Value.SizeChangePercent, StringComparer.Ordinal);
        panel.Add(Figure("front", 170, 24, Front, FrontDetail, changes, scale));
        panel.Add(Figure("back", 390, 24, Back, BackDetail, changes, scale));

        // Labels sit outside the figures: front-view muscles to the left, back-view muscles to the right.
        panel.Add(Label("quadriceps", changes, 140, 170 + 24, 170 + 52, 24 + 175, "end"));
        panel.Add(Label("calves", changes, 140, 24 + 330, 170 + 46, 24 + 330, "end"));
        panel.Add(Label("glutes", changes, 620, 24 + 70, 390 + FigureWidth - 46, 24 + 70, "start"));
        panel.Add(Label("hamstrings", changes, 620, 24 + 190, 390 + FigureWidth - 45, 24 + 190, "start"));
        panel.Add(Label("calves", changes, 620, 24 + 330, 390 + FigureWidth - 46, 24 + 318, "start"));
        panel.Add(Text(170 + (FigureWidth / 2), 24 + FigureHeight + 24, "FRONT", "middle", 13, "#52606d", letterSpacing: true));
        panel.Add(Text(390 + (FigureWidth / 2), 24 + FigureHeight + 24, "BACK", "middle", 13, "#52606d", letterSpacing: true));
        return panel;
    }

    private static XElement Figure(string view, double x, double y, Shape[] shapes, string[] detail, Dictionary<string, double> changes, DivergingScale scale)
    {
        var g = new XElement(Svg + "g", new XAttribute("class", "view-" + view), new XAttribute("transform", Invariant($"translate({x},{y})")));
        foreach (var half in (string[])[Outline, Mirror(Outline)])
        {
            g.Add(new XElement(Svg + "path", new XAttribute("d", half), new XAttribute("fill", "#eef0f3"), new XAttribute("stroke", "#7b8794"), Attr("stroke-width", 1.6), new XAttribute("stroke-linejoin", "round")));
        }

        foreach (var shape in shapes)
        {
            foreach (var (d, side) in (ReadOnlySpan<(string, string)>)[(shape.Path, "right"), (Mirror(shape.Path), "left")])
            {
                // Screen-left on the front view is the athlete's right; on the back view it is their left.
                var athleteSide = view == "front" ? side : (side == "right" ? "left" : "right");
                var known = changes.TryGetValue(shape.Muscle, out var change);
                var path = new XElement(Svg + "path",
                    new XAttribute("d", d),
                    new XAttribute("class", "muscle"),
                    new XAttribute("data-muscle", shape.Muscle),
                    new XAttribute("data-side", athleteSide),
                    new XAttribute("fill", known ? scale.Colour(change) : "#d9dde3"),
                    new XAttribute("stroke", "#3e4c59"), Attr("stroke-width", 1.1), new XAttribute("stroke-linejoin", "round"),
                    new XElement(Svg + "title", known ? $"{MuscleNames.Display(shape.Muscle)}: {Signed(change)} size" : $"{MuscleNames.Display(shape.Muscle)}: not modelled"));
                if (known)
                {
                    path.Add(new XAttribute("data-change-pct", change.ToString("0.###", CultureInfo.InvariantCulture)));
                }

                g.Add(path);
            }
        }

        foreach (var d in detail.Concat(detail.Select(Mirror)))
        {
            g.Add(new XElement(Svg + "path", new XAttribute("d", d), new XAttribute("fill", "none"), new XAttribute("stroke", "#3e4c59"), Attr("stroke-width", 0.8), Attr("stroke-opacity", 0.45), new XAttribute("stroke-linecap", "round")));
        }

        return g;
    }

    private static XElement Label(string muscle, Dictionary<string, double> changes, double textX, double textY, double toX, double toY, string anchor)
    {
        var known = changes.TryGetValue(muscle, out var change);
        var lineStart = anchor == "end" ? textX + 6 : textX - 6;
        return new XElement(Svg + "g", new XAttribute("class", "label"), new XAttribute("data-muscle", muscle),
            new XElement(Svg + "polyline",
                new XAttribute("points", Invariant($"{lineStart},{textY - 5} {(lineStart + toX) / 2},{textY - 5} {toX},{toY}")),
                new XAttribute("fill", "none"), new XAttribute("stroke", "#52606d"), Attr("stroke-width", 1)),
            new XElement(Svg + "circle", Attr("cx", toX), Attr("cy", toY), Attr("r", 2.5), new XAttribute("fill", "#1f2933")),
            Text(textX, textY - 10, MuscleNames.Display(muscle), anchor, 15, "#1f2933", bold: true),
            Text(textX, textY + 10, known ? Signed(change) : "not modelled", anchor, 15, known ? "#3e4c59" : "#9aa5b1"));
    }

    private static XElement Legend(DivergingScale scale, double centreX, double y)
    {
        const double width = 360, height = 14;
        var left = centreX - (width / 2);
        var gradient = new XElement(Svg + "linearGradient", new XAttribute("id", "size-scale"));
        for (var i = 0; i <= 10; i++)
        {
            var change = (-1 + (i / 5.0)) * scale.LimitPercent;
            gradient.Add(new XElement(Svg + "stop", new XAttribute("offset", Invariant($"{i * 10}%")), new XAttribute("stop-color", scale.Colour(change))));
        }

        var legend = new XElement(Svg + "g", new XAttribute("class", "legend"),
            new XElement(Svg + "defs", gradient),
            Text(centreX, y - 10, "Change in muscle size since the start", "middle", 14, "#1f2933", bold: true),
            new XElement(Svg + "rect", Attr("x", left), Attr("y", y), Attr("width", width), Attr("height", height), Attr("rx", 3), new XAttribute("fill", "url(#size-scale)"), new XAttribute("stroke", "#7b8794"), Attr("stroke-width", 0.8)));
        foreach (var (at, text) in (ReadOnlySpan<(double, string)>)[(0, Signed(-scale.LimitPercent) + " shrank"), (0.5, "no change"), (1, Signed(scale.LimitPercent) + " grew")])
        {
            var tickX = left + (at * width);
            legend.Add(new XElement(Svg + "line", Attr("x1", tickX), Attr("y1", y + height), Attr("x2", tickX), Attr("y2", y + height + 5), new XAttribute("stroke", "#52606d")));
            legend.Add(Text(tickX, y + height + 20, text, at switch { 0 => "start", 1 => "end", _ => "middle" }, 13, "#3e4c59"));
        }

        return legend;
    }

    private static XElement Text(double x, double y, string text, string anchor, double size, string fill, bool bold = false, bool letterSpacing = false)
    {
        var element = new XElement(Svg + "text", Attr("x", x), Attr("y", y), new XAttribute("text-anchor", anchor), Attr("font-size", size), new XAttribute("fill", fill), text);
        if (bold)
        {
            element.Add(new XAttribute("font-weight", "bold"));
        }

        if (letterSpacing)
        {
            element.Add(new XAttribute("letter-spacing", "2"));
        }

        return element;
    }

    private static string Mirror(string path) =>
        PointPattern().Replace(path, m => Invariant($"{FigureWidth - double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)},{m.Groups[2].Value}"));

    private static XAttribute Attr(string name, double value) => new(name, value.ToString("0.##", CultureInfo.InvariantCulture));

    private static string Signed(double percent) => MeasureCatalogue.Standard[MeasureCatalogue.SizeKey].Format(percent);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Serialise(XElement svg) => svg.ToString(SaveOptions.DisableFormatting);

    [GeneratedRegex(@"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)")]
    private static partial Regex PointPattern();
}
