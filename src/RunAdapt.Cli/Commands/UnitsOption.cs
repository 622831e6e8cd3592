using System.CommandLine;
using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Training;

namespace RunAdapt.Cli.Commands;

/// <summary>The shared <c>--units km|mi</c> option: distances and paces in kilometres or miles, the profile's by default.</summary>
internal static class UnitsOption
{
    public static Option<string?> Create() =>
        new("--units") { Description = "Distances and paces in km or mi (miles); by default the profile's ('runadapt athlete --units')." };

    /// <summary>The unit asked for, else the athlete profile's.</summary>
    public static DistanceUnit Of(ParseResult parse, Option<string?> units, Athlete profile) =>
        parse.GetValue(units) is { } name ? DistanceUnits.Parse(name) ?? throw new UsageException($"--units must be km or mi, not '{name}'") : profile.Units;
}
