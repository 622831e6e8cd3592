using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using RunAdapt.Core;
using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;
using RunAdapt.Reports;
using Spectre.Console;

namespace RunAdapt.Cli;

/// <summary>Renders an outcome for the terminal: a plain-language answer, then per-muscle and whole-body tables.</summary>
internal static class OutcomeView
{
    public static IAnsiConsole Console(TextWriter output)
    {
        var terminal = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });

        // Piped output has no terminal width: honour COLUMNS, as Unix tools do.
        if (!terminal && int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns >= 40)
        {
            console.Profile.Width = columns;
        }

        return console;
    }

    public static void Write(TextWriter output, string title, string? description, SimulationOutcome outcome, OutcomeBands? bands = null, IReadOnlyList<KindContribution>? why = null)
    {
        var console = Console(output);
        console.Write(new Rule($"[bold]{Markup.Escape(title)}[/]") { Justification = Justify.Left });
        if (description is not null)
        {
            console.MarkupLine($"[grey]{Markup.Escape(description)}[/]");
        }

        console.MarkupLine(Markup.Escape(Answer(outcome)));
        console.WriteLine();
        console.Write(MuscleTable(outcome));
        console.Write(BodyTable(outcome));
        console.Write(RaceTable(outcome, bands));
        if (why is { Count: > 0 })
        {
            console.Write(WhyTable(outcome, why));
            console.MarkupLine(Markup.Escape("Why: each row is what the outcome loses when the model runs again without that kind of session. Adaptation is not additive, so the rows need not add up to the total."));
        }

        if (bands is not null)
        {
            console.Write(BandTable(outcome, bands));
            console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"How sure: the range is the 10th to 90th percentile of {bands.Samples} simulations with every model parameter drawn from its plausible range (parameters.yaml; many are marked as guesses). Where it spans zero, the model cannot say whether that muscle grows or shrinks.")));
            var widest = outcome.Final.Muscles.Keys.MaxBy(m => bands.High.Muscles[m].SizeChangePercent - bands.Low.Muscles[m].SizeChangePercent)!;
            foreach (var measure in new[] { widest, "vo2max" }.Where(m => bands.Drivers[m].Count > 0))
            {
                console.MarkupLine(Markup.Escape($"Most of the spread in {measure}{(measure == "vo2max" ? "" : " size")} comes from: " +
                    string.Join(", ", bands.Drivers[measure]) + "."));
            }
        }
    }

    /// <summary>
    /// The outcome's JSON, with the bands added under <c>uncertainty</c> and the contributions under <c>why</c> when
    /// asked for (the rest of the shape unchanged).
    /// </summary>
    public static string Json(SimulationOutcome outcome, OutcomeBands? bands, IReadOnlyList<KindContribution>? why = null)
    {
        if (bands is null && why is null)
        {
            return outcome.ToJson();
        }

        var node = JsonNode.Parse(outcome.ToJson())!.AsObject();
        if (bands is not null)
        {
            node["uncertainty"] = JsonSerializer.SerializeToNode(bands);
        }

        if (why is not null)
        {
            node["why"] = new JsonArray([.. why.Select(c => (JsonNode)new JsonObject
            {
                ["kind"] = SessionKinds.Display(c.Kind),
                ["sessions"] = c.Sessions,
                ["without"] = JsonSerializer.SerializeToNode(c.Without),
            })]);
        }

        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static Table WhyTable(SimulationOutcome outcome, IReadOnlyList<KindContribution> why)
    {
        var f = outcome.Final;
        var table = new Table().Title("Why: what each kind of session contributed (size and bone in % points, VO2max in ml/kg/min)")
            .AddColumns(["kind", "n", .. f.Muscles.Keys.Select(Short), "VO2max", "bone"]);
        foreach (var c in why)
        {
            table.AddRow([
                SessionKinds.Display(c.Kind), c.Sessions.ToString(CultureInfo.InvariantCulture),
                .. f.Muscles.Keys.Select(m => Points(f.Muscles[m].SizeChangePercent - c.Without.Muscles[m].SizeChangePercent)),
                Points(f.Vo2MaxMillilitresPerKilogramPerMinute - c.Without.Vo2MaxMillilitresPerKilogramPerMinute),
                Points(f.BoneDensityChangePercent - c.Without.BoneDensityChangePercent),
            ]);
        }

        return table;
    }

    private static string Points(double v) => v.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    /// <summary>A muscle's column heading short enough for an 80-column terminal.</summary>
    private static string Short(string muscle) => muscle switch
    {
        "quadriceps" => "quads",
        "hamstrings" => "hams",
        _ => muscle,
    };

    private static Table BandTable(SimulationOutcome outcome, OutcomeBands bands)
    {
        var f = outcome.Final;
        var table = new Table().Title("How sure (model, and the likely range)").AddColumns("measure", "model", "10th", "median", "90th");
        foreach (var (name, m) in f.Muscles)
        {
            table.AddRow($"{name} size", Signed(m.SizeChangePercent), Signed(bands.Low.Muscles[name].SizeChangePercent), Signed(bands.Median.Muscles[name].SizeChangePercent), Signed(bands.High.Muscles[name].SizeChangePercent));
        }

        foreach (var (name, m) in f.Muscles)
        {
            table.AddRow($"{name} type I", Share(m.Type1Percent), Share(bands.Low.Muscles[name].Type1Percent), Share(bands.Median.Muscles[name].Type1Percent), Share(bands.High.Muscles[name].Type1Percent));
        }

        table.AddRow("VO2max (ml/kg/min)", N(f.Vo2MaxMillilitresPerKilogramPerMinute), N(bands.Low.Vo2MaxMillilitresPerKilogramPerMinute), N(bands.Median.Vo2MaxMillilitresPerKilogramPerMinute), N(bands.High.Vo2MaxMillilitresPerKilogramPerMinute));
        table.AddRow("body mass (kg)", N(f.BodyMassKilograms), N(bands.Low.BodyMassKilograms), N(bands.Median.BodyMassKilograms), N(bands.High.BodyMassKilograms));
        table.AddRow("fat mass (kg)", N(f.FatMassKilograms), N(bands.Low.FatMassKilograms), N(bands.Median.FatMassKilograms), N(bands.High.FatMassKilograms));
        table.AddRow("bone density (hip, % change)", N(f.BoneDensityChangePercent), N(bands.Low.BoneDensityChangePercent), N(bands.Median.BoneDensityChangePercent), N(bands.High.BoneDensityChangePercent));
        table.AddRow("injury risk (1 = baseline)", N(f.InjuryRisk), N(bands.Low.InjuryRisk), N(bands.Median.InjuryRisk), N(bands.High.InjuryRisk));
        return table;
    }

    /// <summary>The one-paragraph answer to "what did my training build?", from the numbers.</summary>
    public static string Answer(SimulationOutcome outcome)
    {
        var f = outcome.Final;
        var s = outcome.Start;
        var weeks = outcome.Days / 7.0;
        var grew = f.Muscles.OrderByDescending(m => m.Value.SizeChangePercent).First();
        var parts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Over {weeks:0} weeks: VO2max {s.Vo2MaxMillilitresPerKilogramPerMinute:0.0} → {f.Vo2MaxMillilitresPerKilogramPerMinute:0.0} ml/kg/min ({Percent(f.Vo2MaxMillilitresPerKilogramPerMinute / s.Vo2MaxMillilitresPerKilogramPerMinute - 1)})."),
            grew.Value.SizeChangePercent >= 0.5
                ? string.Create(CultureInfo.InvariantCulture, $"The {grew.Key} grew most ({grew.Value.SizeChangePercent:+0.0;-0.0} %)")
                : "No leg muscle grew appreciably",
        };
        var type1 = f.Muscles.Values.Average(m => m.Type1Percent) - s.Muscles.Values.Average(m => m.Type1Percent);
        parts[^1] += string.Create(CultureInfo.InvariantCulture, $"; fibres shifted {(type1 >= 0 ? "toward slow-twitch" : "toward fast-twitch")} ({type1:+0.0;-0.0} points type I on average), muscular endurance {f.Muscles.Values.Average(m => m.EnduranceChangePercent):+0;-0} %.");
        parts.Add(string.Create(CultureInfo.InvariantCulture, $"Body mass {s.BodyMassKilograms:0.0} → {f.BodyMassKilograms:0.0} kg (fat {s.FatMassKilograms:0.0} → {f.FatMassKilograms:0.0} kg); hip bone density {f.BoneDensityChangePercent:+0.0;-0.0} %; injury risk ×{f.InjuryRisk:0.00} now."));
        return string.Join(" ", parts);
    }

    private static Table MuscleTable(SimulationOutcome outcome)
    {
        var table = new Table().Title("Muscles (change since the start)").AddColumns("muscle", "size", "type I", "type IIa", "type IIx", "endurance", "strength");
        foreach (var (name, m) in outcome.Final.Muscles)
        {
            table.AddRow(name, Signed(m.SizeChangePercent), Share(m.Type1Percent), Share(m.Type2APercent), Share(m.Type2XPercent), Signed(m.EnduranceChangePercent), Signed(m.StrengthChangePercent));
        }

        return table;
    }

    private static Table BodyTable(SimulationOutcome outcome)
    {
        var (s, f) = (outcome.Start, outcome.Final);
        var table = new Table().Title("Whole body").AddColumns("measure", "start", "end");
        table.AddRow("VO2max (ml/kg/min)", N(s.Vo2MaxMillilitresPerKilogramPerMinute), N(f.Vo2MaxMillilitresPerKilogramPerMinute));
        table.AddRow("body mass (kg)", N(s.BodyMassKilograms), N(f.BodyMassKilograms));
        table.AddRow("fat mass (kg)", N(s.FatMassKilograms), N(f.FatMassKilograms));
        table.AddRow("bone density (hip, % change)", N(s.BoneDensityChangePercent), N(f.BoneDensityChangePercent));
        table.AddRow("joint load index (1 = habitual)", N(s.JointLoadIndex), N(f.JointLoadIndex));
        table.AddRow("injury risk (1 = baseline)", N(s.InjuryRisk), N(f.InjuryRisk));
        return table;
    }

    /// <summary>
    /// The race times the VO2max at the start and the end gives (Daniels' VDOT), and with bands the likely range at the
    /// end: the 90th percentile of VO2max is the fast end, the 10th the slow one.
    /// </summary>
    private static Table RaceTable(SimulationOutcome outcome, OutcomeBands? bands)
    {
        var table = new Table().Title("Race times (the model's VO2max taken as Daniels' VDOT: an average running economy)")
            .AddColumns(["race", "start", "end", .. bands is null ? Array.Empty<string>() : ["likely (10th–90th)"], "end pace /km"]);
        foreach (var race in Race.Standard)
        {
            var end = RaceTimes.Seconds(race, outcome.Final);
            table.AddRow([
                race.Name, Durations.Clock(RaceTimes.Seconds(race, outcome.Start)), Durations.Clock(end),
                .. bands is null ? Array.Empty<string>() : [$"{Durations.Clock(RaceTimes.Seconds(race, bands.High))}–{Durations.Clock(RaceTimes.Seconds(race, bands.Low))}"],
                Durations.Clock(end * 1000 / race.Metres),
            ]);
        }

        return table;
    }

    private static string Signed(double v) => v.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %";

    private static string Share(double v) => v.ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string N(double v) => v.ToString("0.0#", CultureInfo.InvariantCulture);

    private static string Percent(double fraction) => (fraction * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %";
}
