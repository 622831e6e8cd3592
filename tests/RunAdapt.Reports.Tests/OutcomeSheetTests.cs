using System.Xml;
using System.Xml.Linq;
using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;

namespace RunAdapt.Reports.Tests;

/// <summary>The face-neutral outcome sheet: built once from the catalogue, laid out by every face.</summary>
public sealed class OutcomeSheetTests
{
    /// <summary>A measure that is not in the standard catalogue: the share of body mass that is fat.</summary>
    private static readonly Measure BodyFat = Measure.OfBody("body_fat", "body_fat_pct", "body fat share", b => 100 * b.FatMassKilograms / b.BodyMassKilograms) with { Unit = "%", Better = Better.Lower };

    /// <summary>A muscle measure that is not in the standard catalogue: the type II share.</summary>
    private static readonly Measure Type2 = Measure.OfMuscle("type2", "type2_pct", "type II", m => m.Type2APercent + m.Type2XPercent) with { Unit = "%", In = Summaries.Compare };

    private static ReportInput Input(SimulationOutcome outcome, OutcomeBands? bands = null) => new() { Title = "test", Outcome = outcome, Bands = bands };

    [Fact]
    public void AMeasureAddedToTheCatalogueIsInTheTablesAndTheReportWithoutOtherEdits()
    {
        var outcome = new OutcomeBuilder().Mass(73, 13).Build();
        var catalogue = MeasureCatalogue.Standard.With(BodyFat).With(Type2);

        var sheet = OutcomeSheet.Of(Input(outcome), catalogue);
        var body = sheet.Tables.Single(t => t.Id == "body");
        Assert.Equal([new("20.0 %"), new("17.8 %"), new SheetCell("-2.2 %", -1)], body.Rows.Single(r => r.Label == "body fat share").Cells);
        var muscles = sheet.Tables.Single(t => t.Id == "muscles");
        Assert.Equal("type II", muscles.Columns[^1]);
        Assert.All(muscles.Rows, r => Assert.Equal("48.0 %", r.Cells[^1].Text));
        Assert.Contains(OutcomeSheet.Compare([new("a", outcome)], catalogue).Rows, r => r.Label == "glutes type II (%)" && r.Cells[0].Text == "50.0 → 48.0");

        using var reader = XmlReader.Create(new StringReader(HtmlReport.Render(Input(outcome), catalogue)), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var numbers = XDocument.Load(reader).Descendants("section").Single(e => (string?)e.Attribute("id") == "numbers");
        Assert.Contains(numbers.Descendants("tr"), r => r.Element("th")?.Value == "body fat share" && r.Elements("td").Select(d => d.Value).SequenceEqual(["20.0 %", "17.8 %", "-2.2 %"]));
        Assert.Contains(numbers.Descendants("th"), h => h.Value == "type II");
    }

    [Fact]
    public void TheHeadlineSaysWhichAnswersAreNotSure()
    {
        var outcome = new OutcomeBuilder().Size("glutes", 1).Vo2(40, 41).Build();
        var f = outcome.Final;
        var low = f with { Muscles = f.Muscles.ToDictionary(m => m.Key, m => m.Key == "glutes" ? m.Value with { SizeChangePercent = -0.6 } : m.Value), Vo2MaxMillilitresPerKilogramPerMinute = 39.5 };
        var high = f with { Vo2MaxMillilitresPerKilogramPerMinute = 42 };
        var bands = new OutcomeBands(100, low, f, high, new Dictionary<string, IReadOnlyList<Driver>>());

        var headline = OutcomeSheet.Of(Input(outcome, bands)).Findings[0];
        Assert.Equal("Your calves grew most: +4.0 % in size, then quadriceps +2.0 %, glutes +1.0 %, hamstrings +1.0 %. Not sure: the glutes may grow or shrink (the likely range spans no change); VO2max may rise or fall (likely -0.5 ml/kg/min to +2.0 ml/kg/min).", headline);
        // Sure answers, or no bands: the headline has nothing to add.
        Assert.DoesNotContain("Not sure", OutcomeSheet.Of(Input(outcome, bands with { Low = f, High = f })).Findings[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Not sure", OutcomeSheet.Of(Input(outcome)).Findings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void AChangeThatRoundsToZeroHasNoSignAndNoDirection()
    {
        var outcome = new OutcomeBuilder().Size("glutes", 0.04).Build();
        var glutes = OutcomeSheet.Of(Input(outcome)).Tables.Single(t => t.Id == "muscles").Rows.Single(r => r.Label == "glutes");
        Assert.Equal(new SheetCell("0.0 %", 0), glutes.Cells[0]);
    }

    /// <summary>
    /// Over time: the start and at most the asked rows after it, dated by each week's last day, the last week always;
    /// a muscle measure is the legs' mean; a measure added to the catalogue for this table is a column of it.
    /// </summary>
    [Fact]
    public void OverTimeDatesEveryFewWeeksAndEndsOnTheLastWeek()
    {
        var outcome = new OutcomeBuilder().Weeks(52).Vo2(40, 46).Build();
        var table = OutcomeSheet.OverTime(outcome, new DateOnly(2025, 1, 6), rows: 12, MeasureCatalogue.Standard.With(BodyFat with { In = Summaries.OverTime }));
        Assert.Equal("2025-01-06", table.Rows[0].Label);
        Assert.Equal(new DateOnly(2025, 1, 6).AddDays((7 * 52) - 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), table.Rows[^1].Label);
        Assert.InRange(table.Rows.Count, 11, 13);
        Assert.Equal("body fat share (%)", table.Columns[^1]);
        var vo2 = table.Columns.ToList().IndexOf("VO2max (ml/kg/min)") - 1;
        Assert.Equal(["40.0", "46.0"], [table.Rows[0].Cells[vo2].Text, table.Rows[^1].Cells[vo2].Text]);
        var size = table.Columns.ToList().IndexOf("size (%)") - 1;
        Assert.Equal(Numbers.Signed(outcome.Final.Muscles.Values.Average(m => m.SizeChangePercent), 1), table.Rows[^1].Cells[size].Text);
    }

    /// <summary>One session's share: the whole history's change, the change without it, and the difference to two more digits.</summary>
    [Fact]
    public void ASessionsShareIsTheDifferenceItMadeAtTheEnd()
    {
        var with = new OutcomeBuilder().Vo2(40, 46).Build();
        var without = new OutcomeBuilder().Vo2(40, 45.9).Build();
        var share = OutcomeSheet.Share(with, without);
        var vo2 = share.Rows.Single(r => r.Label == "VO2max (ml/kg/min)");
        Assert.Equal(["+6.0", "+5.9", "+0.100"], vo2.Cells.Select(c => c.Text));
        Assert.Equal("0.000", share.Rows.Single(r => r.Label == "glutes size").Cells[2].Text);
    }
}
