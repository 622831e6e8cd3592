using RunAdapt.Analysis;
using RunAdapt.Core.Model;
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

    public static ReportInput FromBuiltIn(string name)
    {
        var yaml = BuiltInScenarios.Text(name) ?? throw new UserInputException($"{name}: not a built-in scenario");
        return FromYaml(yaml, name);
    }

    public static ReportInput FromYaml(string yaml, string name)
    {
        var scenario = Parse(yaml, name);
        return new ReportInput
        {
            Title = scenario.Name,
            Description = scenario.Description,
            Outcome = Simulator.Run(scenario.ToInput()),
            Sessions = scenario.Sessions,
            StartDate = scenario.StartDate,
            TrainingLoad = LoadPoints(FitnessFatigue.OfSessions(scenario.Sessions, scenario.Athlete)),
            Evidence = Evidence.From(ModelParameters.Default),
        };
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
