using System.Text.Json;
using System.Text.Json.Nodes;
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

    /// <summary>Lays out an outcome sheet: the title, the answer (headline first), then each table with its note.</summary>
    public static void Write(TextWriter output, OutcomeSheet sheet)
    {
        var console = Console(output);
        console.Write(new Rule($"[bold]{Markup.Escape(sheet.Title)}[/]") { Justification = Justify.Left });
        if (sheet.Description is not null)
        {
            console.MarkupLine($"[grey]{Markup.Escape(sheet.Description)}[/]");
        }

        foreach (var finding in sheet.Findings)
        {
            console.MarkupLine(Markup.Escape(finding));
        }

        console.WriteLine();
        foreach (var table in sheet.Tables)
        {
            WriteTable(output, table);
        }

        foreach (var driver in sheet.Drivers)
        {
            console.MarkupLine(Markup.Escape(driver));
        }
    }

    /// <summary>Lays out one sheet table on its own, with its note.</summary>
    public static void WriteTable(TextWriter output, SheetTable sheet)
    {
        var console = Console(output);
        console.Write(Table(sheet));
        if (sheet.Note is not null)
        {
            console.MarkupLine(Markup.Escape(sheet.Note));
        }
    }

    /// <summary>A sheet's table as a terminal table (the first column left, the numbers right, words left).</summary>
    public static Table Table(SheetTable sheet)
    {
        var table = new Table().Title(Markup.Escape(sheet.Title)).AddColumn(Markup.Escape(sheet.Columns[0]));
        foreach (var (column, i) in sheet.Columns.Skip(1).Select((c, i) => (c, i)))
        {
            // A column of words (a lap's intensity, a week's kinds) reads from the left; a number starts with a digit or sign.
            var words = sheet.Rows.Any(r => i < r.Cells.Count && r.Cells[i].Text.Length > 0 && char.IsLetter(r.Cells[i].Text[0]));
            table.AddColumn(words ? new TableColumn(Markup.Escape(column)) : new TableColumn(Markup.Escape(column)).RightAligned());
        }

        foreach (var row in sheet.Rows)
        {
            table.AddRow([Markup.Escape(row.Label), .. row.Cells.Select(c => Markup.Escape(c.Text))]);
        }

        return table;
    }

    /// <summary>
    /// The outcome's JSON (<see cref="OutcomeJson"/>), with the bands added under <c>uncertainty</c> and the
    /// contributions under <c>why</c> when asked for (the rest of the shape unchanged).
    /// </summary>
    public static string Json(SimulationOutcome outcome, OutcomeBands? bands, IReadOnlyList<KindContribution>? why = null, MeasureCatalogue? catalogue = null)
    {
        var node = OutcomeJson.Node(outcome, catalogue);
        if (bands is not null)
        {
            var uncertainty = JsonSerializer.SerializeToNode(bands)!.AsObject();
            uncertainty["p10"] = OutcomeJson.Snapshot(bands.Low, catalogue);
            uncertainty["p50"] = OutcomeJson.Snapshot(bands.Median, catalogue);
            uncertainty["p90"] = OutcomeJson.Snapshot(bands.High, catalogue);
            node["uncertainty"] = uncertainty;
        }

        if (why is not null)
        {
            node["why"] = new JsonArray([.. why.Select(c => (JsonNode)new JsonObject
            {
                ["kind"] = SessionKinds.Display(c.Kind),
                ["sessions"] = c.Sessions,
                ["without"] = OutcomeJson.Snapshot(c.Without, catalogue),
            })]);
        }

        return OutcomeJson.Write(node);
    }
}
