using System.CommandLine;
using RunAdapt.Core.Training;

namespace RunAdapt.Cli.Commands;

/// <summary>The shared <c>--since</c> / <c>--until</c> options: read the history over a range of days.</summary>
internal static class RangeOptions
{
    public static (Option<string?> Since, Option<string?> Until) Create() =>
        (new Option<string?>("--since") { Description = "Read the history from this day on (YYYY-MM-DD)." },
         new Option<string?>("--until") { Description = "Read the history up to this day, included (YYYY-MM-DD)." });

    /// <summary>The range the command was given; a badly written day is a usage error.</summary>
    public static DateRange Read(ParseResult parse, Option<string?> since, Option<string?> until) =>
        DateRange.TryParse(parse.GetValue(since), parse.GetValue(until), out var range, out var error) ? range : throw new UsageException(error!);
}
