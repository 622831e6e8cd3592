using System.CommandLine;
using System.Globalization;
using RunAdapt.Activities;
using RunAdapt.Analysis;
using RunAdapt.Core;
using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Training;
using Spectre.Console;

namespace RunAdapt.Cli.Commands;

/// <summary><c>runadapt inspect FILE --json</c>: the decoded activity, record by record.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A FIT, TCX or GPX file (optionally .gz)." };
        var json = new Option<bool>("--json") { Description = "Print JSON lines: one object per record, then one per lap and session." };
        var db = StoreOption.Create();
        db.Description = "Analyse with the athlete profile and thresholds of this store (default: a default athlete; nothing is stored).";
        var command = new Command("inspect", "Decode one activity file and print what it holds: the file's summary, its laps, and the analysis (load, zones, detected repeats, climbs, best efforts).") { file, json, db };
        command.SetAction(int (parse) =>
        {
            var path = parse.GetValue(file)!;
            var activities = ActivityFiles.Decode(path);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                ActivityJsonLines.Write(activities, output);
            }
            else
            {
                var (athlete, thresholds, stored) = Profile(parse.GetValue(db));
                WriteSummary(path, activities, output, athlete.Units);
                foreach (var activity in activities)
                {
                    var (analysed, reason) = SessionBuilder.TryAnalyse(activity, athlete, thresholds);
                    WriteAnalysis(activity, analysed, reason, output, athlete.Units);
                    // The same run in the store (same sport, same start to the second): where its page is.
                    if (stored.FirstOrDefault(s => activity.StartTimeUtc is { } t && Math.Abs((s.StartUtc - t).TotalSeconds) < 1 && s.Sport == activity.Sport.ToString().ToLowerInvariant()) is { } match)
                    {
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  stored as activity {match.Id}: its page is /run.html?id={match.Id} on the dashboard (runadapt serve)"));
                    }
                }
            }

            var problem = activities.SelectMany(a => a.Problems).FirstOrDefault();
            if (problem is not null)
            {
                parse.InvocationConfiguration.Error.WriteLine(problem.UserMessage);
                return CliApp.BadInput;
            }

            return CliApp.Success;
        });
        return command;
    }

    private static void WriteSummary(FileInfo path, IReadOnlyList<Activity> activities, TextWriter output, DistanceUnit unit)
    {
        output.WriteLine($"{path.Name}: {activities.Count} activit{(activities.Count == 1 ? "y" : "ies")}");
        foreach (var a in activities)
        {
            var distance = a.Samples.LastOrDefault(s => s.DistanceMetres is not null).DistanceMetres
                ?? a.Summaries.FirstOrDefault(s => s.Kind == SummaryKind.Session)?.TotalDistanceMetres;
            var duration = a.Samples.Count > 1 ? a.Samples[^1].TimestampUtc - a.Samples[0].TimestampUtc : TimeSpan.Zero;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {a.SourceFormat} {a.Sport.ToString().ToLowerInvariant()} {(a.StartTimeUtc is { } t ? ActivityJsonLines.Iso(t) : "no start time")} " +
                $"records={a.Samples.Count} laps={a.Summaries.Count(s => s.Kind == SummaryKind.Lap)} " +
                $"distance={(distance is { } d ? DistanceUnits.Distance(d, unit, 2) : "n/a")} duration={duration:hh\\:mm\\:ss} device={a.Device ?? "unknown"}"));
        }
    }

    /// <summary>The store's athlete, thresholds and activities; a default athlete and nothing stored without a store.</summary>
    private static (Athlete Athlete, ThresholdHistory? Thresholds, IReadOnlyList<Storage.StoredActivity> Stored) Profile(string? location)
    {
        if (location is null)
        {
            return (new Athlete(), null, []);
        }

        using var store = StoreOption.Open(location);
        return (store.LoadAthlete(), ThresholdHistory.From(store.LoadThresholds()), store.ListActivities());
    }

    private static void WriteAnalysis(Activity activity, AnalysedSession? analysed, string? problem, TextWriter output, DistanceUnit unit)
    {
        var console = OutcomeView.Console(output);
        var laps = Laps.Of(activity);
        if (laps.Count > 0)
        {
            var table = new Table().Title("Laps (the device's)").AddColumns([.. Laps.Columns(unit)]);
            foreach (var lap in laps)
            {
                table.AddRow([.. Laps.Cells(lap, unit)]);
            }

            console.Write(table);
        }

        if (problem is not null)
        {
            output.WriteLine($"  {problem}");
            return;
        }

        if (analysed is null)
        {
            output.WriteLine("  no usable movement to analyse (under a minute moving)");
            return;
        }

        var x = analysed.Analysis;
        var zones = x.HeartRateZoneSeconds.Sum() > 0 ? $", HR zones {string.Join("/", x.HeartRateZoneSeconds.Select(z => (100 * z / x.HeartRateZoneSeconds.Sum()).ToString("0", CultureInfo.InvariantCulture)))} %" : "";
        output.WriteLine(I($"  analysis: moving {Clock(analysed.MovingSeconds)}, {DistanceUnits.Distance(analysed.DistanceMetres, unit, 2)}, gain {analysed.ElevationGainMetres:0} m{(x.StepsPerMinute is { } steps ? I($", cadence {steps:0} steps/min") : "")}, load {x.Load.Trimp:0} TRIMP (from {x.Load.Method switch { LoadMethod.HeartRate => "heart rate", LoadMethod.PerceivedEffort => "perceived effort", _ => x.Load.Method.ToString().ToLowerInvariant() }}){zones}; {x.Describe(unit)}"));
        if (x.Features.Repeats.Count > 0)
        {
            var table = new Table().Title("Detected repeats").AddColumns("start", "time", "distance", $"pace {unit.PerUnit()}", "rest after", "kind");
            foreach (var r in x.Features.Repeats)
            {
                table.AddRow(r.StartUtc?.ToString("HH:mm:ss", CultureInfo.InvariantCulture) ?? Clock(r.StartSeconds), Clock(r.Seconds), I($"{r.DistanceMetres:0} m"),
                    DistanceUnits.Pace(r.SpeedMetresPerSecond, unit), r.RestSeconds > 0 ? Clock(r.RestSeconds) : "–", r.IsSprint ? "sprint" : "repeat");
            }

            console.Write(table);
        }

        if (x.Features.Climbs.Count > 0)
        {
            var table = new Table().Title("Climbs").AddColumns($"from {unit.Symbol()}", "length", "gain", "grade", "score");
            foreach (var c in x.Features.Climbs)
            {
                table.AddRow(DistanceUnits.Number(c.StartMetres, unit, 2), I($"{c.LengthMetres:0} m"), I($"{c.GainMetres:0} m"), I($"{c.GradeFraction * 100:0.0} %"), I($"{c.Score:0}"));
            }

            console.Write(table);
        }

        if (x.BestEfforts.Count > 0)
        {
            output.WriteLine("  best efforts: " + string.Join(", ", x.BestEfforts.Select(e => $"{DistanceUnits.RaceName(e.Name, unit)} {Clock(e.Seconds)}")));
        }
    }

    private static string Clock(double? seconds) => Durations.Clock(seconds);

    private static string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
