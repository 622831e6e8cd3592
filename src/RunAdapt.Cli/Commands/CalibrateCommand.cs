using System.CommandLine;
using System.Globalization;
using RunAdapt.Core.Model;
using RunAdapt.Evidence;
using Spectre.Console;

namespace RunAdapt.Cli.Commands;

/// <summary>
/// <c>runadapt calibrate [--folds 5] [--write] [--evaluations N] [--fit a,b]</c>: fits the parameters marked
/// <c>fit: true</c> to the evidence library with by-study cross-validation, and writes <c>evidence/calibration.json</c>.
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create()
    {
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds of whole studies (2–100).", DefaultValueFactory = _ => 5 };
        var write = new Option<bool>("--write") { Description = "Put the fit to all the data back into parameters.yaml (values, with the fit recorded in each source)." };
        var evaluations = new Option<int>("--evaluations") { Description = "The most library runs per fit (10–100000).", DefaultValueFactory = _ => 150 };
        var fit = new Option<string?>("--fit") { Description = "Comma-separated parameters to fit, instead of those marked 'fit: true' in parameters.yaml." };
        var samples = new Option<int>("--samples") { Description = "Parameter draws per held-out study for the coverage (0 = none; 10–10000).", DefaultValueFactory = _ => 50 };
        var library = EvidenceOptions.Library();
        var command = new Command("calibrate", "Fit model parameters to the evidence library (standardized error plus a prior inside each plausible range), cross-validated by study; writes evidence/calibration.json and prints in-sample vs out-of-sample pass rates and coverage per area.")
        {
            folds, write, evaluations, fit, samples, library,
        };
        command.SetAction(int (parse) =>
        {
            var (k, runs, draws) = (parse.GetValue(folds), parse.GetValue(evaluations), parse.GetValue(samples));
            if (k is < 2 or > 100)
            {
                throw new UsageException($"--folds must be between 2 and 100, not {k}");
            }

            if (runs is < 10 or > 100_000)
            {
                throw new UsageException($"--evaluations must be between 10 and 100000, not {runs}");
            }

            if (draws != 0 && draws is < 10 or > 10_000)
            {
                throw new UsageException($"--samples must be 0 or between 10 and 10000, not {draws}");
            }

            var centre = ModelParameters.Default;
            var names = parse.GetValue(fit) is { } list
                ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [.. centre.All.Where(p => p.Fit).Select(p => p.Name)];
            if (names.Length == 0)
            {
                throw new UsageException("no parameter is marked 'fit: true' in parameters.yaml; name some with --fit a,b");
            }

            IReadOnlyList<ModelParameter> fitted;
            try
            {
                fitted = Calibration.Fittable(centre, names);
            }
            catch (ArgumentException e)
            {
                throw new UsageException($"--fit: {e.Message}");
            }

            var directory = parse.GetValue(library)!;
            var loaded = EvidenceOptions.Load(directory);
            var error = parse.InvocationConfiguration.Error;
            var result = CrossValidation.Run(loaded, centre, fitted, k, runs, draws, line => error.WriteLine($"calibrate: {line}"));
            var path = Path.Combine(directory.FullName, "calibration.json");
            File.WriteAllText(path, result.ToJson());
            var output = parse.InvocationConfiguration.Output;
            var console = OutcomeView.Console(output);
            var table = new Table().AddColumns("area", "outcomes", "modelled", "in-sample pass", "out-of-sample pass", "coverage (10–90 %)");
            foreach (var row in result.Table)
            {
                table.AddRow(row.Area, row.Outcomes.ToString(CultureInfo.InvariantCulture), row.Modelled.ToString(CultureInfo.InvariantCulture),
                    EvidenceOptions.Percent(row.InSamplePass), EvidenceOptions.Percent(row.OutOfSamplePass), row.Coverage is { } c ? EvidenceOptions.Percent(c) : "–");
            }

            console.Write(table);
            var values = new Table().AddColumns("parameter", "was", "fit to all data", "range");
            foreach (var p in fitted)
            {
                values.AddRow(Markup.Escape(p.Name), p.Value.ToString("G4", CultureInfo.InvariantCulture), result.All.Values[p.Name].ToString("G4", CultureInfo.InvariantCulture),
                    Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"[{p.Minimum:G4}, {p.Maximum:G4}] {p.Unit}")));
            }

            console.Write(values);
            output.WriteLine($"wrote {path}");
            if (parse.GetValue(write))
            {
                var file = Path.Combine(directory.FullName, "..", "src", "RunAdapt.Core", "Model", "parameters.yaml");
                if (!File.Exists(file))
                {
                    throw new InputException($"{Path.GetFullPath(file)}: parameters.yaml not found beside the library (run in the repository)");
                }

                var note = string.Create(CultureInfo.InvariantCulture, $"to {loaded.Studies.Count} studies of evidence/ ({k}-fold CV by study, evidence/calibration.json)");
                var fittedValues = result.All.Values.Where(v => result.Parameters.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
                var text = ParameterFile.WithFit(File.ReadAllText(file), fittedValues, note, result.PosteriorSd);
                foreach (var spread in PersonSpread.Measure(loaded.Studies))
                {
                    var name = PersonVariation.Parameter(spread.Family)!;
                    text = ParameterFile.WithFit(text, new Dictionary<string, double> { [name] = spread.Cv }, string.Create(CultureInfo.InvariantCulture,
                        $"to {loaded.Studies.Count} studies of evidence/ as the median SD/|mean| of {spread.Outcomes} published individual changes (an upper bound: it holds measurement error)"));
                }

                foreach (var spread in PersonSpread.Discrepancy(EvidenceRunner.Run(loaded.Studies, centre.With(result.All.Values))))
                {
                    var name = ModelDiscrepancy.Parameter(spread.Family);
                    text = ParameterFile.WithFit(text, new Dictionary<string, double> { [name] = result.All.Values[name] }, string.Create(CultureInfo.InvariantCulture,
                        $"to {loaded.Studies.Count} studies of evidence/ as the robust SD (median / 0.6745) of the relative errors of {spread.Outcomes} outcomes{(spread.Outcomes < 3 ? ", too few: all outcomes' value" : "")} at the fit (in-sample)"));
                }

                File.WriteAllText(file, text);
                output.WriteLine($"wrote the fit into {Path.GetFullPath(file)} (rebuild to use it)");
            }

            return CliApp.Success;
        });
        return command;
    }
}
