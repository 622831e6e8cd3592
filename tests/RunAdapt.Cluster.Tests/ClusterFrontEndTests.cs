using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using static RunAdapt.Cluster.Tests.SiloFailureTests;

namespace RunAdapt.Cluster.Tests;

/// <summary>
/// The web front end with <c>--cluster</c> against one without, on the same PostgreSQL store, as separate processes:
/// the same requests (simulate, goal, compare, the history's outcome, the report) answer the same bytes, and the endpoints only a cluster adds give one athlete nothing of another's.
/// </summary>
public sealed partial class ClusterFrontEndTests
{
    /// <summary>What a front end adds with a cluster; anything else it adds fails the sweep below until it is listed (and swept) here.</summary>
    private static readonly string[] ClusterOnly = ["GET /api/batch", "POST /api/batch", "GET /api/history/latest"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private sealed record FrontEnds(ClusterDatabase Database, HttpClient OnCluster, HttpClient InProcess, List<ClusterProcess> Processes) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            OnCluster.Dispose();
            InProcess.Dispose();
            Processes.ForEach(p => p.Dispose());
            await Database.DisposeAsync();
        }
    }

    /// <summary>One silo, a front end that is its client, and a front end without a cluster on the same store.</summary>
    private static async Task<FrontEnds> StartAsync()
    {
        var database = await ClusterDatabase.CreateAsync();
        var clusterId = $"test-{Guid.NewGuid():N}";
        var processes = new List<ClusterProcess>();
        try
        {
            processes.Add(await ClusterProcess.StartAsync(database.ConnectionString, clusterId, FreePort(), FreePort()));
            var (clusterPort, localPort) = (FreePort(), FreePort());
            processes.Add(await ClusterProcess.StartWebAsync(database.ConnectionString, clusterId, clusterPort, "operator"));
            processes.Add(await ClusterProcess.StartWebAsync(database.ConnectionString, clusterId, localPort, "operator", cluster: false));
            return new FrontEnds(database, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{clusterPort}") },
                new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{localPort}") }, processes);
        }
        catch
        {
            processes.ForEach(p => p.Dispose());
            await database.DisposeAsync();
            throw;
        }
    }

    private static async Task<string> TokenAsync(HttpClient web, string user)
    {
        using var response = await web.PostAsJsonAsync("/api/token", new { user, password = "a long enough password" }, Cancel);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("accessToken").GetString()!;
    }

    private static async Task<(int Status, string? Type, string Body)> AskAsync(HttpClient web, string token, HttpMethod method, string path, Func<HttpContent?> content)
    {
        using var response = await Send(web, method, path, token, content(), Cancel);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync(Cancel));
    }

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    [Fact]
    public async Task AFrontEndWithAClusterAnswersByteForByteAsOneWithout()
    {
        await using var ends = await StartAsync();
        var cluster = await SignUp(ends.OnCluster, "runner", Cancel);
        var local = await TokenAsync(ends.InProcess, "runner");
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(Fixture("activity-small-fenix2-run.fit"), Cancel)), "files", "run.fit" } };
        Assert.Equal(HttpStatusCode.OK, (await Send(ends.OnCluster, HttpMethod.Post, "/api/upload", cluster, upload, Cancel)).StatusCode);
        var novice = await (await Send(ends.InProcess, HttpMethod.Get, "/api/scenarios/novice", local, null, Cancel)).Content.ReadAsStringAsync(Cancel);
        var fromHistory = "from: history\n" + string.Join('\n', novice.Split('\n').Where(l => !l.StartsWith("athlete:", StringComparison.Ordinal)));
        var asks = new (HttpMethod Method, string Path, Func<HttpContent?> Content)[]
        {
            (HttpMethod.Post, "/api/simulate", () => new StringContent(novice, Encoding.UTF8, "text/yaml")),
            (HttpMethod.Post, "/api/simulate", () => new StringContent(fromHistory, Encoding.UTF8, "text/yaml")),
            (HttpMethod.Get, "/api/history/outcome", () => null),
            (HttpMethod.Post, "/api/goal", () => Json(new { yaml = novice, want = "calves:+5", keep = new[] { "vo2max" } })),
            (HttpMethod.Post, "/api/compare", () => Json(new { first = "novice", second = "novice-hills" })),
            (HttpMethod.Post, "/api/compare", () => Json(new { first_yaml = fromHistory, second = "novice" })),
            (HttpMethod.Post, "/api/compare", () => Json(new { first = "novice", second = "no-such-scenario" })),
            (HttpMethod.Get, "/report.html?scenario=novice", () => null),
            (HttpMethod.Get, "/report.html", () => null),
            (HttpMethod.Post, "/report.html", () => new FormUrlEncodedContent(new Dictionary<string, string> { ["yaml"] = fromHistory })),
            (HttpMethod.Post, "/report.html", () => new FormUrlEncodedContent(new Dictionary<string, string> { ["yaml"] = "weeks: -1" })),
        };
        foreach (var (method, path, content) in asks)
        {
            var onCluster = await AskAsync(ends.OnCluster, cluster, method, path, content);
            var inProcess = await AskAsync(ends.InProcess, local, method, path, content);
            Assert.True(inProcess == onCluster, $"{method} {path}: {onCluster.Status} {onCluster.Type} vs {inProcess.Status} {inProcess.Type}");
            Assert.InRange(onCluster.Status, 200, 499);
        }
    }

    [Fact]
    public async Task TheClusterOnlyEndpointsGiveAnAthleteNothingOfAnothersAndDeletionClearsTheGrain()
    {
        await using var ends = await StartAsync();
        // The endpoints a cluster adds, from the two front ends' own descriptions: exactly the ones swept here.
        async Task<HashSet<string>> Described(HttpClient web) =>
            [.. JsonDocument.Parse(await web.GetStringAsync("/openapi/v1.json", Cancel)).RootElement.GetProperty("paths").EnumerateObject()
                .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))];
        var added = await Described(ends.OnCluster);
        added.ExceptWith(await Described(ends.InProcess));
        Assert.Equal(ClusterOnly.Order(StringComparer.Ordinal), added.Order(StringComparer.Ordinal));

        var operatorToken = await SignUp(ends.OnCluster, "operator", Cancel);
        var bob = await SignUp(ends.OnCluster, "bob", Cancel);
        var annToken = await SignUp(ends.OnCluster, "ann", Cancel);
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(Fixture("activity-small-fenix2-run.fit"), Cancel)), "files", "run.fit" } };
        Assert.Equal(HttpStatusCode.OK, (await Send(ends.OnCluster, HttpMethod.Post, "/api/upload", bob, upload, Cancel)).StatusCode);
        var bobsAthlete = (await (await Send(ends.OnCluster, HttpMethod.Get, "/api/account", bob, null, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("athlete_id").GetInt64();
        string bobsLatest;
        while (true)
        {
            using var latest = await Send(ends.OnCluster, HttpMethod.Get, "/api/history/latest", bob, null, Cancel);
            if (latest.StatusCode == HttpStatusCode.OK)
            {
                bobsLatest = await latest.Content.ReadAsStringAsync(Cancel);
                break;
            }

            await Task.Delay(250, Cancel);
        }

        // Ann by token and by the page's cookie (with its antiforgery token): about Bob (?athlete=) always 403; about
        // herself, nothing of Bob's, and the batch is an operator's alone.
        var (annCookie, antiforgery) = await SignInAsync(ends.OnCluster, "ann");
        foreach (var (who, send) in new (string, Func<HttpMethod, string, HttpContent?, Task<HttpResponseMessage>>)[]
        {
            ("token", (m, p, c) => Send(ends.OnCluster, m, p, annToken, c, Cancel)),
            ("cookie", (m, p, c) =>
            {
                var request = new HttpRequestMessage(m, p) { Content = c };
                request.Headers.Add("X-CSRF-TOKEN", antiforgery);
                return annCookie.SendAsync(request, Cancel);
            }),
        })
        {
            foreach (var endpoint in ClusterOnly)
            {
                var (method, path) = (new HttpMethod(endpoint.Split(' ')[0]), endpoint.Split(' ')[1]);
                foreach (var query in new[] { $"?athlete={bobsAthlete}", "" })
                {
                    using var response = await send(method, path + query, method == HttpMethod.Post ? Json(new { id = "ann-batch", samples = 0 }) : null);
                    var body = await response.Content.ReadAsStringAsync(Cancel);
                    var expected = query.Length > 0 || path == "/api/batch" ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
                    Assert.True(expected == response.StatusCode, $"{who}: {endpoint}{query} answered {(int)response.StatusCode}: {body}");
                    Assert.DoesNotContain("run.fit", body, StringComparison.Ordinal);
                }
            }
        }

        annCookie.Dispose();
        Assert.Equal(0L, await ends.Database.ScalarAsync<long>("select count(*) from runadapt_batch_results where batch_id = 'ann-batch'"));

        // A batch stores every athlete's result and grain state; deleting Bob's account removes both of his.
        Assert.Equal(HttpStatusCode.Accepted, (await Send(ends.OnCluster, HttpMethod.Post, "/api/batch", operatorToken, Json(new { id = "before-delete", samples = 0, parallel = 2 }), Cancel)).StatusCode);
        while ((await (await Send(ends.OnCluster, HttpMethod.Get, "/api/batch", operatorToken, null, Cancel)).Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("finishedUtc").ValueKind == JsonValueKind.Null)
        {
            await Task.Delay(250, Cancel);
        }

        Assert.Equal(1L, await ends.Database.ScalarAsync<long>($"select count(*) from runadapt_batch_results where athlete_id = {bobsAthlete}"));
        const string states = "select count(*) from orleansstorage where coalesce(length(payloadbinary), length(payloadjson), length(payloadxml)) > 0";
        var statesBefore = await ends.Database.ScalarAsync<long>(states);
        using (var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/account") { Content = Json(new { password = "a long enough password" }) })
        {
            delete.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bob);
            Assert.Equal(HttpStatusCode.OK, (await ends.OnCluster.SendAsync(delete, Cancel)).StatusCode);
        }

        Assert.Equal(0L, await ends.Database.ScalarAsync<long>($"select count(*) from runadapt_batch_results where athlete_id = {bobsAthlete}"));
        Assert.Equal(statesBefore - 1, await ends.Database.ScalarAsync<long>(states));
        Assert.Contains("\"silo\"", bobsLatest, StringComparison.Ordinal);
    }

    /// <summary>A browser signed in through the front end's login form, and the antiforgery token its page would send.</summary>
    private static async Task<(HttpClient Client, string Token)> SignInAsync(HttpClient web, string user)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = web.BaseAddress };
        var form = await client.GetStringAsync("/login", Cancel);
        using var login = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = user, ["password"] = "a long enough password", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(FormToken().Match(form).Groups[1].Value),
        }), Cancel);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
        var session = await client.GetFromJsonAsync<JsonElement>("/api/session", Cancel);
        return (client, session.GetProperty("antiforgery_token").GetString()!);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
