using System.Text.Json.Serialization;
using RunAdapt.Core.Planning;
using RunAdapt.Core.Scenarios;

namespace RunAdapt.Web;

/// <summary>What the runner wants from the scenario in the editor.</summary>
/// <param name="Yaml">The plan (scenario text).</param>
/// <param name="Want">The wanted change, as <c>MEASURE:+N</c>.</param>
/// <param name="Keep">Measures that must not get worse (may be empty).</param>
public sealed record GoalRequest(
    [property: JsonPropertyName("yaml")] string? Yaml,
    [property: JsonPropertyName("want")] string? Want,
    [property: JsonPropertyName("keep")] IReadOnlyList<string>? Keep);

/// <summary>One option as the page lists it.</summary>
/// <param name="Name">Short name of the change(s).</param>
/// <param name="Description">The change(s) in words.</param>
/// <param name="Values">The wanted and kept measures in words.</param>
/// <param name="PeakInjuryRisk">Peak weekly injury risk.</param>
/// <param name="ExtraMinutesPerWeek">Training time added per week.</param>
/// <param name="Reached"><c>yes</c>, <c>cost</c> or <c>no</c>.</param>
public sealed record GoalOptionView(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("values")] string Values,
    [property: JsonPropertyName("risk")] double PeakInjuryRisk,
    [property: JsonPropertyName("extra_min_per_week")] double ExtraMinutesPerWeek,
    [property: JsonPropertyName("reached")] string Reached);

/// <summary>The goal search's answer as the page shows it.</summary>
/// <param name="Verdict">The answer in one sentence.</param>
/// <param name="Plan">The plan as it is, in words.</param>
/// <param name="Options">The best options, best first.</param>
/// <param name="Tried">How many ways of running the plan were simulated.</param>
public sealed record GoalView(
    [property: JsonPropertyName("verdict")] string Verdict,
    [property: JsonPropertyName("plan")] string Plan,
    [property: JsonPropertyName("options")] IReadOnlyList<GoalOptionView> Options,
    [property: JsonPropertyName("tried")] int Tried);

/// <summary>"What should I change to get there?" for the dashboard, on the scenario in the editor.</summary>
internal static class Goals
{
    private const int Shown = 8;

    public static GoalView Search(GoalRequest request, History history, CancellationToken cancellation = default)
    {
        var scenario = Simulations.Parse(request.Yaml ?? "", "scenario");
        GoalSearchResult result;
        try
        {
            result = GoalSearch.Search(scenario.FromHistory ? history.Continue(scenario) : scenario.ToInput(), [Want.Parse(request.Want ?? "")], [.. (request.Keep ?? []).Where(k => k.Length > 0).Select(GoalMeasure.Parse)], cancellation: cancellation);
        }
        catch (ArgumentException e)
        {
            throw new UserInputException(e.Message.Split(" (Parameter")[0]);
        }

        return new GoalView(
            result.Verdict(),
            $"As planned: {result.Values(result.Plan)}.",
            [.. result.Options.Take(Shown).Select(o => new GoalOptionView(o.Name, o.Description, result.Values(o), Math.Round(o.PeakInjuryRisk, 2), Math.Round(o.ExtraMinutesPerWeek), result.Reached(o)))],
            result.Options.Count);
    }
}
