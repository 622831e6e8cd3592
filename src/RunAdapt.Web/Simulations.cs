using RunAdapt.Analysis;
using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Scenarios;
using RunAdapt.Reports;

namespace RunAdapt.Web;

/// <summary>Runs scenarios for the dashboard and wraps the result for the report builders.</summary>
internal static class Simulations
{
    // A pasted scenario is user input arriving over HTTP: cap it so a runaway paste cannot stall the server.
    private const int MaxScenarioChars = 200_000;

    /// <summary>The training-load series as the reports draw it.</summary>
    public static IReadOnlyList<LoadPoint> LoadPoints(IEnumerable<LoadDay> days) => [.. days.Select(d => new LoadPoint(d.Date, d.Fitness, d.Fatigue, d.Form))];

    /// <summary>A built-in scenario run for the page.</summary>
    /// <param name="name">A built-in scenario's name.</param>
    /// <param name="history">The store, for a plan that starts <c>from: history</c>.</param>
    /// <param name="full">For the full report: also how sure the model is and why.</param>
    /// <param name="cancellation">Stops the simulations when the client gave up.</param>
    public static ReportInput FromBuiltIn(string name, History history, bool full = false, CancellationToken cancellation = default)
    {
        var yaml = BuiltInScenarios.Text(name) ?? throw new UserInputException($"{name}: not a built-in scenario");
        return FromYaml(yaml, name, history, full, cancellation);
    }

    /// <summary>Scenario text from the page, run for the page (a plan <c>from: history</c> after the stored history, as the stored athlete).</summary>
    /// <param name="yaml">Scenario text.</param>
    /// <param name="name">The name errors give for it.</param>
    /// <param name="history">The store, for a plan that starts <c>from: history</c>.</param>
    /// <param name="full">For the full report: also how sure the model is and why.</param>
    /// <param name="cancellation">Stops the simulations when the client gave up (between them; one simulation runs to its end).</param>
    public static ReportInput FromYaml(string yaml, string name, History history, bool full = false, CancellationToken cancellation = default)
    {
        var scenario = Parse(yaml, name);
        var input = scenario.FromHistory ? history.Continue(scenario) : scenario.ToInput();
        var report = ReportInput.ForPlan(scenario, input, LoadPoints(FitnessFatigue.OfSessions([.. input.History, .. input.Sessions], input.Athlete)), full, cancellation);
        // The plan's runs by kind, as the plan sets them (docs/ANALYSIS.md), after what the scenario says of itself.
        var units = history.Units();
        return report with { Units = units, Description = RunKinds.DescribePlan(DistanceUnits.InText(report.Description, units), input) };
    }

    /// <summary>Scenario text from the page, checked for size before it is parsed.</summary>
    public static Scenario Parse(string yaml, string name)
    {
        if (string.IsNullOrWhiteSpace(yaml))
        {
            throw new UserInputException("the scenario is empty");
        }

        if (yaml.Length > MaxScenarioChars)
        {
            throw new UserInputException($"the scenario is {yaml.Length} characters long; the limit is {MaxScenarioChars}");
        }

        return ScenarioParser.Parse(yaml, name);
    }
}
