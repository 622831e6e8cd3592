namespace RunAdapt.Cluster;

/// <summary>What a page or API call asks to be computed for one athlete: the heavy requests the web front end sends to the athlete's grain.</summary>
public enum WorkKind
{
    /// <summary>The stored history simulated (<c>GET /api/history/outcome</c>).</summary>
    HistoryOutcome,

    /// <summary>The stored history with how sure and why (<c>GET /api/history/insight</c>).</summary>
    HistoryInsight,

    /// <summary>A scenario simulated (<c>POST /api/simulate</c>).</summary>
    Simulate,

    /// <summary>A scenario with how sure and why (<c>POST /api/simulate/insight</c>).</summary>
    SimulateInsight,

    /// <summary>A goal search on a plan (<c>POST /api/goal</c>).</summary>
    Goal,

    /// <summary>Two scenarios side by side (<c>POST /api/compare</c>).</summary>
    Compare,

    /// <summary>The HTML report of the history, a built-in scenario or a scenario's text (<c>GET</c> and <c>POST /report.html</c>).</summary>
    Report,
}

/// <summary>One heavy request, as the web front end received it.</summary>
/// <param name="Kind">What to compute.</param>
/// <param name="Text">The request's body: scenario text, or the goal or comparison request's JSON.</param>
/// <param name="Since">The first day of the history (<c>YYYY-MM-DD</c>), if limited.</param>
/// <param name="Until">The last day of the history, if limited.</param>
/// <param name="Scenario">A built-in scenario's name (the report of one).</param>
[GenerateSerializer, Immutable]
public sealed record WorkRequest(
    [property: Id(0)] WorkKind Kind,
    [property: Id(1)] string? Text = null,
    [property: Id(2)] string? Since = null,
    [property: Id(3)] string? Until = null,
    [property: Id(4)] string? Scenario = null);

/// <summary>The answer as the web front end sends it on: an HTTP status, the body and its type.</summary>
/// <param name="Status">200, or 400 for a user's mistake.</param>
/// <param name="Body">The body: JSON, or the report's HTML.</param>
/// <param name="ContentType">The body's media type.</param>
[GenerateSerializer, Immutable]
public sealed record WorkAnswer([property: Id(0)] int Status, [property: Id(1)] string Body, [property: Id(2)] string ContentType = WorkAnswer.Json)
{
    /// <summary>The media type of a JSON answer.</summary>
    public const string Json = "application/json; charset=utf-8";
}

/// <summary>
/// Computes a heavy request for one athlete. The web front end implements it; it runs in the front end's process
/// without a cluster, and in the silo holding the athlete's grain with one, so both answer the same bytes.
/// </summary>
public interface IAthleteWork
{
    /// <summary>Computes the request's answer from the athlete's stored data.</summary>
    /// <param name="athleteId">The athlete.</param>
    /// <param name="request">What to compute.</param>
    /// <param name="cancellation">Stops the simulations (between them) when the client gave up.</param>
    Task<WorkAnswer> RunAsync(long athleteId, WorkRequest request, CancellationToken cancellation);
}
