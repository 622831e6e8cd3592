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
                    // Reading, decoding and analysing run on every core; the store takes one file at a time, in order.
                    var prepared = inputs.AsParallel().AsOrdered()
                        .WithDegreeOfParallelism(Environment.ProcessorCount)
                        .WithMergeOptions(ParallelMergeOptions.NotBuffered)
                        .Select(input => Prepare(input, athlete));
                    foreach (var file in prepared)
                    {
                        if (cancelled)
                        {
                            break;
                        }

                        switch (Store(store, file))
                        {
                            case StoreResult.Imported:
                                imported++;
                                break;
                            case StoreResult.Duplicate:
                                duplicates++;
                                break;
                            case null when file.Problem is null:
                                notActivities++;
                                break;
                            default:
                                rejected.Add(file.Problem!);
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

    /// <summary>A file read, hashed, decoded and analysed, ready to store; or the one-line reason it was rejected.</summary>
    private sealed record PreparedFile(string Name, string? Sha256, IReadOnlyList<(Activity, AnalysedSession?)> Activities, string? Problem);

    private static PreparedFile Prepare(ActivityInput input, RunAdapt.Core.Training.Athlete athlete)
    {
        try
        {
            var bytes = input.Read();
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var usable = ActivityFiles.Decode(bytes, input.Name).Where(a => a.Samples.Count > 0)
                .Select(a => input.Metadata?.Sport is { } sport && a.Sport == Sport.Other ? a with { Sport = sport } : a)
                .Select(a => input.Metadata?.Title is { Length: > 0 } title ? a with { Title = title } : a)
                .ToList();
            return new PreparedFile(input.Name, sha, [.. usable.Select(a => (a, SessionBuilder.Analyse(a, athlete)))], null);
        }
        catch (ActivityFormatException e)
        {
            return new PreparedFile(input.Name, null, [], e.UserMessage);
        }
    }

    /// <summary>Stores a prepared file; <c>null</c> when it was rejected or holds no activity (a settings, workout or monitoring file).</summary>
    private static StoreResult? Store(AthleteStore store, PreparedFile file)
    {
        if (file.Sha256 is null)
        {
            return null;
        }

        if (store.HasFile(file.Sha256))
        {
            return StoreResult.Duplicate;
        }

        return file.Activities.Count == 0 ? null : store.Save(file.Name, file.Sha256, file.Activities);
    }
}
