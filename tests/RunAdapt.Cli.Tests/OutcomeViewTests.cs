using System.Text.Json.Nodes;
using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Scenarios;
using RunAdapt.Reports;

namespace RunAdapt.Cli.Tests;

/// <summary>The terminal lays out the outcome sheet; it knows no measure itself.</summary>
public sealed class OutcomeViewTests
{
    [Fact]
    public void AMeasureAddedToTheCatalogueIsInTheTerminalTableAndTheJson()
    {
        var catalogue = MeasureCatalogue.Standard.With(
            Measure.OfBody("body_fat", "body_fat_pct", "body fat share", b => 100 * b.FatMassKilograms / b.BodyMassKilograms) with { Unit = "%", Better = Better.Lower });
        var outcome = Simulator.Run(ScenarioParser.Parse(BuiltInScenarios.Text("novice")!, "novice").ToInput());
        var output = new StringWriter();
        OutcomeView.Write(output, OutcomeSheet.Of(new ReportInput { Title = "novice", Outcome = outcome }, catalogue));

        var row = output.ToString().Split('\n').Single(l => l.Contains("body fat share", StringComparison.Ordinal));
        Assert.Matches(@"│ body fat share\s+│\s+20\.0 % │\s+\d+\.\d % │\s+-\d+\.\d % │", row);
        var json = JsonNode.Parse(OutcomeView.Json(outcome, null, null, catalogue))!;
        Assert.Equal(100 * outcome.Final.FatMassKilograms / outcome.Final.BodyMassKilograms, (double)json["final"]!["body_fat_pct"]!, 9);
        Assert.NotNull(json["series"]![0]!["body_fat_pct"]);
    }

    [Fact]
    public void TheTerminalAndTheReportTellTheSameAnswer()
    {
        var (_, text, _) = CliRun.Run("simulate", "novice");
        var outcome = Simulator.Run(ScenarioParser.Parse(BuiltInScenarios.Text("novice")!, "novice").ToInput());
        var findings = Narrative.Findings(outcome);
        static string Words(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ");
        Assert.All(findings, f => Assert.Contains(Words(f), Words(text), StringComparison.Ordinal));
    }
}
