using System.Globalization;
using System.Xml.Linq;

namespace RunAdapt.Reports.Tests;

public sealed class BodyMapTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static (int R, int G, int B) Rgb(string hex) =>
        (int.Parse(hex[1..3], NumberStyles.HexNumber), int.Parse(hex[3..5], NumberStyles.HexNumber), int.Parse(hex[5..7], NumberStyles.HexNumber));

    private static List<XElement> Muscles(XDocument doc) =>
        [.. doc.Descendants(Svg + "path").Where(p => (string?)p.Attribute("class") == "muscle")];

    [Fact]
    public void IsWellFormedSvgWithATitleAndViewBox()
    {
        var doc = XDocument.Parse(BodyMap.Render(new OutcomeBuilder().Build(), "novice"));
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        Assert.NotNull(doc.Root.Attribute("viewBox"));
        Assert.Equal("novice", doc.Root.Element(Svg + "title")!.Value);
    }

    [Fact]
    public void DrawsEveryMuscleGroupOnBothSides()
    {
        var doc = XDocument.Parse(BodyMap.Render(new OutcomeBuilder().Build()));
        foreach (var muscle in new[] { "quadriceps", "hamstrings", "calves", "glutes" })
        {
            var paths = Muscles(doc).Where(p => (string?)p.Attribute("data-muscle") == muscle).ToList();
            Assert.Contains(paths, p => (string?)p.Attribute("data-side") == "left");
            Assert.Contains(paths, p => (string?)p.Attribute("data-side") == "right");
        }
    }

    [Fact]
    public void GrowthIsWarmLossIsCoolAndNoChangeIsNeutral()
    {
        var outcome = new OutcomeBuilder().Size("quadriceps", 6).Size("hamstrings", -3).Size("glutes", 0).Build();
        var doc = XDocument.Parse(BodyMap.Render(outcome));
        string Fill(string muscle) => (string)Muscles(doc).First(p => (string?)p.Attribute("data-muscle") == muscle).Attribute("fill")!;

        var grew = Rgb(Fill("quadriceps"));
        var shrank = Rgb(Fill("hamstrings"));
        var same = Rgb(Fill("glutes"));
        Assert.True(grew.R > grew.B + 60, $"growth should be warm, got {Fill("quadriceps")}");
        Assert.True(shrank.B > shrank.R + 60, $"loss should be cool, got {Fill("hamstrings")}");
        Assert.True(Math.Abs(same.R - same.B) < 10 && same.G > 220, $"no change should be near white, got {Fill("glutes")}");
    }

    [Fact]
    public void LargerGrowthIsDarker()
    {
        var outcome = new OutcomeBuilder().Size("quadriceps", 8).Size("calves", 2).Build();
        var doc = XDocument.Parse(BodyMap.Render(outcome));
        int Lightness(string muscle)
        {
            var (r, g, b) = Rgb((string)Muscles(doc).First(p => (string?)p.Attribute("data-muscle") == muscle).Attribute("fill")!);
            return r + g + b;
        }

        Assert.True(Lightness("quadriceps") < Lightness("calves"));
    }

    [Fact]
    public void CarriesTheChangeAndALegendWithTheScale()
    {
        var outcome = new OutcomeBuilder().Size("calves", 4.25).Build();
        var doc = XDocument.Parse(BodyMap.Render(outcome));
        Assert.All(Muscles(doc).Where(p => (string?)p.Attribute("data-muscle") == "calves"), p => Assert.Equal("4.25", (string?)p.Attribute("data-change-pct")));
        var legend = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("class") == "legend");
        Assert.NotNull(legend.Descendants(Svg + "linearGradient").SingleOrDefault());
        var texts = legend.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains(texts, t => t.Contains("+5.0 %", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("no change", StringComparison.Ordinal));
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "+4.2 %" || t.Value == "+4.3 %");
    }

    [Fact]
    public void AMuscleTheOutcomeLacksIsGreyAndSaysSo()
    {
        var outcome = new OutcomeBuilder().Build();
        var noGlutes = outcome with { Final = outcome.Final with { Muscles = outcome.Final.Muscles.Where(m => m.Key != "glutes").ToDictionary() } };
        var doc = XDocument.Parse(BodyMap.Render(noGlutes));
        var glute = Muscles(doc).First(p => (string?)p.Attribute("data-muscle") == "glutes");
        Assert.Null(glute.Attribute("data-change-pct"));
        Assert.Contains("not modelled", doc.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ComparisonSharesOneScaleAcrossBothOutcomes()
    {
        var small = new OutcomeBuilder().Size("quadriceps", 2).Build();
        var large = new OutcomeBuilder().Size("quadriceps", 18).Build();
        var doc = XDocument.Parse(BodyMap.RenderComparison("easy", small, "sprints", large));
        var quads = Muscles(doc).Where(p => (string?)p.Attribute("data-muscle") == "quadriceps").Select(p => (string)p.Attribute("data-change-pct")!).Distinct().ToList();
        Assert.Equal(["2", "18"], quads);
        Assert.Single(doc.Descendants(Svg + "g"), g => (string?)g.Attribute("class") == "legend");
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "+20.0 % grew");
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "easy");
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "sprints");
    }
}
