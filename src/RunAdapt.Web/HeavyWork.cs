using System.Text;
using System.Text.Json;
using RunAdapt.Cluster;
using RunAdapt.Core.Outcomes;

namespace RunAdapt.Web;

/// <summary>
/// The dashboard's heavy requests (simulations, their bands, goal searches) computed from one athlete's stored data:
/// in the web front end's own process without a cluster, and in the silo holding the athlete's grain with one
/// (<c>runadapt-silo silo</c> registers this class), so the answer is the same either way.
/// </summary>
/// <param name="location">The store (<c>--db</c>); on a cluster, the cluster's PostgreSQL.</param>
/// <param name="catalogue">The measures the answers show.</param>
/// <param name="gates">Which requests take turns on the store.</param>
public sealed class AthleteWork(string? location, MeasureCatalogue catalogue, StoreGates gates) : IAthleteWork
{
    private readonly Views _views = new(catalogue);

    /// <inheritdoc/>
    /// <exception cref="OperationCanceledException">The client gave up.</exception>
    public Task<WorkAnswer> RunAsync(long athleteId, WorkRequest request, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        var history = new History(location, athleteId, gates.For(athleteId));
        try
        {
            return Task.FromResult(request.Kind switch
            {
                WorkKind.HistoryOutcome => Ok(_views.Of(history.Simulate(range: Dashboard.Range(request.Since, request.Until), cancellation: cancellation))),
                WorkKind.HistoryInsight => Ok(_views.Insight(history.Simulate(full: true, Dashboard.Range(request.Since, request.Until), cancellation))),
                WorkKind.Simulate => Ok(_views.Of(Simulations.FromYaml(request.Text ?? "", "scenario", history, cancellation: cancellation))),
                WorkKind.SimulateInsight => Ok(_views.Insight(Simulations.FromYaml(request.Text ?? "", "scenario", history, full: true, cancellation))),
                WorkKind.Goal => Ok(Goals.Search(Body<GoalRequest>(request, "send the goal as JSON: {\"yaml\", \"want\", \"keep\"}"), history, cancellation)),
                WorkKind.Compare => Ok(Compare(Body<CompareRequest>(request, "send the comparison as JSON: {\"first\", \"second\"}"), history)),
                WorkKind.Report => Report(request, history, cancellation),
                _ => throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "not a kind of work"),
            });
        }
        catch (Exception e) when (Dashboard.IsUserError(e))
        {
            // The report is a page: its mistakes are one line of text, as the browser shows it.
            return Task.FromResult(request.Kind == WorkKind.Report
                ? new WorkAnswer(StatusCodes.Status400BadRequest, e.Message, PlainText)
                : new WorkAnswer(StatusCodes.Status400BadRequest, JsonSerializer.Serialize(new Problem(e.Message), JsonSerializerOptions.Web)));
        }
    }

    private const string PlainText = "text/plain; charset=utf-8";

    private static T Body<T>(WorkRequest request, string shape) =>
        JsonSerializer.Deserialize<T>(request.Text ?? "null", JsonSerializerOptions.Web) ?? throw new UserInputException(shape);

    private ComparisonView Compare(CompareRequest body, History history) =>
        _views.Compare(Dashboard.Side(body.First, body.FirstYaml, history), Dashboard.Side(body.Second, body.SecondYaml, history));

    /// <summary>The report of a scenario's text (posted from the page), of a built-in scenario, or of the history.</summary>
    private WorkAnswer Report(WorkRequest request, History history, CancellationToken cancellation)
    {
        var input = request.Text is not null ? Simulations.FromYaml(request.Text, "scenario", history, full: true, cancellation)
            : request.Scenario is not null ? Simulations.FromBuiltIn(request.Scenario, history, full: true, cancellation)
            : history.Simulate(full: true, Dashboard.Range(request.Since, request.Until), cancellation);
        return new WorkAnswer(StatusCodes.Status200OK, Reports.HtmlReport.Render(input, catalogue), "text/html; charset=utf-8");
    }

    // As minimal APIs write an answer (the web defaults), so the cluster's answer is byte for byte the in-process one.
    private static WorkAnswer Ok<T>(T value) => new(StatusCodes.Status200OK, JsonSerializer.Serialize(value, JsonSerializerOptions.Web));
}

/// <summary>Where the dashboard's heavy requests run: the athlete's grain on the cluster when <c>--cluster</c> names one, else here.</summary>
/// <param name="local">The in-process computation.</param>
/// <param name="cluster">The cluster's client, or <c>null</c> without a cluster.</param>
/// <param name="refreshSamples">Uncertainty draws of the re-simulation after an upload (cluster only).</param>
internal sealed class HeavyWork(AthleteWork local, IClusterClient? cluster, int refreshSamples)
{
    /// <summary>The cluster's client; only with a cluster.</summary>
    public IClusterClient Cluster => cluster ?? throw new InvalidOperationException("no cluster is configured (--cluster)");

    /// <summary>Computes a request for an athlete and answers it as the endpoint's result.</summary>
    public async Task<IResult> AnswerAsync(long athleteId, WorkRequest request, CancellationToken cancellation)
    {
        try
        {
            var answer = cluster is null
                ? await local.RunAsync(athleteId, request, cancellation)
                : await cluster.GetGrain<IAthleteGrain>(athleteId).Work(request, cancellation);
            return Results.Content(answer.Body, answer.ContentType, Encoding.UTF8, answer.Status);
        }
        catch (OperationCanceledException)
        {
            // The client gave up: nobody reads the answer.
            return Results.Empty;
        }
        catch (Exception e) when (e is TimeoutException or OrleansException)
        {
            // The athlete's silo died or did not answer in time; a retry finds the athlete on a live silo.
            return Results.Json(new Problem($"the cluster did not answer ({e.GetType().Name}): try again"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>After an account was deleted: the athlete's grain drops its stored state (the cached outcome), if there is a cluster.</summary>
    public async Task ForgetAsync(long athleteId)
    {
        if (cluster is not null)
        {
            await cluster.GetGrain<IAthleteGrain>(athleteId).Forget();
        }
    }

    /// <summary>After an upload that stored something: the athlete's grain re-simulates the history in the background (one-way), so the next nightly-style read is fresh.</summary>
    public void AfterUpload(long athleteId)
    {
        if (cluster is not null)
        {
            _ = cluster.GetGrain<IAthleteGrain>(athleteId).Refresh(refreshSamples);
        }
    }
}

/// <summary>What starts a batch through the front end.</summary>
/// <param name="Id">The batch id (a rerun with the same id carries on, never recomputes); a new one when left out.</param>
/// <param name="Samples">Uncertainty draws per athlete (10–10 000), 0 for none; 100 when left out.</param>
/// <param name="Parallel">Athletes in flight at once across the cluster; 8 when left out.</param>
public sealed record BatchRequest(
    [property: System.Text.Json.Serialization.JsonPropertyName("id")] string? Id,
    [property: System.Text.Json.Serialization.JsonPropertyName("samples")] int? Samples,
    [property: System.Text.Json.Serialization.JsonPropertyName("parallel")] int? Parallel);

/// <summary>The cluster's own endpoints on the front end (server mode with <c>--cluster</c> only).</summary>
internal static class ClusterEndpoints
{
    /// <summary>
    /// <c>GET /api/history/latest</c>: the athlete's latest re-simulation, cached by its grain (after an upload, or the
    /// nightly batch). <c>POST /api/batch</c> and <c>GET /api/batch</c>: start a batch of every athlete and follow it,
    /// for the accounts named in <c>--operators</c> only (a batch is every athlete's work, not one athlete's).
    /// </summary>
    public static void Map(WebApplication app, IReadOnlySet<string> operators)
    {
        app.MapGet("/api/history/latest", async (History history, HeavyWork work) =>
            await work.Cluster.GetGrain<IAthleteGrain>(history.AthleteId).Latest() is { } latest
                ? Results.Ok(new { athlete_id = latest.AthleteId, batch = latest.BatchId, computed = latest.ComputedUtc, silo = latest.Silo, sessions = latest.Sessions, last_session = latest.LastSession, result = JsonDocument.Parse(latest.Json).RootElement })
                : Results.NotFound(new Problem("no re-simulation is cached yet: upload activities, or wait for the nightly batch")));

        app.MapPost("/api/batch", async (BatchRequest body, HttpContext context, HeavyWork work) =>
        {
            if (Refused(context, operators) is { } refused)
            {
                return refused;
            }

            var id = body.Id ?? FormattableString.Invariant($"batch-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
            try
            {
                await work.Cluster.GetGrain<IBatchCoordinatorGrain>("nightly").Start(id, body.Samples ?? 100, body.Parallel ?? 8);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                return Results.Json(new Problem(e.Message), statusCode: StatusCodes.Status409Conflict);
            }

            return Results.Accepted("/api/batch", await work.Cluster.GetGrain<IBatchCoordinatorGrain>("nightly").Progress());
        });

        app.MapGet("/api/batch", async (HttpContext context, HeavyWork work) =>
            Refused(context, operators) ?? Results.Ok(await work.Cluster.GetGrain<IBatchCoordinatorGrain>("nightly").Progress()));
    }

    private static IResult? Refused(HttpContext context, IReadOnlySet<string> operators) =>
        context.Features.Get<AthleteAccess>() is { } access && operators.Contains(access.Account.UserName)
            ? null
            : Results.Json(new Problem("only an operator (--operators) may start or follow a batch"), statusCode: StatusCodes.Status403Forbidden);
}
