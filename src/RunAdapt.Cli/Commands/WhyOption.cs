using System.CommandLine;
using RunAdapt.Core.Model;
using RunAdapt.Reports;

namespace RunAdapt.Cli.Commands;

/// <summary>The shared <c>--why</c> option: what each kind of session contributed to the outcome.</summary>
internal static class WhyOption
{
    public static Option<bool> Create() =>
        new("--why") { Description = "Also show why: for each kind of session (easy, hills, speed, weighted, strength, cross), the model run again without it and what the outcome loses (JSON: 'why')." };

    public static IReadOnlyList<KindContribution>? Contributions(ParseResult parse, Option<bool> why, SimulationInput input) =>
        parse.GetValue(why) ? Why.Of(input) : null;
}
