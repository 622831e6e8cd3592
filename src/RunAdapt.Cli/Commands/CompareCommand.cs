using System.CommandLine;
using System.Globalization;
using RunAdapt.Core;
using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;
using Spectre.Console;

namespace RunAdapt.Cli.Commands;

/// <summary><c>runadapt compare SCENARIO... [--json]</c>: outcomes side by side.</summary>
internal static class CompareCommand
{
    private static readonly Race TenK = Race.Find("10k")!;

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
                output.WriteLine(SimulationOutcome.ToJson(outcomes));
                return CliApp.Success;
            }

            var table = new Table().Title("Final state (changes since each scenario's start)").AddColumn("measure");
            foreach (var name in outcomes.Keys)
            {
                table.AddColumn(Markup.Escape(name));
            }

            void Row(string label, Func<SimulationOutcome, string> cell) => table.AddRow([label, .. outcomes.Values.Select(cell)]);
            string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
            foreach (var muscle in Muscles.All.Select(m => m.Name()))
            {
                Row($"{muscle} size %", o => F(o.Final.Muscles[muscle].SizeChangePercent, "+0.0;-0.0;0.0"));
            }

            foreach (var muscle in Muscles.All.Select(m => m.Name()))
            {
                Row($"{muscle} type I / IIa / IIx %", o => $"{F(o.Final.Muscles[muscle].Type1Percent, "0")} / {F(o.Final.Muscles[muscle].Type2APercent, "0")} / {F(o.Final.Muscles[muscle].Type2XPercent, "0")}");
            }

            Row("VO2max (ml/kg/min)", o => $"{F(o.Start.Vo2MaxMillilitresPerKilogramPerMinute, "0.0")} → {F(o.Final.Vo2MaxMillilitresPerKilogramPerMinute, "0.0")}");
            Row("body mass (kg)", o => $"{F(o.Start.BodyMassKilograms, "0.0")} → {F(o.Final.BodyMassKilograms, "0.0")}");
            Row("body fat %", o => F(100 * o.Final.FatMassKilograms / o.Final.BodyMassKilograms, "0.0"));
            Row("hip bone density %", o => F(o.Final.BoneDensityChangePercent, "+0.0;-0.0;0.0"));
            Row("leg strength %", o => F(o.Final.Muscles.Values.Average(m => m.StrengthChangePercent), "+0.0;-0.0;0.0"));
            Row("10 km time (VO2max as VDOT)", o => $"{Durations.Clock(RaceTimes.Seconds(TenK, o.Start))} → {Durations.Clock(RaceTimes.Seconds(TenK, o.Final))}");
            Row("peak injury risk", o => F(o.PeakInjuryRisk(), "0.00"));
            Row("weeks", o => F(o.Days / 7.0, "0"));
            OutcomeView.Console(output).Write(table);
            return CliApp.Success;
        });
        return command;
    }
}
