using System.CommandLine;
using System.Globalization;
using RunAdapt.Activities;

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
            var activities = ActivityFiles.Decode(path);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                ActivityJsonLines.Write(activities, output);
            }
            else
            {
                WriteSummary(path, activities, output);
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

    private static void WriteSummary(FileInfo path, IReadOnlyList<Activity> activities, TextWriter output)
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
                $"distance={(distance is { } d ? $"{d / 1000:0.00} km" : "n/a")} duration={duration:hh\\:mm\\:ss} device={a.Device ?? "unknown"}"));
        }
    }


}
