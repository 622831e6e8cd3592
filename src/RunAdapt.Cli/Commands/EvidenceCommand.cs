using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RunAdapt.Core.Model;
using RunAdapt.Evidence;
using Spectre.Console;

namespace RunAdapt.Cli.Commands;

/// <summary><c>runadapt evidence [--json] [--samples N]</c>: the model against every published outcome of the evidence library.</summary>
internal static class EvidenceCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON document: a row per outcome (study, arm, measure, measured_by, model, published mean, tolerance, pass, source)." };
        var samples = new Option<int>("--samples") { Description = "Also the coverage: the 10th–90th percentile band of each outcome over N parameter draws (10–10000; 0 = none).", DefaultValueFactory = _ => 0 };
        var parameters = new Option<FileInfo?>("--parameters") { Description = "A YAML file overriding model parameters (same shape as the built-in parameters.yaml)." };
        var library = EvidenceOptions.Library();
        var command = new Command("evidence", "Run every arm of the evidence library (evidence/) through the model and compare each outcome with the published mean by the library's tolerance rule.")
        {
            json, samples, parameters, library,
        };
        command.SetAction(int (parse) =>
        {
            var count = parse.GetValue(samples);
            if (count != 0 && count is < 10 or > 10_000)
            {
                throw new UsageException($"--samples must be 0 or between 10 and 10000, not {count}");
            }

            var model = Scenarios.LoadParameters(parse.GetValue(parameters));
            var loaded = EvidenceOptions.Load(parse.GetValue(library)!);
            var results = EvidenceRunner.Run(loaded.Studies, model);
            var bands = count > 0 ? Coverage.Bands(loaded.Studies, model, count) : null;
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(results.Select(r => Row(r, bands)), JsonOptions));
                return CliApp.Success;
            }

            var console = OutcomeView.Console(output);
            var table = new Table().AddColumns("study", "arm", "measure", "measured by", "model", "published", "tolerance", "result", "source");
            foreach (var r in results)
            {
                var o = r.Outcome;
                table.AddRow(Markup.Escape(r.Study.Id), Markup.Escape(o.Versus is { } v ? $"{r.Arm.Id} vs {v}" : r.Arm.Id), Markup.Escape(o.Measure.Name),
                    Markup.Escape(o.MeasuredBy.Length > 40 ? o.MeasuredBy[..39] + "…" : o.MeasuredBy), r.Model is { } m ? m.ToString("0.##", CultureInfo.InvariantCulture) : "–",
                    o.Mean.ToString("0.##", CultureInfo.InvariantCulture) + " " + o.Unit.Name(), Markup.Escape(r.Band.ToString()),
                    r.Pass switch { true => "pass", false => "FAIL", null => "not modelled" }, Markup.Escape(o.Source.ToString()));
            }

            console.Write(table);
            var summary = new Table().AddColumns("area", "outcomes", "modelled", "pass", "coverage (10–90 %)");
            foreach (var group in results.GroupBy(r => r.Study.Area).Append(results.GroupBy(_ => "all").First()))
            {
                var modelled = group.Where(r => r.Modelled).ToList();
                var covered = bands is null || modelled.Count == 0 ? "–"
                    : EvidenceOptions.Percent((double)modelled.Count(r => bands.TryGetValue(r.Key, out var b) && b.Contains(r.Outcome.Mean)) / modelled.Count);
                summary.AddRow(group.Key, group.Count().ToString(CultureInfo.InvariantCulture), modelled.Count.ToString(CultureInfo.InvariantCulture),
                    modelled.Count == 0 ? "–" : EvidenceOptions.Percent((double)modelled.Count(r => r.Pass == true) / modelled.Count), covered);
            }

            console.Write(summary);
            return CliApp.Success;
        });
        return command;
    }

    private static Dictionary<string, object?> Row(OutcomeResult r, IReadOnlyDictionary<string, Band>? bands) => new()
    {
        ["study"] = r.Study.Id,
        ["area"] = r.Study.Area,
        ["arm"] = r.Arm.Id,
        ["versus"] = r.Outcome.Versus,
        ["measure"] = r.Outcome.Measure.Name,
        ["measured_by"] = r.Outcome.MeasuredBy,
        ["week"] = r.Outcome.Week,
        ["unit"] = r.Outcome.Unit.Name(),
        ["model"] = r.Model is { } m && double.IsFinite(m) ? Math.Round(m, 4) : null,
        ["published_mean"] = r.Outcome.Mean,
        ["tolerance_low"] = r.Band.Low,
        ["tolerance_high"] = r.Band.High,
        ["tolerance_basis"] = r.Band.Basis,
        ["pass"] = r.Pass,
        ["modelled"] = r.Modelled,
        ["p10"] = bands is not null && bands.TryGetValue(r.Key, out var b) ? Math.Round(b.Low, 4) : null,
        ["p90"] = bands is not null && bands.TryGetValue(r.Key, out var c) ? Math.Round(c.High, 4) : null,
        ["source"] = r.Outcome.Source.ToString(),
    };
}
