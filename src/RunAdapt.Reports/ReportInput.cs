using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Scenarios;
using RunAdapt.Core.Training;

namespace RunAdapt.Reports;

/// <summary>One row of the evidence table: a model parameter behind a figure and where its value comes from.</summary>
/// <param name="Parameter">The parameter's name, e.g. <c>hypertrophy.tension_rate</c>.</param>
/// <param name="Value">The value as shown (already formatted).</param>
/// <param name="Unit">The unit, or an empty string for dimensionless values.</param>
/// <param name="Source">The publication or reasoning the value comes from.</param>
public sealed record EvidenceRow(string Parameter, string Value, string Unit, string Source);

/// <summary>One recorded session in the report's per-session evidence.</summary>
/// <param name="Date">The day.</param>
/// <param name="Sport">The sport as stored (<c>running</c>, <c>cycling</c> ...).</param>
/// <param name="DistanceMetres">Distance.</param>
/// <param name="MovingMinutes">Moving time.</param>
/// <param name="Load">The training load and how it was estimated, as shown (e.g. <c>95 (HR)</c>), if analysed.</param>
/// <param name="Held">What the session held, in a few words, if analysed.</param>
public sealed record SessionRow(DateOnly Date, string Sport, double DistanceMetres, double MovingMinutes, string? Load, string? Held);

/// <summary>One day of the training-load series (Banister's fitness–fatigue model, in TRIMP units).</summary>
/// <param name="Date">The day.</param>
/// <param name="Fitness">Chronic training load (CTL).</param>
/// <param name="Fatigue">Acute training load (ATL).</param>
/// <param name="Form">Training stress balance (TSB): fitness minus fatigue going into the day.</param>
public sealed record LoadPoint(DateOnly Date, double Fitness, double Fatigue, double Form);

/// <summary>Everything a report is made from: the outcome, plus what is known about how it came about.</summary>
public sealed record ReportInput
{
    /// <summary>The report's title, e.g. the scenario name or "Your history".</summary>
    public required string Title { get; init; }

    /// <summary>One line saying what was simulated, if known.</summary>
    public string? Description { get; init; }

    /// <summary>The simulation outcome the report shows.</summary>
    public required SimulationOutcome Outcome { get; init; }

    /// <summary>The sessions that drove the outcome, if known (they give the weekly volume chart and the session evidence).</summary>
    public IReadOnlyList<TrainingSession> Sessions { get; init; } = [];

    /// <summary>The first simulated day, used to place sessions into weeks; defaults to the first session's day.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>The recorded sessions one by one (from an imported history), shown newest first under the evidence.</summary>
    public IReadOnlyList<SessionRow> SessionRows { get; init; } = [];

    /// <summary>Fitness, fatigue and form day by day, when the sessions' loads are known (drawn as their own chart).</summary>
    public IReadOnlyList<LoadPoint> TrainingLoad { get; init; } = [];

    /// <summary>How sure the model is of the final state (parameter draws), shown as its own section when given.</summary>
    public RunAdapt.Core.Model.OutcomeBands? Bands { get; init; }

    /// <summary>What each kind of session contributed (the model run without it), shown as its own section when given.</summary>
    public IReadOnlyList<KindContribution> Why { get; init; } = [];

    /// <summary>Model parameters and their sources, shown in the evidence table.</summary>
    public IReadOnlyList<EvidenceRow> Evidence { get; init; } = [];

    /// <summary>An imported history's sessions as weekly volume counts them (runs by their kind); empty for a plan, whose sessions are counted instead.</summary>
    public IReadOnlyList<VolumeItem> Volume { get; init; } = [];

    /// <summary>The unit distances are shown in.</summary>
    public DistanceUnit Units { get; init; } = DistanceUnit.Kilometres;

    /// <summary>
    /// What every face reports for a simulation input (a scenario, a plan <c>from: history</c>, the imported history):
    /// its outcome, its sessions from the simulated start, the parameters' evidence, and with <paramref name="full"/>
    /// how sure the model is and why.
    /// </summary>
    /// <param name="title">The report's title.</param>
    /// <param name="input">What to simulate.</param>
    /// <param name="trainingLoad">Fitness, fatigue and form day by day.</param>
    /// <param name="full">Also the bands (≈ 100 more simulations) and each kind of session's part.</param>
    /// <param name="cancellation">Stops the work (between simulations) when nobody waits for it any more.</param>
    public static ReportInput Simulated(string title, SimulationInput input, IReadOnlyList<LoadPoint> trainingLoad, bool full, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        cancellation.ThrowIfCancellationRequested();
        return new ReportInput
        {
            Title = title,
            Outcome = Simulator.Run(input),
            Sessions = input.Sessions,
            StartDate = input.StartDate,
            TrainingLoad = trainingLoad,
            Evidence = Reports.Evidence.From(input.Parameters),
            Bands = full ? Uncertainty.Of(input, cancellation: cancellation) : null,
            Why = full ? Reports.Why.Of(input, cancellation) : [],
        };
    }

    /// <summary>
    /// <see cref="Simulated"/> for a scenario or plan, titled and described by it. For a plan <c>from: history</c>,
    /// pass the input made by <see cref="Scenario.AfterHistory"/>: the stored athlete after the imported history.
    /// </summary>
    /// <param name="scenario">The scenario as read (its name and description).</param>
    /// <param name="input">What to simulate.</param>
    /// <param name="trainingLoad">Fitness, fatigue and form day by day over the history and the plan.</param>
    /// <param name="full">Also the bands and each kind of session's part.</param>
    /// <param name="cancellation">Stops the work (between simulations) when nobody waits for it any more.</param>
    public static ReportInput ForPlan(Scenario scenario, SimulationInput input, IReadOnlyList<LoadPoint> trainingLoad, bool full, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(input);
        return Simulated(scenario.Name, input, trainingLoad, full, cancellation) with
        {
            Description = scenario.FromHistory ? $"{scenario.Description} From the imported history ({input.History.Count} sessions) on, from {input.StartDate:yyyy-MM-dd}.".TrimStart() : scenario.Description,
        };
    }
}
