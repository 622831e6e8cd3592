using System.CommandLine;
using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Training;
using RunAdapt.Reports;

namespace RunAdapt.Cli.Commands;

/// <summary><c>runadapt simulate SCENARIO [--json]</c>: runs a scenario file or a built-in scenario.</summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("SCENARIO") { Description = "A scenario YAML file, or the name of a built-in scenario (see 'runadapt scenarios')." };
        var json = new Option<bool>("--json") { Description = "Print the outcome as one JSON document (days, start, final, weekly series)." };
        var parameters = new Option<FileInfo?>("--parameters") { Description = "A YAML file overriding model parameters (same shape as the built-in parameters.yaml)." };
        var db = StoreOption.Create();
        var (uncertainty, samples) = UncertaintyOptions.Create();
        var why = WhyOption.Create();
        var units = UnitsOption.Create();
        var command = new Command("simulate", "Run a scenario (athlete + programme) through the adaptation model and show what it does to the body. A scenario with 'from: history' continues from the imported history (--db).")
        {
            scenario, json, parameters, db, uncertainty, samples, why, units,
        };
        command.SetAction(int (parse) =>
        {
            var model = Scenarios.LoadParameters(parse.GetValue(parameters));
            var loaded = Scenarios.Load(parse.GetValue(scenario)!, model);
            var input = Scenarios.Input(loaded, model, parse.GetValue(db));
            var outcome = Simulator.Run(input);
            var bands = UncertaintyOptions.Bands(parse, uncertainty, samples, input);
            var contributions = WhyOption.Contributions(parse, why, input);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(OutcomeView.Json(outcome, bands, contributions));
            }
            else
            {
                // A plan from a store speaks the store's profile's units; --units overrides.
                Athlete profile;
                using (var store = parse.GetValue(db) is not null ? StoreOption.Open(parse.GetValue(db)) : null)
                {
                    profile = store?.LoadAthlete() ?? new Athlete();
                }

                var unit = UnitsOption.Of(parse, units, profile);
                OutcomeView.Write(output, OutcomeSheet.Of(new ReportInput { Title = loaded.Name, Description = Analysis.RunKinds.DescribePlan(DistanceUnits.InText(loaded.Description, unit), input), Outcome = outcome, Bands = bands, Why = contributions ?? [], Units = unit }));
            }

            return CliApp.Success;
        });
        return command;
    }
}
