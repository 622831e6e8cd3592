using System.CommandLine;
using System.Globalization;
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
        var carried = new Option<double>("--carried-load") { Description = "Mark the runs in these files as carried-load runs (weighted vest or pack): the extra mass in kg. A file cannot tell." };
        var command = new Command("import", "Import activities into the athlete store. Importing the same file or run twice stores it once; a bad file is reported and skipped, and the exit status is then 1.")
        {
            paths, db, carried,
        };
        command.SetAction(int (parse) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var carriedLoad = parse.GetValue(carried);
            if (!(carriedLoad >= 0 && carriedLoad <= 100))
            {
                throw new UsageException($"--carried-load must be between 0 and 100 kg, not {carriedLoad}");
            }

            using var store = StoreOption.Open(parse.GetValue(db));
            // A Garmin Connect export's profile fills what the user has not set, before its activities are analysed.
            var profiles = parse.GetValue(paths)!.Select(ExportProfile.Find).OfType<ExportProfile>()
                .Select(p => (p.Source, Taken: ExportProfiles.Apply(store, p))).Where(p => p.Taken is not null).ToList();
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
            var lapsAdded = 0;
            var notActivities = 0;
            var notAnalysed = new List<string>();
            var cancelled = false;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var console = OutcomeView.Console(output);
            ConsoleCancelEventHandler stop = (_, e) => { e.Cancel = true; cancelled = true; };
            Console.CancelKeyPress += stop;
            try
            {
                void ImportAll(Action advance)
                {
                    // Reading, hashing, decoding and analysing run in parallel (in input order, a bounded window ahead);
                    // only the store writes are serial, one transaction per file, so stopping between two files leaves
                    // every file whole or absent.
                    var cores = Math.Max(1, Environment.ProcessorCount);
                    var prepared = ActivityImporter.PrepareAll(inputs, store.KnownFiles(), athlete, cores, window: 4 * cores, thresholds: ThresholdHistory.From(store.LoadThresholds()), carriedLoadKilograms: carriedLoad);
                    foreach (var file in prepared)
                    {
                        if (cancelled)
                        {
                            break;
                        }

                        switch (ActivityImporter.Store(store, file))
                        {
                            case StoreResult.Imported:
                                imported++;
                                notAnalysed.AddRange(file.Activities!.Select(a => a.Problem).OfType<string>());
                                break;
                            case StoreResult.Duplicate:
                                duplicates++;
                                break;
                            case StoreResult.LapsAdded:
                                duplicates++;
                                lapsAdded++;
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
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new FilesPerSecondColumn(), new RemainingTimeColumn())
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
            var done = imported + duplicates + notActivities + rejected.Count;
            var summary = new Table().AddColumns("outcome", "files").Caption(string.Create(CultureInfo.InvariantCulture,
                $"{done} files in {clock.Elapsed.TotalSeconds:0.0} s ({done / Math.Max(clock.Elapsed.TotalSeconds, 1e-3):0.0} files/s)"));
            summary.AddRow("imported", $"{imported}").AddRow("duplicate (already stored)", $"{duplicates}").AddRow("not an activity (settings, workout, monitoring)", $"{notActivities}").AddRow("rejected", $"{rejected.Count}");
            console.Write(summary);
            if (lapsAdded > 0)
            {
                output.WriteLine($"laps added to the activities of {lapsAdded} file{(lapsAdded == 1 ? "" : "s")} stored before laps were kept (the files were otherwise already stored)");
            }

            foreach (var (source, taken) in profiles)
            {
                output.WriteLine($"profile from the Garmin Connect export {Printable(Path.GetFileName(source.TrimEnd('/')))}, used where you set nothing: {taken} (change with 'runadapt athlete')");
            }

            foreach (var line in notAnalysed)
            {
                output.WriteLine($"stored, but left out of the model: {Printable(line)}");
            }

            if (rejected.Count > 0)
            {
                var reasons = new Table().Title("rejected (nothing stored from these)").AddColumn("file: reason");
                foreach (var line in rejected.Select(Printable))
                {
                    reasons.AddRow(new Text(line));
                    error.WriteLine(line);
                }

                console.Write(reasons);
            }

            // A script must not take a stopped import for a finished one.
            return cancelled ? CliApp.Interrupted : rejected.Count == 0 ? CliApp.Success : CliApp.BadInput;
        });
        return command;
    }

    /// <summary>A line without control characters: an archive's entry names are the archive author's, and an escape sequence in one would drive the terminal.</summary>
    private static string Printable(string line) => string.Concat(line.Select(c => char.IsControl(c) ? '?' : c));
}

/// <summary>The progress column for an import: files per second (Spectre's transfer-speed column would show bytes).</summary>
internal sealed class FilesPerSecondColumn : ProgressColumn
{
    /// <inheritdoc/>
    public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(task.Speed is { } speed ? string.Create(CultureInfo.InvariantCulture, $"{speed:0.0} files/s") : "– files/s");
}
