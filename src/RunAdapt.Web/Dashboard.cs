using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using RunAdapt.Cluster;
using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Scenarios;
using RunAdapt.Reports;

namespace RunAdapt.Web;

/// <summary>
/// The local dashboard: a page with upload, history, body map, charts and scenarios, and the JSON API behind it.
/// Binds to <c>http://127.0.0.1:5000</c> unless <c>--urls</c> says otherwise; never to all interfaces by default.
/// </summary>
public static class Dashboard
{
    /// <summary>The address used when none is given: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5000";

    /// <summary>The largest upload accepted by default, in bytes: the importer's own limit (a whole Strava or Garmin export fits); <c>--max-upload-bytes</c> lowers it.</summary>
    public const long DefaultMaxUploadBytes = Activities.ActivitySource.MaxInputBytes;

    /// <summary>The longest uploaded file name accepted, in characters (a file system's limit).</summary>
    public const int MaxFileNameLength = 255;

    /// <summary>The host names answered by default: loopback only, so a rebinding DNS name pointing here is refused.</summary>
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]", "::1"];

    /// <summary>
    /// A warning when the dashboard listens beyond this machine (an all-interfaces or non-loopback address), or
    /// <c>null</c>: in local mode it has no accounts, so anyone who can reach it can read and change the history; in
    /// server mode passwords, cookies and tokens would cross the network in clear unless TLS protects them.
    /// </summary>
    /// <param name="urls">The <c>--urls</c> value (addresses separated by ';').</param>
    /// <param name="server">Whether the dashboard runs in server mode (accounts).</param>
    public static string? ExposureWarning(string urls, bool server = false)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var exposed = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(u => !IsLoopbackUrl(u)).ToList();
        return exposed.Count == 0 ? null
            : server ? exposed.Any(u => !u.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
                ? $"runadapt serve: WARNING: listening on {string.Join(", ", exposed)} without TLS: passwords, cookies and tokens cross the network in clear. Put an HTTPS reverse proxy in front and listen on loopback (docs/SERVER.md)."
                : null
            : $"runadapt serve: WARNING: listening on {string.Join(", ", exposed)}, beyond this machine: anyone on the network can read and change your history (the dashboard has no login). Use http://127.0.0.1:PORT unless you trust the network, or --server with accounts.";
    }

    private static bool IsLoopbackUrl(string url)
    {
        // Kestrel's wildcards (0.0.0.0, [::], *, +) listen everywhere.
        var host = url.Split("://", 2) is [_, var rest] ? rest.Split('/')[0] : url;
        host = host.StartsWith('[') ? host[..(host.IndexOf(']') + 1)] : host.Split(':')[0];
        return LoopbackHosts.Contains(host, StringComparer.OrdinalIgnoreCase)
            || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip));
    }

    /// <summary>
    /// Builds the dashboard application from command-line arguments (<c>--urls URL</c>, <c>--db FILE</c>,
    /// <c>--max-upload-bytes N</c>, <c>--server true</c> for accounts; with it <c>--cluster CONNECTION</c> for the heavy
    /// work on an Orleans cluster, <c>--cluster-id ID</c>, <c>--operators NAME,...</c> who may start batches and
    /// <c>--refresh-samples N</c>, the draws of the re-simulation after an upload).
    /// </summary>
    /// <param name="args">The arguments.</param>
    /// <param name="catalogue">The measures the pages show; <c>null</c> for <see cref="MeasureCatalogue.Standard"/>.</param>
    /// <param name="services">Replaces services after the defaults (a host that sends reset links by mail registers its <see cref="IPasswordResetSender"/>).</param>
    public static WebApplication Build(string[] args, MeasureCatalogue? catalogue = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var urls = builder.Configuration["urls"] ?? DefaultUrl;
        var server = builder.Configuration.GetValue("server", false);
        var location = builder.Configuration["db"];
        if (server && location is null)
        {
            throw new UserInputException("--server needs --db: the store that holds the accounts and every athlete's data (postgres://USER@HOST/DB)");
        }

        if (ExposureWarning(urls, server) is { } warning)
        {
            Console.Error.WriteLine(warning);
        }

        // Loopback names, the hosts the dashboard was told to listen on, and any given with --allowed-hosts or ASP.NET
        // Core's own AllowedHosts setting (an environment variable where a proxy's host is configured); its "*" is not honoured.
        var allowedHosts = LoopbackHosts
            .Concat(urls.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(u => Uri.TryCreate(u.Trim(), UriKind.Absolute, out var uri) ? uri.Host : ""))
            .Concat((builder.Configuration["allowed-hosts"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Concat((builder.Configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(h => h is not ("" or "0.0.0.0" or "[::]" or "*" or "+"))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var maxUpload = Math.Min(builder.Configuration.GetValue("max-upload-bytes", DefaultMaxUploadBytes), DefaultMaxUploadBytes);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = maxUpload);
        builder.Services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = maxUpload);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A host that cannot start (the port is taken) is said in one line by Program; its log would add a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.AddSingleton(new StoreGates(Storage.AthleteStore.IsServer(location)));
        builder.Services.AddHttpContextAccessor();
        // The one place a request's history is bound to its athlete: the local athlete, or the one server mode settled.
        builder.Services.AddScoped(services =>
        {
            var athleteId = ServerMode.AthleteOf(services.GetRequiredService<IHttpContextAccessor>().HttpContext, server);
            return new History(location, athleteId, services.GetRequiredService<StoreGates>().For(athleteId));
        });
        builder.Services.AddSingleton(new Views(catalogue ?? MeasureCatalogue.Standard));
        // The heavy work runs here, or on an Orleans cluster (docs/SCALE.md) whose PostgreSQL --cluster names: the same
        // database as --db, which the silos read the athletes from. Local mode never has one.
        var cluster = builder.Configuration["cluster"];
        if (cluster is not null)
        {
            if (!server || !Storage.AthleteStore.IsServer(location))
            {
                throw new UserInputException("--cluster needs --server with a PostgreSQL --db: the silos read the athletes from that database");
            }

            builder.UseOrleansClient(c => c.UseRunAdaptCluster(new ClusterSettings(cluster, builder.Configuration["cluster-id"] ?? "runadapt")));
        }

        builder.Services.AddSingleton(services => new AthleteWork(location, catalogue ?? MeasureCatalogue.Standard, services.GetRequiredService<StoreGates>()));
        builder.Services.AddSingleton(services => new HeavyWork(services.GetRequiredService<AthleteWork>(), cluster is null ? null : services.GetRequiredService<IClusterClient>(),
            builder.Configuration.GetValue("refresh-samples", 100)));
        builder.Services.AddEndpointsApiExplorer();
        if (server)
        {
            ServerMode.AddServices(builder, location);
        }

        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (Refusal(context.Request, allowedHosts) is { } refusal)
            {
                context.Response.StatusCode = refusal.Status;
                await context.Response.WriteAsJsonAsync(new Problem(refusal.Reason));
                return;
            }

            await next(context);
        });

        // A read-only, full, busy or damaged store is not a bug: every endpoint says so in one line.
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (System.Data.Common.DbException e) when (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await context.Response.WriteAsJsonAsync(new Problem($"the athlete store {Storage.StoreFaults.Describe(e)}"));
            }
        });
        if (server)
        {
            ServerMode.UseMiddleware(app, location);
            ServerMode.MapEndpoints(app, location);
        }

        app.MapGet(ApiDocument.Path, (Microsoft.AspNetCore.Mvc.ApiExplorer.IApiDescriptionGroupCollectionProvider api) => Results.Json(ApiDocument.Build(api, server)))
            .AllowAnonymous().ExcludeFromDescription();
        MapPages(app);
        MapApi(app, server);
        if (cluster is not null)
        {
            ClusterEndpoints.Map(app, (builder.Configuration["operators"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal));
        }
        return app;
    }

    /// <summary>
    /// Why a request is refused, or <c>null</c>: a Host header the dashboard was not told to answer (a DNS-rebinding
    /// name), or a state-changing request that a page of another site made the browser send (its Origin, or its
    /// Sec-Fetch-Site, is not this dashboard).
    /// </summary>
    private static (int Status, string Reason)? Refusal(HttpRequest request, IReadOnlySet<string> allowedHosts)
    {
        if (!allowedHosts.Contains(request.Host.Host))
        {
            return (StatusCodes.Status400BadRequest, "this dashboard answers only to its own address (start it with --allowed-hosts NAME to add one)");
        }

        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return null;
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        var crossSite = site is not ("" or "same-origin" or "none")
            || (origin.Length > 0 && !(Uri.TryCreate(origin, UriKind.Absolute, out var from) && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)));
        return crossSite ? (StatusCodes.Status403Forbidden, "refused: the request came from another site's page") : null;
    }

    private static void MapPages(WebApplication app)
    {
        app.MapGet("/", () => Asset("index.html", "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/run.html", () => Asset("run.html", "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/app.js", () => Asset("app.js", "text/javascript; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/app.css", () => Asset("app.css", "text/css; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        // uPlot 1.6.32 (MIT, wwwroot/uPlot.LICENSE.txt), bundled: the page loads nothing from outside.
        app.MapGet("/uPlot.iife.min.js", () => Asset("uPlot.iife.min.js", "text/javascript; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/uPlot.min.css", () => Asset("uPlot.min.css", "text/css; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/page.js", () => Asset("page.js", "text/javascript; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/charts.js", () => Asset("charts.js", "text/javascript; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/run.js", () => Asset("run.js", "text/javascript; charset=utf-8")).AllowAnonymous().ExcludeFromDescription();
    }

    private static void MapApi(WebApplication app, bool server)
    {
        // What the page needs to know: whether it is signed in (server mode), as whom, and the antiforgery token its POSTs carry.
        app.MapGet("/api/session", (HttpContext context) =>
        {
            if (!server)
            {
                return Results.Ok(new SessionView(false, null, null, null, null));
            }

            var access = context.Features.GetRequiredFeature<AthleteAccess>();
            var tokens = context.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>().GetAndStoreTokens(context);
            return Results.Ok(new SessionView(true, access.Account.UserName, access.AthleteId, ServerMode.AntiforgeryHeader, tokens.RequestToken));
        });

        app.MapGet("/api/scenarios", () => Results.Ok(BuiltInScenarios.Names));
        app.MapGet("/api/scenarios/{name}", (string name) =>
            BuiltInScenarios.Text(name) is { } yaml ? Results.Text(yaml, "text/yaml; charset=utf-8") : Results.NotFound(new Problem($"{name}: not a built-in scenario")));

        // Every simulating endpoint takes the request's cancellation: a client that gives up stops the work between
        // simulations. The heavy ones run where HeavyWork says: here, or on the athlete's grain with --cluster.
        app.MapPost("/api/simulate", async (HttpRequest request, History history, HeavyWork work, CancellationToken cancellation) =>
            await work.AnswerAsync(history.AthleteId, new WorkRequest(WorkKind.Simulate, await new StreamReader(request.Body).ReadToEndAsync(cancellation)), cancellation))
            .WithMetadata(new RawBody("text/yaml", "text/plain"));

        // How sure the model is, and why: ≈ 100 more simulations, so asked for separately from the outcome itself.
        app.MapPost("/api/simulate/insight", async (HttpRequest request, History history, HeavyWork work, CancellationToken cancellation) =>
            await work.AnswerAsync(history.AthleteId, new WorkRequest(WorkKind.SimulateInsight, await new StreamReader(request.Body).ReadToEndAsync(cancellation)), cancellation))
            .WithMetadata(new RawBody("text/yaml", "text/plain"));
        app.MapGet("/api/history/insight", (string? since, string? until, History history, HeavyWork work, CancellationToken cancellation) =>
            work.AnswerAsync(history.AthleteId, new WorkRequest(WorkKind.HistoryInsight, null, since, until), cancellation));

        app.MapPost("/api/compare", (CompareRequest body, History history, HeavyWork work, CancellationToken cancellation) =>
            work.AnswerAsync(history.AthleteId, new WorkRequest(WorkKind.Compare, System.Text.Json.JsonSerializer.Serialize(body, System.Text.Json.JsonSerializerOptions.Web)), cancellation));

        app.MapGet("/api/goal/measures", () => Results.Ok(RunAdapt.Core.Planning.GoalMeasure.Names));
        app.MapPost("/api/goal", (GoalRequest body, History history, HeavyWork work, CancellationToken cancellation) =>
            work.AnswerAsync(history.AthleteId, new WorkRequest(WorkKind.Goal, System.Text.Json.JsonSerializer.Serialize(body, System.Text.Json.JsonSerializerOptions.Web)), cancellation));

        app.MapGet("/api/history", (string? since, string? until, History history) => Run(() => history.List(Range(since, until))));
        app.MapGet("/api/history/volume", (string? since, string? until, History history) => Run(() => history.WeeklyVolume(Range(since, until))));
        // Exclude, include, delete: state-changing, so behind the same Host and Origin checks as every POST.
        app.MapPost("/api/activities/{id:long}/{action}", (long id, string action, History history) => Run(() =>
        {
            history.Change(id, action);
            return history.List();
        })).WithMetadata(new WritesAthleteData());
        app.MapGet("/api/activities/{id:long}", (long id, History history, Views views, CancellationToken cancellation) => Run(() => history.Run(id, views.Catalogue, cancellation)));
        app.MapGet("/api/athlete", (History history) => Results.Ok(history.Athlete()));
        app.MapPost("/api/athlete", (AthleteForm form, History history) => Run(() => history.SaveAthlete(form))).WithMetadata(new WritesAthleteData());
        app.MapPut("/api/athlete", (AthleteForm form, History history) => Run(() => history.SaveAthlete(form))).WithMetadata(new WritesAthleteData());
        app.MapGet("/api/history/outcome", (string? since, string? until, History history, HeavyWork work, CancellationToken cancellation) =>
            work.AnswerAsync(history.AthleteId, new WorkRequest(WorkKind.HistoryOutcome, null, since, until), cancellation));

        app.MapPost("/api/upload", async (HttpRequest request, History history, HeavyWork work) =>
        {
            if (!request.HasFormContentType)
            {
                return Results.BadRequest(new Problem("send the files as multipart/form-data"));
            }

            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync();
            }
            catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
            {
                return Results.Json(new Problem($"the upload is too large or malformed: {e.Message}"), statusCode: StatusCodes.Status413PayloadTooLarge);
            }

            if (form.Files.Count == 0)
            {
                return Results.BadRequest(new Problem("no files in the upload"));
            }

            // A name is a label and the temporary file's name: control characters or an over-long one cannot be either.
            if (form.Files.FirstOrDefault(f => f.FileName.Length > MaxFileNameLength || f.FileName.Any(char.IsControl)) is { } badName)
            {
                return Results.BadRequest(new Problem($"a file name must be at most {MaxFileNameLength} characters without control characters ('{new string([.. badName.FileName.Take(40).Where(c => !char.IsControl(c))])}…')"));
            }

            var results = new List<UploadResult>();
            foreach (var file in form.Files)
            {
                await using var content = file.OpenReadStream();
                results.AddRange(history.Import(Path.GetFileName(file.FileName), content));
            }

            if (results.Any(r => r.Status is "imported" or "logged"))
            {
                work.AfterUpload(history.AthleteId);
            }

            return Results.Ok(results);
        }).DisableAntiforgery().WithMetadata(new WritesAthleteData(), new RawBody("multipart/form-data"));

        app.MapGet("/report.html", (string? scenario, string? since, string? until, History history, HeavyWork work, CancellationToken cancellation) =>
            work.AnswerAsync(history.AthleteId, new WorkRequest(WorkKind.Report, null, since, until, scenario), cancellation));

        // The scenario as edited on the page (a form post, so the browser opens the report as a page).
        app.MapPost("/report.html", async (HttpRequest request, History history, HeavyWork work, CancellationToken cancellation) =>
            await work.AnswerAsync(history.AthleteId, new WorkRequest(WorkKind.Report, (await request.ReadFormAsync(cancellation))["yaml"].ToString()), cancellation))
            .DisableAntiforgery().WithMetadata(new RawBody("application/x-www-form-urlencoded"));
    }

    /// <summary>The days asked for with <c>since</c> / <c>until</c> (<c>YYYY-MM-DD</c>, either left out).</summary>
    internal static Core.Training.DateRange Range(string? since, string? until) =>
        Core.Training.DateRange.TryParse(since, until, out var range, out var error) ? range : throw new UserInputException(error!.Replace("--", "", StringComparison.Ordinal));

    /// <summary>One side of a comparison: scenario text (as edited) when given, else a built-in scenario by name.</summary>
    internal static ReportInput Side(string? name, string? yaml, History history) =>
        yaml is not null ? Simulations.FromYaml(yaml, "scenario", history) : Simulations.FromBuiltIn(name ?? throw new UserInputException("give a built-in scenario's name or the scenario's text for each side"), history);

    /// <summary>Runs an action; a user mistake (bad scenario, unknown name, empty history) becomes 400 with one line.</summary>
    /// <summary>Whether an exception is the user's error (a bad scenario, parameter, input or file): a 400 with its message.</summary>
    internal static bool IsUserError(Exception e) => e is ScenarioException or ModelParameterException or UserInputException or FileNotFoundException;

    private static IResult Run<T>(Func<T> action)
    {
        try
        {
            return Results.Ok(action());
        }
        catch (Exception e) when (IsUserError(e))
        {
            return Results.BadRequest(new Problem(e.Message));
        }
        catch (OperationCanceledException)
        {
            // The client gave up: nobody reads the answer.
            return Results.Empty;
        }
    }

    private static IResult Asset(string name, string contentType)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("wwwroot/" + name)
            ?? throw new InvalidOperationException($"embedded asset {name} is missing from the build");
        return Results.Stream(stream, contentType);
    }
}

/// <summary>What the page knows of its session.</summary>
/// <param name="Server">Whether the dashboard runs in server mode (accounts).</param>
/// <param name="User">The signed-in account's name (server mode).</param>
/// <param name="AthleteId">The athlete the page shows (server mode).</param>
/// <param name="AntiforgeryHeader">The header every state-changing request carries the token in (server mode).</param>
/// <param name="AntiforgeryToken">The token (server mode).</param>
public sealed record SessionView(
    [property: JsonPropertyName("server")] bool Server,
    [property: JsonPropertyName("user")] string? User,
    [property: JsonPropertyName("athlete_id")] long? AthleteId,
    [property: JsonPropertyName("antiforgery_header")] string? AntiforgeryHeader,
    [property: JsonPropertyName("antiforgery_token")] string? AntiforgeryToken);

/// <summary>A problem the user can fix, reported to the page as one line.</summary>
/// <param name="Error">What was wrong.</param>
public sealed record Problem([property: JsonPropertyName("error")] string Error);

/// <summary>Which two scenarios to compare: each a built-in's name, or scenario text (an edited or own programme).</summary>
/// <param name="First">The first scenario's name.</param>
/// <param name="Second">The second scenario's name.</param>
/// <param name="FirstYaml">The first scenario's text, instead of a name.</param>
/// <param name="SecondYaml">The second scenario's text, instead of a name.</param>
public sealed record CompareRequest(
    [property: JsonPropertyName("first")] string? First,
    [property: JsonPropertyName("second")] string? Second,
    [property: JsonPropertyName("first_yaml")] string? FirstYaml = null,
    [property: JsonPropertyName("second_yaml")] string? SecondYaml = null);

/// <summary>A user mistake in a dashboard request (not a bug): shown to the user, answered with 400.</summary>
/// <param name="message">One line saying what was wrong.</param>
public sealed class UserInputException(string message) : Exception(message);
