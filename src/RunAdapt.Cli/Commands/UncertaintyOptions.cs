using System.CommandLine;
using RunAdapt.Core.Model;

namespace RunAdapt.Cli.Commands;

/// <summary>The shared <c>--uncertainty</c> and <c>--samples</c> options: how sure the model is of an outcome.</summary>
internal static class UncertaintyOptions
{
    public static (Option<bool> Uncertainty, Option<int> Samples) Create() => (
        new Option<bool>("--uncertainty") { Description = "Also show how sure the model is: the 10th–90th percentile of each final measure over simulations with the parameters drawn from their plausible ranges (JSON: 'uncertainty')." },
        new Option<int>("--samples") { Description = "How many simulations --uncertainty runs (10–10000).", DefaultValueFactory = _ => Uncertainty.DefaultSamples });

    public static OutcomeBands? Bands(ParseResult parse, Option<bool> uncertainty, Option<int> samples, SimulationInput input)
    {
        if (!parse.GetValue(uncertainty))
        {
            return null;
        }

        var count = parse.GetValue(samples);
        return count is >= 10 and <= 10_000 ? Uncertainty.Of(input, count) : throw new UsageException($"--samples must be between 10 and 10000, not {count}");
    }
}
