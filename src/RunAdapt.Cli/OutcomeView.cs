using System.Globalization;
using RunAdapt.Core.Outcomes;
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

    public static void Write(TextWriter output, string title, string? description, SimulationOutcome outcome)
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

    private static string Signed(double v) => v.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %";

    private static string Share(double v) => v.ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string N(double v) => v.ToString("0.0#", CultureInfo.InvariantCulture);

    private static string Percent(double fraction) => (fraction * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %";
}
