using System.CommandLine;
using RunAdapt.Core.Scenarios;
using Spectre.Console;

namespace RunAdapt.Cli.Commands;

/// <summary><c>runadapt scenarios</c>: lists the built-in scenarios.</summary>
internal static class ScenariosCommand
{
    public static Command Create()
    {
        var command = new Command("scenarios", "List the built-in scenarios (archetypes and what-ifs); use a name wherever a SCENARIO.yaml is taken.");
        command.SetAction(int (parse) =>
        {
            var table = new Table().AddColumns("name", "weeks", "what it is");
            foreach (var name in BuiltInScenarios.Names)
            {
                var scenario = ScenarioParser.Parse(BuiltInScenarios.Text(name)!, name);
                table.AddRow(Markup.Escape(name), (scenario.Days / 7).ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(scenario.Description ?? ""));
            }

            OutcomeView.Console(parse.InvocationConfiguration.Output).Write(table);
            return CliApp.Success;
        });
        return command;
    }
}
