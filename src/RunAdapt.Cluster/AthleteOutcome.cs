using System.Globalization;
using System.Text.Json;
using RunAdapt.Core.Model;
using RunAdapt.Core.Planning;
using RunAdapt.Core.Scenarios;

namespace RunAdapt.Cluster;

/// <summary>An athlete's latest simulated history, as the athlete grain caches it and the batch stores it.</summary>
/// <param name="AthleteId">The athlete.</param>
/// <param name="BatchId">The batch that computed it, or <c>null</c> when asked for directly.</param>
/// <param name="ComputedUtc">When it was computed.</param>
/// <param name="Silo">The silo that computed it.</param>
/// <param name="Sessions">How many sessions were simulated.</param>
/// <param name="LastSession">The last session's day (<c>yyyy-MM-dd</c>).</param>
/// <param name="Vo2Max">The final VO2max of the central estimate, in ml/kg/min.</param>
/// <param name="Vo2MaxLow">The 10th percentile of the final VO2max over the uncertainty draws, if they ran.</param>
/// <param name="Vo2MaxHigh">The 90th percentile, if the draws ran.</param>
/// <param name="Json">The final state and, if they ran, the bands, in the DESIGN shapes (<c>{"final": …, "bands": …}</c>).</param>
[GenerateSerializer, Immutable]
public sealed record AthleteOutcome(
    [property: Id(0)] long AthleteId,
    [property: Id(1)] string? BatchId,
    [property: Id(2)] DateTime ComputedUtc,
    [property: Id(3)] string Silo,
    [property: Id(4)] int Sessions,
    [property: Id(5)] string LastSession,
    [property: Id(6)] double Vo2Max,
    [property: Id(7)] double? Vo2MaxLow,
    [property: Id(8)] double? Vo2MaxHigh,
    [property: Id(9)] string Json);

/// <summary>A goal search's answer for an athlete.</summary>
/// <param name="Verdict">The answer in one sentence.</param>
/// <param name="Options">The best options' names, best first (at most eight).</param>
/// <param name="Tried">How many ways of running the plan were simulated.</param>
[GenerateSerializer, Immutable]
public sealed record GoalAnswer([property: Id(0)] string Verdict, [property: Id(1)] IReadOnlyList<string> Options, [property: Id(2)] int Tried);

/// <summary>The model runs the athlete grain makes, on a loaded history; the same calls the command line and the dashboard make.</summary>
public static class AthleteAnalysis
{
    /// <summary>Simulates the history from its first session to a week after its last and, with <paramref name="samples"/> ≥ 10, its uncertainty bands.</summary>
    /// <param name="athleteId">The athlete.</param>
    /// <param name="history">The athlete's history (at least one session).</param>
    /// <param name="samples">Uncertainty draws (10–10 000), or 0 for none.</param>
    /// <param name="batchId">The batch asking, if any.</param>
    /// <param name="silo">Who computes it.</param>
    /// <param name="cancellation">Stops the draws.</param>
    public static AthleteOutcome Simulate(long athleteId, AthleteHistory history, int samples, string? batchId, string silo, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(history);
        var input = SimulationInput.ForHistory(history.Profile, history.Sessions);
        var final = Simulator.Run(input).Final;
        var bands = samples > 0 ? Uncertainty.Of(input, samples, cancellation: cancellation) : null;
        return new AthleteOutcome(athleteId, batchId, DateTime.UtcNow, silo, history.Sessions.Count,
            history.Sessions.Max(s => s.Date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Math.Round(final.Vo2MaxMillilitresPerKilogramPerMinute, 2), bands?.Low.Vo2MaxMillilitresPerKilogramPerMinute, bands?.High.Vo2MaxMillilitresPerKilogramPerMinute,
            JsonSerializer.Serialize(new { final, bands }));
    }

    /// <summary>"What should I change to get there?" on a plan, continuing the athlete's history when it says <c>from: history</c>.</summary>
    /// <param name="history">The athlete's history.</param>
    /// <param name="scenarioYaml">The plan.</param>
    /// <param name="want">The wanted change, as <c>MEASURE:+N</c>.</param>
    /// <param name="keep">Measures that must not get worse.</param>
    /// <param name="cancellation">Stops the search between simulations.</param>
    public static GoalAnswer Goal(AthleteHistory history, string scenarioYaml, string want, IReadOnlyList<string> keep, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(history);
        var scenario = ScenarioParser.Parse(scenarioYaml, "scenario");
        var input = scenario.FromHistory ? scenario.AfterHistory(history.Sessions, history.Profile) : scenario.ToInput();
        var result = GoalSearch.Search(input, [Want.Parse(want)], [.. keep.Select(GoalMeasure.Parse)], cancellation: cancellation);
        return new GoalAnswer(result.Verdict(), [.. result.Options.Take(8).Select(o => o.Name)], result.Options.Count);
    }
}
