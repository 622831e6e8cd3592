using System.CommandLine;
using System.Security.Cryptography;
using RunAdapt.Activities;
using RunAdapt.Analysis;
using RunAdapt.Storage;
using Spectre.Console;

namespace RunAdapt.Cli.Commands;

/// <summary><c>runadapt import PATH... [--db FILE]</c>: decode, analyse and store activity files, idempotently.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Activity files (.fit, .tcx, .gpx, optionally .gz), folders, .zip archives or whole Garmin/Strava exports.", Arity = ArgumentArity.OneOrMore };
        var db = StoreOption.Create();
        var command = new Command("import", "Import activities into the athlete store. Importing the same file or run twice stores it once; a bad file is reported and skipped, and the exit status is then 1.")
        {
            paths, db,
        };
        command.SetAction(int (parse) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            using var store = StoreOption.Open(parse.GetValue(db));
            var athlete = store.LoadAthlete();
            var inputs = new List<ActivityInput>();
            var rejected = new List<string>();
            foreach (var path in parse.GetValue(paths)!)
            {
                try
                {
                    inputs.AddRange(ActivitySource.Enumerate(path));
                }
                catch (FileNotFoundException e)
                {
                    rejected.Add(e.Message);
                }
            }

            var imported = 0;
            var duplicates = 0;
            var notActivities = 0;
            var cancelled = false;
            ConsoleCancelEventHandler stop = (_, e) => { e.Cancel = true; cancelled = true; };
            Console.CancelKeyPress += stop;
            try
            {
                var console = OutcomeView.Console(output);
                void ImportAll(Action advance)
                {
                    foreach (var input in inputs)
                    {
                        if (cancelled)
                        {
                            break;
                        }

                        switch (ImportOne(store, input, athlete, out var problem))
                        {
                            case StoreResult.Imported:
                                imported++;
                                break;
                            case StoreResult.Duplicate:
                                duplicates++;
                                break;
                            case null when problem is null:
                                notActivities++;
                                break;
                            default:
                                rejected.Add(problem!);
                                break;
                        }

                        advance();
                    }
                }

                if (console.Profile.Capabilities.Interactive && inputs.Count > 1)
                {
                    console.Progress()
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                        .Start(ctx =>
                        {
                            var task = ctx.AddTask("importing", maxValue: inputs.Count);
                            ImportAll(() => task.Increment(1));
                        });
                }
                else
                {
                    ImportAll(() => { });
                }
            }
            finally
            {
                Console.CancelKeyPress -= stop;
            }

            output.WriteLine($"imported {imported}, skipped as duplicate {duplicates}, skipped as not an activity {notActivities}, rejected {rejected.Count}{(cancelled ? " (interrupted; run again to finish)" : "")}");
            foreach (var line in rejected)
            {
                error.WriteLine(line);
            }

            return rejected.Count == 0 ? CliApp.Success : CliApp.BadInput;
        });
        return command;
    }

    /// <summary>Imports one input; <c>null</c> when it was rejected (with the one-line reason) or holds no activity (no reason).</summary>
    private static StoreResult? ImportOne(AthleteStore store, ActivityInput input, RunAdapt.Core.Training.Athlete athlete, out string? problem)
    {
        problem = null;
        try
        {
            var bytes = input.Read();
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (store.HasFile(sha))
            {
                return StoreResult.Duplicate;
            }

            var activities = ActivityFiles.Decode(bytes, input.Name);
            var usable = activities.Where(a => a.Samples.Count > 0).ToList();
            if (usable.Count == 0)
            {
                return null; // a settings, workout or monitoring file: nothing to import, nothing wrong
            }

            return store.Save(input.Name, sha, [.. usable.Select(a => (a, SessionBuilder.Analyse(a, athlete)))]);
        }
        catch (ActivityFormatException e)
        {
            problem = e.UserMessage;
            return null;
        }
    }
}
