using System.CommandLine;
using System.Text.Json.Nodes;
using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;
using RunAdapt.Reports;

namespace RunAdapt.Cli.Commands;

/// <summary><c>runadapt compare SCENARIO... [--json]</c>: outcomes side by side.</summary>
internal static class CompareCommand
{

    public static Command Create()
    {
        var scenarios = new Argument<string[]>("SCENARIO") { Description = "Scenario files or built-in names.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print { \"<name>\": <outcome>, ... } with each outcome shaped as 'simulate --json'." };
        var db = StoreOption.Create();
        var command = new Command("compare", "Run several scenarios and show their outcomes side by side.") { scenarios, json, db };
        command.SetAction(int (parse) =>
        {
            var outcomes = new Dictionary<string, SimulationOutcome>();
            foreach (var name in parse.GetValue(scenarios)!)
            {
                var scenario = Scenarios.Load(name, ModelParameters.Default);
                outcomes[scenario.Name] = Simulator.Run(Scenarios.Input(scenario, ModelParameters.Default, parse.GetValue(db)));
            }

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(OutcomeJson.Write(new JsonObject([.. outcomes.Select(o => KeyValuePair.Create(o.Key, (JsonNode?)OutcomeJson.Node(o.Value)))])));
                return CliApp.Success;
            }

            OutcomeView.Console(output).Write(OutcomeView.Table(OutcomeSheet.Compare([.. outcomes])));
            return CliApp.Success;
        });
        return command;
    }
}
