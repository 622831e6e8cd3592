using RunAdapt.Core.Outcomes;
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
/// <param name="DistanceKilometres">Distance.</param>
/// <param name="MovingMinutes">Moving time.</param>
/// <param name="Load">The training load and how it was estimated, as shown (e.g. <c>95 (HR)</c>), if analysed.</param>
/// <param name="Held">What the session held, in a few words, if analysed.</param>
public sealed record SessionRow(DateOnly Date, string Sport, double DistanceKilometres, double MovingMinutes, string? Load, string? Held);

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
}
