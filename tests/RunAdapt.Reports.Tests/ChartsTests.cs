using System.Xml.Linq;
using RunAdapt.Core.Training;

namespace RunAdapt.Reports.Tests;

public sealed class ChartsTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void EveryChartIsAPngAndAValidSvg()
    {
        var start = new DateOnly(2025, 1, 6);
        var input = new ReportInput
        {
            Title = "t",
            Outcome = new OutcomeBuilder().Build(),
            Sessions = [TrainingSession.Running(start, new RunSegment(1800, 3))],
        };
        var charts = Charts.All(input);
        Assert.Equal(
            ["muscle-size", "fibre-types-glutes", "fibre-types-quadriceps", "fibre-types-hamstrings", "fibre-types-calves", "vo2max", "body-mass", "bone-density", "load-risk", "weekly-volume"],
            charts.Select(c => c.Name));
        foreach (var chart in charts)
        {
            Assert.True(chart.Png.Length > 5000, $"{chart.Name}: {chart.Png.Length} bytes");
            Assert.Equal(PngSignature, chart.Png[..8]);
            var svg = XDocument.Parse(chart.Svg).Root!;
            Assert.Equal("svg", svg.Name.LocalName);
            Assert.True(svg.Descendants().Count() > 20, $"{chart.Name}: SVG nearly empty");
        }
    }

    [Fact]
    public void WeeklyVolumeOnlyWhenSessionsAreGiven()
    {
        var charts = Charts.All(new ReportInput { Title = "t", Outcome = new OutcomeBuilder().Build() });
        Assert.DoesNotContain(charts, c => c.Name == "weekly-volume");
        Assert.DoesNotContain(charts, c => c.Name == "fitness-fatigue");
    }

    [Fact]
    public void FitnessFatigueAndFormWhenTheLoadsAreKnown()
    {
        var start = new DateOnly(2025, 1, 6);
        var load = Enumerable.Range(0, 60).Select(d => new LoadPoint(start.AddDays(d), d * 0.5, d % 7 == 0 ? 20 : 10, -d * 0.1)).ToList();
        var chart = Assert.Single(Charts.All(new ReportInput { Title = "t", Outcome = new OutcomeBuilder().Build(), TrainingLoad = load }), c => c.Name == "fitness-fatigue");
        Assert.Equal("Fitness, fatigue and form", chart.Title);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], chart.Png.Take(4));
        Assert.Contains("Fitness (CTL", chart.Svg, StringComparison.Ordinal);
    }

    [Fact]
    public void SessionsAreClassifiedByTheirMostSpecificStimulus()
    {
        var day = new DateOnly(2025, 1, 6);
        Assert.Equal(SessionKind.EasyRun, SessionKinds.Classify(TrainingSession.Running(day, new RunSegment(1800, 3))));
        Assert.Equal(SessionKind.Hills, SessionKinds.Classify(TrainingSession.Running(day, new RunSegment(600, 2.5, GradeFraction: 0.06))));
        // Hills is sustained climbing: hill repeats count, one minute up a 3 % rise in an easy run does not.
        Assert.Equal(SessionKind.Hills, SessionKinds.Classify(TrainingSession.Running(day, [.. Enumerable.Range(0, 8).SelectMany(_ => new[] { new RunSegment(60, 3.5, GradeFraction: 0.08), new RunSegment(75, 2.5, GradeFraction: -0.08) })])));
        Assert.Equal(SessionKind.EasyRun, SessionKinds.Classify(TrainingSession.Running(day, new RunSegment(1500, 3), new RunSegment(60, 3, GradeFraction: 0.03), new RunSegment(1500, 3))));
        Assert.Equal(SessionKind.Speed, SessionKinds.Classify(TrainingSession.Running(day, new RunSegment(600, 3), new RunSegment(25, 7))));
        Assert.Equal(SessionKind.Weighted, SessionKinds.Classify(TrainingSession.Running(day, new RunSegment(1800, 3, CarriedLoadKilograms: 10))));
        Assert.Equal(SessionKind.Strength, SessionKinds.Classify(TrainingSession.Lifting(day, new StrengthSet("back_squat", 4, 8, 0.75))));
        Assert.Equal(4 * ((8 * 3) + 120) / 60.0, SessionKinds.Minutes(TrainingSession.Lifting(day, new StrengthSet("back_squat", 4, 8, 0.75))), 6);
    }

    /// <summary>Fitness, fatigue and form are drawn on a dated axis (ISO days), not in weeks.</summary>
    [Fact]
    public void FitnessFatigueAndFormHaveDatesOnTheTimeAxis()
    {
        var start = new DateOnly(2025, 1, 6);
        var days = Enumerable.Range(0, 200).Select(d => new LoadPoint(start.AddDays(d), d * 0.2, d * 0.25, -d * 0.05)).ToList();
        var texts = XDocument.Parse(Charts.FitnessFatigue(days).Svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains(texts, t => System.Text.RegularExpressions.Regex.IsMatch(t, @"^2025-\d\d-\d\d$"));
        Assert.Contains("Date", texts);
        Assert.DoesNotContain("Week", texts);
    }
}
