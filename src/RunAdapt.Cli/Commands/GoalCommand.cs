using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Planning;
using Spectre.Console;

namespace RunAdapt.Cli.Commands;

/// <summary>
/// <c>runadapt goal PLAN --want MEASURE:+N [--keep MEASURE] [--json]</c>: what to change in a plan to reach a goal
/// ("bigger glutes without losing my marathon"), found by simulating the plan with each change and pair of changes.
/// </summary>
internal static class GoalCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("PLAN") { Description = "The plan: a scenario YAML file or a built-in scenario ('from: history' continues from the imported history, --db)." };
        var want = new Option<string[]>("--want")
        {
            Description = $"What you want by the end, as MEASURE:+N percent change (e.g. glutes:+5, vo2max:+8, fat:-5), or a race's predicted time as RACE:TIME (10k:47:00) or RACE:-TIME faster than now (marathon:-5:00). Measures: {string.Join(", ", GoalMeasure.Names)}.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            Required = true,
        };
        var keep = new Option<string[]>("--keep") { Description = "What must not get worse than under the plan as it is (e.g. vo2max); may be repeated.", Arity = ArgumentArity.ZeroOrMore };
        var tolerance = new Option<double>("--tolerance") { Description = "How much worse a kept measure may get, in percentage points.", DefaultValueFactory = _ => 1 };
        var top = new Option<int>("--top") { Description = "How many options to list.", DefaultValueFactory = _ => 8 };
        var json = new Option<bool>("--json") { Description = "Print every option tried as one JSON document." };
        var parameters = new Option<FileInfo?>("--parameters") { Description = "A YAML file overriding model parameters." };
        var db = StoreOption.Create();
        var command = new Command("goal", "What to change in a plan to reach a goal: simulates the plan with hills, sprints, lifting, a vest, forefoot landing, more or less running — each alone and in pairs — and ranks what reaches the goal without losing what you keep.")
        {
            scenario, want, keep, tolerance, top, json, parameters, db,
        };
        command.SetAction(int (parse) =>
        {
            var (wants, keeps) = (Parse(parse.GetValue(want) ?? [], Want.Parse), Parse(parse.GetValue(keep) ?? [], GoalMeasure.Parse));
            var keepTolerance = parse.GetValue(tolerance);
            if (wants.Select(w => w.Measure.Name).Concat(keeps.Select(k => k.Name)).GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw new UsageException($"'{twice.Key}' is named twice in --want/--keep");
            }

            if (!(keepTolerance >= 0 && keepTolerance <= 50) || parse.GetValue(top) < 1)
            {
                throw new UsageException("--tolerance must be 0–50 percentage points and --top at least 1");
            }

            var model = Scenarios.LoadParameters(parse.GetValue(parameters));
            var loaded = Scenarios.Load(parse.GetValue(scenario)!, model);
            var result = GoalSearch.Search(Scenarios.Input(loaded, model, parse.GetValue(db)), wants, keeps, keepTolerance);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(Json(result));
            }
            else
            {
                Write(output, loaded.Name, result, parse.GetValue(top));
            }

            return CliApp.Success;
        });
        return command;
    }

    private static List<T> Parse<T>(IEnumerable<string> texts, Func<string, T> parse)
    {
        try
        {
            return [.. texts.Select(parse)];
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message.Split(" (Parameter")[0]);
        }
    }

    private static void Write(TextWriter output, string plan, GoalSearchResult result, int top)
    {
        var console = OutcomeView.Console(output);
        var keeping = result.Keeps.Count == 0 ? "" : $", keeping {string.Join(" and ", result.Keeps.Select(k => k.Name))}";
        console.MarkupLine(Markup.Escape(I($"Goal for {plan}: {string.Join(", ", result.Wants)}{keeping}. {result.Options.Count} ways of running the plan simulated ({result.Plan.Outcome.Days} days each).")));
        console.MarkupLine(Markup.Escape(I($"As planned: {result.Values(result.Plan)}; leg strength {result.Plan.StrengthChangePercent:+0.0;-0.0;0.0} %, peak injury risk {result.Plan.PeakInjuryRisk:0.00}.")));
        console.MarkupLine(Markup.Escape(result.Verdict()));

        var table = new Table().Title($"Best {Math.Min(top, result.Options.Count)} of {result.Options.Count}");
        table.AddColumn(new TableColumn("change").NoWrap());
        foreach (var w in result.Wants)
        {
            table.AddColumn(w.Measure.Name + w.Form switch { WantForm.FinishTime => " time", WantForm.TimeChange => " faster", _ => " %" });
        }

        foreach (var k in result.Keeps)
        {
            table.AddColumn(k.Name + " %");
        }

        table.AddColumns("strength %", "risk", "min/wk", "reached");
        foreach (var o in result.Options.Take(top))
        {
            table.AddRow([
                Markup.Escape(o.Name),
                .. o.WantValues.Select((v, i) => result.Wants[i].Form == WantForm.Percent ? Numbers.Signed(v, 1) : result.Wants[i].Format(v)),
                .. o.KeepValues.Select(v => Numbers.Signed(v, 1)),
                Numbers.Signed(o.StrengthChangePercent, 1),
                I($"{o.PeakInjuryRisk:0.00}"),
                Numbers.Signed(o.ExtraMinutesPerWeek, 0),
                result.Reached(o),
            ]);
        }

        console.Write(table);
        var races = result.Wants.Select(w => w.Measure).Concat(result.Keeps).Any(m => m.Race is not null) ? "race times: from the model's VO2max taken as Daniels' VDOT (average running economy); " : "";
        console.MarkupLine(Markup.Escape("strength: the mean change in the leg muscles' maximal strength; risk: the peak weekly injury risk (1 = baseline); " + races + "reached 'cost': the wants are reached but something kept is lost or the risk rises more than 10 %. Changes: " +
            string.Join("; ", result.Options.Take(top).SelectMany(o => o.Changes).DistinctBy(c => c.Name).Select(c => $"{c.Name} = {c.Description}")) + "."));
    }

    private static string Json(GoalSearchResult result)
    {
        Dictionary<string, object> Option(PlanOption o) => new()
        {
            ["changes"] = o.Changes.Select(c => c.Name).ToList(),
            ["description"] = o.Description,
            ["wants"] = result.Wants.Select((w, i) => (w, i)).ToDictionary(x => x.w.Measure.Name, x => o.WantValues[x.i]),
            ["keeps"] = result.Keeps.Select((k, i) => (k, i)).ToDictionary(x => x.k.Name, x => o.KeepValues[x.i]),
            ["shortfall"] = o.Shortfall,
            ["keeps_ok"] = o.Keeps,
            ["strength_change_pct"] = o.StrengthChangePercent,
            ["peak_injury_risk"] = o.PeakInjuryRisk,
            ["extra_min_per_week"] = o.ExtraMinutesPerWeek,
            ["reached"] = result.Succeeds(o),
        };
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["wants"] = result.Wants.ToDictionary(w => w.Measure.Name, w => w.Target),
            ["keeps"] = result.Keeps.Select(k => k.Name).ToList(),
            ["plan"] = Option(result.Plan),
            ["options"] = result.Options.Select(Option).ToList(),
        }, new JsonSerializerOptions { WriteIndented = true });
    }

    private static string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
