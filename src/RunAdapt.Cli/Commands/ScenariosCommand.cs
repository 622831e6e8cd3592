using System.CommandLine;
using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Scenarios;
using RunAdapt.Core.Training;
using Spectre.Console;

namespace RunAdapt.Cli.Commands;

/// <summary><c>runadapt scenarios</c>: lists the built-in scenarios.</summary>
internal static class ScenariosCommand
{
    public static Command Create()
    {
        var db = StoreOption.Create();
        var units = UnitsOption.Create();
        var command = new Command("scenarios", "List the built-in scenarios (archetypes and what-ifs); use a name wherever a SCENARIO.yaml is taken.") { db, units };
        command.SetAction(int (parse) =>
        {
            // Distances in the descriptions in the runner's unit: --units, else the --db profile's.
            Athlete profile;
            using (var store = parse.GetValue(db) is { } location ? StoreOption.Open(location) : null)
            {
                profile = store?.LoadAthlete() ?? new Athlete();
            }

            var unit = UnitsOption.Of(parse, units, profile);
            var table = new Table().AddColumns("name", "weeks", "what it is");
            foreach (var name in BuiltInScenarios.Names)
            {
                var scenario = ScenarioParser.Parse(BuiltInScenarios.Text(name)!, name);
                table.AddRow(Markup.Escape(name), (scenario.Days / 7).ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(DistanceUnits.InText(scenario.Description, unit) ?? ""));
            }

            OutcomeView.Console(parse.InvocationConfiguration.Output).Write(table);
            return CliApp.Success;
        });
        return command;
    }
}
