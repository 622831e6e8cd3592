using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Training;

using static System.FormattableString;

namespace RunAdapt.Reports.Tests;

public sealed class HtmlReportTests
{
    private static readonly DateOnly Monday = new(2025, 1, 6);

    private static ReportInput Input(params EvidenceRow[] evidence) => new()
    {
        Title = "novice <test> & co",
        Description = "A test outcome.",
        Outcome = new OutcomeBuilder().Weeks(4).Build(),
        StartDate = Monday,
        Sessions =
        [
            TrainingSession.Running(Monday, new RunSegment(1800, 2.8)),
            TrainingSession.Running(Monday.AddDays(2), new RunSegment(20, 7.5), new RunSegment(120, 0)),
            TrainingSession.Running(Monday.AddDays(9), new RunSegment(1200, 2.5, GradeFraction: 0.06)),
            TrainingSession.Lifting(Monday.AddDays(11), new StrengthSet("back_squat", 4, 8, 0.75)),
        ],
        Evidence = evidence,
    };

    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    /// <summary>An imported history's sessions are listed one by one, newest first, escaped; a long history lists the latest 400.</summary>
    [Fact]
    public void EachRecordedSessionIsListedNewestFirst()
    {
        var rows = Enumerable.Range(0, 450).Select(k => new SessionRow(Monday.AddDays(k), "running", 8000, 45, "95 (HR)", k == 449 ? "3× 0:30 <fast> & hard" : "steady")).ToList();
        var document = Parse(HtmlReport.Render(Input() with { SessionRows = rows }));
        var details = document.Descendants("details").Single(d => (string?)d.Attribute("class") == "each-session");
        Assert.Equal("The latest 400 of 450 sessions", details.Element("summary")!.Value);
        var body = details.Descendants("tbody").Single().Elements("tr").ToList();
        Assert.Equal(400, body.Count);
        Assert.Equal(Monday.AddDays(449).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), body[0].Element("th")!.Value);
        Assert.Equal("3× 0:30 <fast> & hard", body[0].Elements("td").Last().Value);
        Assert.DoesNotContain(Parse(HtmlReport.Render(Input())).Descendants("details"), d => (string?)d.Attribute("class") == "each-session");
    }

    /// <summary>Given bands, the report says how sure it is — each muscle and the systemic measures, and what drives the spread; without them, no such section.</summary>
    [Fact]
    public void HowSureIsShownWhenTheBandsAreGiven()
    {
        var input = Input();
        var final = input.Outcome.Final;
        var bands = new OutcomeBands(100, final, final, final with { Vo2MaxMillilitresPerKilogramPerMinute = final.Vo2MaxMillilitresPerKilogramPerMinute + 5 },
            new Dictionary<string, IReadOnlyList<Driver>> { ["vo2max"] = [new Driver("vo2.trainability", 0.8)], ["quadriceps"] = [] });
        var section = Parse(HtmlReport.Render(input with { Bands = bands })).Descendants("section").Single(e => (string?)e.Attribute("id") == "how-sure");
        var measures = MeasureCatalogue.Standard.In(Summaries.Bands).Sum(m => m.Scope == MeasureScope.Muscle ? final.Muscles.Count : 1);
        Assert.Equal(measures, section.Descendants("tbody").Single().Elements("tr").Count());
        Assert.Contains("Most of the spread in VO2max comes from: vo2.trainability (ρ +0.80).", section.Descendants("li").Select(l => l.Value));
        Assert.DoesNotContain(Parse(HtmlReport.Render(input)).Descendants("section"), e => (string?)e.Attribute("id") == "how-sure");
    }

    /// <summary>Why: each kind of session is taken out in turn and the model run again; hills carry the glutes' growth.</summary>
    [Fact]
    public void WhyTakesEachKindOfSessionOutInTurn()
    {
        var sessions = Enumerable.Range(0, 16).SelectMany(w => new[]
        {
            TrainingSession.Running(Monday.AddDays(w * 7), new RunSegment(2400, 2.8)),
            TrainingSession.Running(Monday.AddDays((w * 7) + 3), new RunSegment(1800, 2.6, GradeFraction: 0.08)),
        }).ToList();
        var input = new SimulationInput(new Athlete(), Monday, 16 * 7, sessions);
        var why = Why.Of(input, TestContext.Current.CancellationToken);
        Assert.Equal([SessionKind.EasyRun, SessionKind.Hills], why.Select(c => c.Kind).Order());
        Assert.All(why, c => Assert.Equal(16, c.Sessions));
        var full = Simulator.Run(input).Final;
        var withoutHills = why.Single(c => c.Kind == SessionKind.Hills).Without;
        Assert.True(full.Muscles["glutes"].SizeChangePercent > withoutHills.Muscles["glutes"].SizeChangePercent);

        var section = Parse(HtmlReport.Render(Input() with { Outcome = Simulator.Run(input), Why = why })).Descendants("section").Single(e => (string?)e.Attribute("id") == "why");
        Assert.Equal(3, section.Descendants("tbody").Single().Elements("tr").Count()); // two kinds and the total
    }

    [Fact]
    public void MakesNoReferenceToAnythingOutsideTheFile()
    {
        var html = HtmlReport.Render(Input());
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        foreach (Match m in Regex.Matches(html, "(?:src|href)=\"([^\"]*)\""))
        {
            Assert.StartsWith("data:", m.Groups[1].Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void IsWellFormedAndHasEverySection()
    {
        var doc = Parse(HtmlReport.Render(Input()));
        var ids = doc.Descendants("section").Select(s => (string?)s.Attribute("id")).ToList();
        Assert.Equal(["answer", "body-map", "numbers", "charts", "evidence"], ids);
        Assert.Equal("What did my running build?", doc.Descendants("h2").First().Value);
        Assert.Single(doc.Descendants(), e => e.Name.LocalName == "svg");
    }

    [Fact]
    public void EscapesTheTitle()
    {
        var doc = Parse(HtmlReport.Render(Input()));
        Assert.Equal("novice <test> & co", doc.Descendants("h1").Single().Value);
    }

    [Fact]
    public void EmbedsEveryChartAsAPngDataUri()
    {
        var input = Input();
        var charts = Charts.All(input);
        var images = Parse(HtmlReport.Render(input, charts)).Descendants("img").Select(i => (string)i.Attribute("src")!).ToList();
        Assert.Equal(charts.Count, images.Count);
        Assert.All(images, src => Assert.StartsWith("data:image/png;base64,iVBORw0KGgo", src, StringComparison.Ordinal));
    }

    [Fact]
    public void EvidenceListsTheSessionKindsAndTheParameters()
    {
        var doc = Parse(HtmlReport.Render(Input(new EvidenceRow("growth.tension_rate", "0.012", "1/day", "Damas 2016"))));
        var evidence = doc.Descendants("section").Single(s => (string?)s.Attribute("id") == "evidence");
        var sessionRows = evidence.Descendants("table").First().Descendants("tbody").Single().Elements("tr").Select(r => r.Elements().First().Value).ToList();
        Assert.Equal(["Easy / steady run", "Hills", "Speed / sprints", "Strength"], sessionRows);
        Assert.Contains("Damas 2016", evidence.Value, StringComparison.Ordinal);
        Assert.Contains("growth.tension_rate", evidence.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void WeeklyVolumeGivesEachWeekItsSessionsTimeDistanceAndEachKindsShare()
    {
        var doc = Parse(HtmlReport.Render(Input()));
        var table = doc.Descendants("table").Single(t => (string?)t.Attribute("class") == "weekly");
        var rows = table.Descendants("tbody").Single().Elements("tr").Select(r => r.Elements().Select(c => c.Value).ToList()).ToList();
        Assert.Equal(12, rows.Count);
        // The last week (Monday 13 January): the hill run (20 min at 2.5 m/s = 3.0 km) and the squats.
        // The squats' time is estimated from their sets (4 × 8 reps: 3 s a rep, 2 min rest a set): 9:36.
        Assert.Equal(["2025-01-13", "2", "29:36", "3.0", "hills 1: 3.0 km, 20:00; strength 1: 9:36"], rows[^1]);
        // The week before: the easy run and the sprints; the weeks before that are empty.
        Assert.Equal(["2025-01-06", "2"], rows[^2].Take(2));
        Assert.Equal(["2024-12-30", "0", "0:00", "0.0", ""], rows[^3]);
    }

    [Fact]
    public void EvidenceFromTheModelParametersCarriesEverySource()
    {
        var rows = Evidence.From(ModelParameters.Default);
        Assert.Equal(ModelParameters.Default.All.Count(), rows.Count);
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Source), r.Parameter));
    }

    [Fact]
    public void WithoutSessionsTheReportSaysItCannotAttributeChanges()
    {
        var html = HtmlReport.Render(Input() with { Sessions = [] });
        Assert.Contains("cannot say which sessions drove", html, StringComparison.Ordinal);
        Assert.DoesNotContain("chart-weekly-volume", html, StringComparison.Ordinal);
    }
}
