using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;

namespace RunAdapt.Reports;

/// <summary>What one kind of session did: the outcome without those sessions, against the whole.</summary>
/// <param name="Kind">The kind of session.</param>
/// <param name="Sessions">How many such sessions the plan or history holds.</param>
/// <param name="Without">The final state had they not been done.</param>
public sealed record KindContribution(SessionKind Kind, int Sessions, BodySnapshot Without);

/// <summary>
/// Why the body changed: for each kind of session in the simulated days, the model is run again without them, and
/// the difference is what they contributed. Adaptation is not additive (sessions share ceilings, habituation and
/// fatigue), so the contributions need not sum to the total; each says what would be lost without that kind.
/// </summary>
public static class Why
{
    /// <summary>The contribution of each kind of session present in the input's simulated days, most sessions first.</summary>
    /// <param name="input">What was simulated (sessions before its start — an imported history behind a plan — are kept).</param>
    /// <param name="cancellation">Stops between simulations (the dashboard's client gave up).</param>
    /// <exception cref="OperationCanceledException">It was cancelled.</exception>
    public static IReadOnlyList<KindContribution> Of(SimulationInput input, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var end = input.StartDate.AddDays(input.Days);
        bool Simulated(Core.Training.TrainingSession s) => s.Date >= input.StartDate && s.Date < end;
        return [.. input.Sessions.Where(Simulated).GroupBy(SessionKinds.Classify).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .AsParallel().AsOrdered().WithCancellation(cancellation)
            .Select(g => new KindContribution(g.Key, g.Count(), Simulator.Run(input with { Sessions = [.. input.Sessions.Where(s => !Simulated(s) || SessionKinds.Classify(s) != g.Key)] }).Final))];
    }
}
