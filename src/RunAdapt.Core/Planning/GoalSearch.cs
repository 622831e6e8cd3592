using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;

namespace RunAdapt.Core.Planning;

/// <summary>One way to run the plan — unchanged, or with one or two changes — and what the model says it does.</summary>
/// <param name="Changes">The changes made (empty for the plan as it is).</param>
/// <param name="Outcome">The simulated outcome.</param>
/// <param name="WantValues">Each wanted measure's value, in the order of the wants.</param>
/// <param name="KeepValues">Each kept measure's value, in the order of the keeps.</param>
/// <param name="Shortfall">How far the wants fall short, summed as fractions of their targets (0 = all reached).</param>
/// <param name="Keeps">Whether every kept measure is no worse than under the unchanged plan (within the tolerance).</param>
/// <param name="PeakInjuryRisk">The highest weekly injury risk (1 = baseline).</param>
/// <param name="ExtraMinutesPerWeek">Training time added per planned week (negative when it saves time).</param>
public sealed record PlanOption(
    IReadOnlyList<PlanChange> Changes, SimulationOutcome Outcome, IReadOnlyList<double> WantValues, IReadOnlyList<double> KeepValues,
    double Shortfall, bool Keeps, double PeakInjuryRisk, double ExtraMinutesPerWeek)
{
    /// <summary>The changes in words; "the plan as it is" for none.</summary>
    public string Description => Changes.Count == 0 ? "the plan as it is" : string.Join(" + ", Changes.Select(c => c.Description));

    /// <summary>The changes' short names joined with '+'; "none" for the plan as it is.</summary>
    public string Name => Changes.Count == 0 ? "none" : string.Join("+", Changes.Select(c => c.Name));

    /// <summary>The change in leg strength by the end: the mean of the leg muscles' maximal-strength change, percent.</summary>
    public double StrengthChangePercent => Outcome.Final.Muscles.Values.Average(m => m.StrengthChangePercent);
}

/// <summary>What the search found: the plan as it is, and every option tried, best first.</summary>
/// <param name="Wants">What was wanted.</param>
/// <param name="Keeps">What was to be kept.</param>
/// <param name="Plan">The plan as it is.</param>
/// <param name="Options">Every option tried (the plan as it is among them), best first.</param>
public sealed record GoalSearchResult(IReadOnlyList<Want> Wants, IReadOnlyList<GoalMeasure> Keeps, PlanOption Plan, IReadOnlyList<PlanOption> Options)
{
    /// <summary>Whether an option reaches every want, keeps every kept measure, and does not raise injury risk.</summary>
    /// <param name="option">An option of this result.</param>
    public bool Succeeds(PlanOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return option.Shortfall == 0 && option.Keeps && RiskAcceptable(option);
    }

    /// <summary>
    /// The answer in one sentence: the best option and what it gives, or — when none reaches the goal — the closest and
    /// what it costs.
    /// </summary>
    public string Verdict()
    {
        var best = Options[0];
        if (Succeeds(best))
        {
            return I($"Best: {best.Description} — {Values(best)}; {Minutes(best)}.");
        }

        var keeping = Keeps.Count > 0 ? " while keeping " + string.Join(" and ", Keeps.Select(k => k.Name)) : "";
        return I($"No single change or pair of changes reaches it{keeping}. Closest: {best.Description} — {Values(best)}{(best.Keeps ? "" : " (loses what you keep)")}{(RiskAcceptable(best) ? "" : " (raises injury risk)")}; {Minutes(best)}.");
    }

    /// <summary>An option's wanted and kept measures in words (<c>glutes +6.1 %, vo2max +12.0 %</c>, <c>10k 46:40</c>).</summary>
    /// <param name="option">An option of this result.</param>
    public string Values(PlanOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return string.Join(", ", Wants.Select((w, i) => $"{w.Measure.Name} {w.Format(option.WantValues[i])}")
            .Concat(Keeps.Select((k, i) => $"{k.Name} {Numbers.Signed(option.KeepValues[i], 1)} %")));
    }

    /// <summary>Whether an option adds or saves training time, in words.</summary>
    /// <param name="option">An option.</param>
    public static string Minutes(PlanOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return option.ExtraMinutesPerWeek switch
        {
            > 0.5 => I($"{option.ExtraMinutesPerWeek:0} more minutes a week"),
            < -0.5 => I($"{-option.ExtraMinutesPerWeek:0} fewer minutes a week"),
            _ => "no extra time",
        };
    }

    /// <summary>How an option fares: <c>yes</c> (succeeds), <c>cost</c> (wants reached, but something kept is lost or risk rises), <c>no</c>.</summary>
    /// <param name="option">An option of this result.</param>
    public string Reached(PlanOption option) => Succeeds(option) ? "yes" : option.Shortfall == 0 ? "cost" : "no";

    /// <summary>Whether an option's peak injury risk stays within 10 % of the plan's (a change should not buy the goal with a load spike).</summary>
    /// <param name="option">An option of this result.</param>
    public bool RiskAcceptable(PlanOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return option.PeakInjuryRisk <= (Plan.PeakInjuryRisk * GoalSearch.RiskAllowance) + 1e-9;
    }

    private static string I(FormattableString s) => s.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// "What should I change to get there?": runs the plan through the model unchanged, with each single change and with
/// every compatible pair of changes, and ranks them — those that reach the goal, keep what is kept and do not raise
/// injury risk first (fewest changes, least extra time), then the rest by how close they come. Every figure comes from
/// a full simulation; nothing is looked up.
/// </summary>
public static class GoalSearch
{
    /// <summary>How much an option may raise the plan's peak injury risk and still count as safe (×1.10).</summary>
    public const double RiskAllowance = 1.10;

    /// <summary>Searches the changes for the wants.</summary>
    /// <param name="plan">The plan (its sessions from <see cref="SimulationInput.StartDate"/> on are the ones changed).</param>
    /// <param name="wants">What is wanted (at least one).</param>
    /// <param name="keeps">What must not get worse than under the unchanged plan.</param>
    /// <param name="keepTolerancePercent">How much worse a kept measure may get, in percentage points.</param>
    /// <param name="cancellation">Stops the search between simulations (the dashboard's client gave up).</param>
    /// <exception cref="OperationCanceledException">The search was cancelled.</exception>
    public static GoalSearchResult Search(SimulationInput plan, IReadOnlyList<Want> wants, IReadOnlyList<GoalMeasure> keeps, double keepTolerancePercent = 1, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(wants);
        ArgumentNullException.ThrowIfNull(keeps);
        ArgumentOutOfRangeException.ThrowIfZero(wants.Count);
        var changes = PlanChange.For(wants, plan.Parameters);
        var combinations = new List<IReadOnlyList<PlanChange>> { Array.Empty<PlanChange>() };
        combinations.AddRange(changes.Select(c => (IReadOnlyList<PlanChange>)[c]));
        for (var i = 0; i < changes.Count; i++)
        {
            for (var j = i + 1; j < changes.Count; j++)
            {
                if (!changes[i].ConflictsWith(changes[j]))
                {
                    combinations.Add([changes[i], changes[j]]);
                }
            }
        }

        var weeks = Math.Max(1, plan.Days / 7.0);
        var planMinutes = plan.Sessions.Sum(PlanChange.Minutes);
        var simulated = combinations.AsParallel().AsOrdered().WithCancellation(cancellation).Select(c =>
        {
            cancellation.ThrowIfCancellationRequested();
            var input = c.Aggregate(plan, (current, change) => current with { Sessions = change.Rewrite(current) });
            return (Changes: c, Outcome: Simulator.Run(input), Minutes: input.Sessions.Sum(PlanChange.Minutes));
        }).ToList();

        var unchanged = simulated[0].Outcome;
        var keepBase = keeps.Select(k => k.Read(unchanged)).ToList();
        var options = simulated.Select(s =>
        {
            var wantValues = wants.Select(w => w.Read(s.Outcome)).ToList();
            var keepValues = keeps.Select(k => k.Read(s.Outcome)).ToList();
            var kept = keeps.Select((k, i) => k.LowerIsBetter ? keepValues[i] <= keepBase[i] + keepTolerancePercent : keepValues[i] >= keepBase[i] - keepTolerancePercent).All(x => x);
            return new PlanOption(s.Changes, s.Outcome, wantValues, keepValues, wants.Select((w, i) => w.Shortfall(wantValues[i])).Sum(), kept,
                s.Outcome.PeakInjuryRisk(), (s.Minutes - planMinutes) / weeks);
        }).ToList();

        var result = new GoalSearchResult(wants, keeps, options[0], options);
        // Among options that work, the simplest and cheapest first (time saved is no merit of its own: the runner did
        // not ask to train less), then the one that overshoots the goal most; among the rest, the closest first.
        var ranked = options
            .OrderByDescending(result.Succeeds)
            .ThenBy(o => result.Succeeds(o) ? o.Changes.Count : 0)
            .ThenBy(o => o.Shortfall)
            .ThenByDescending(o => o.Keeps)
            .ThenByDescending(result.RiskAcceptable)
            .ThenBy(o => Math.Max(0, o.ExtraMinutesPerWeek))
            .ThenByDescending(o => wants.Select((w, i) => w.Margin(o.WantValues[i])).Sum())
            .ThenBy(o => o.Changes.Count)
            .ThenBy(o => o.Name, StringComparer.Ordinal)
            .ToList();
        return result with { Options = ranked };
    }
}
