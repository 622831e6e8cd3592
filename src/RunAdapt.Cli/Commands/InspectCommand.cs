using System.CommandLine;

namespace RunAdapt.Cli.Commands;

/// <summary><c>runadapt inspect FILE --json</c>: the decoded activity, record by record.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A FIT, TCX or GPX file (optionally .gz)." };
        var json = new Option<bool>("--json") { Description = "Print JSON lines: one object per record, then one per lap and session." };
        var command = new Command("inspect", "Decode one activity file and print what it holds.") { file, json };
        command.SetAction(int (parse) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new InputException($"{path.FullName}: no such file");
            }

            throw new InputException($"{path.FullName}: decoding is not implemented yet");
        });
        return command;
    }
}
