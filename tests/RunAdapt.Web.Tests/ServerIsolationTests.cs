using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace RunAdapt.Web.Tests;

/// <summary>
/// Server mode over real HTTP on loopback against CI's PostgreSQL: one athlete's cookie or token reaches nothing of
/// another's through any endpoint or page (enumerated from the running app, so a new endpoint is covered as it is
/// added), a coach's access ends with the grant, and a cross-site or foreign-host request is refused.
/// </summary>
public sealed partial class ServerIsolationTests
{
    private const string Password = "correct horse battery";

    /// <summary>A file name only Bob's data holds: if it appears in an answer to Ann, Bob's data leaked.</summary>
    private const string BobsMarker = "bob-secret-run.fit";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Fit(string name) => Path.Combine(DashboardFixture.RepositoryRoot(), "tests", "fixtures", "activities", "fit", name);

    private static MultipartFormDataContent Upload(string fixture, string name) =>
        new() { { new ByteArrayContent(File.ReadAllBytes(Fit(fixture))), "files", name } };

    private static StringContent Json(object value) => new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, "application/json");

    private static readonly object Profile = new { sex = "male", age = 61, mass_kg = 70, training_status = "trained", foot_strike = "midfoot", hr_max = 170, hr_rest = 50, threshold_pace = "4:50", units = "km" };

    /// <summary>Bob's history and profile as Bob sees them.</summary>
    private static async Task<string> StateOf(HttpClient bob) =>
        await bob.GetStringAsync("/api/history", Cancel) + await bob.GetStringAsync("/api/athlete", Cancel);

    /// <summary>
    /// Every endpoint server mode maps without a cluster, written out so a reviewer sees what the sweep covers; the
    /// sweep checks it against the endpoints the running app maps, so an endpoint added without being listed here
    /// fails the test. (The cluster's own three are swept in RunAdapt.Cluster.Tests' ClusterFrontEndTests.)
    /// </summary>
    private static readonly string[] Listed =
    [
        "GET /", "GET /run.html", "GET /app.js", "GET /app.css", "GET /uPlot.iife.min.js", "GET /uPlot.min.css", "GET /page.js", "GET /charts.js", "GET /run.js",
        "GET /openapi/v1.json", "GET /report.html", "POST /report.html",
        "GET /login", "POST /login", "GET /register", "POST /register", "POST /logout",
        "GET /account", "POST /account/grant", "POST /account/revoke", "POST /account/delete",
        "GET /forgot", "POST /forgot", "GET /reset", "POST /reset",
        "POST /api/token", "POST /api/register", "GET /api/session",
        "GET /api/account", "DELETE /api/account", "POST /api/account/password", "POST /api/account/forgot", "POST /api/account/reset",
        "POST /api/grants", "DELETE /api/grants/{coach}",
        "GET /api/scenarios", "GET /api/scenarios/{name}",
        "POST /api/simulate", "POST /api/simulate/insight", "POST /api/compare", "GET /api/goal/measures", "POST /api/goal",
        "GET /api/history", "GET /api/history/volume", "GET /api/history/outcome", "GET /api/history/insight",
        "POST /api/activities/{id:long}/{action}", "GET /api/activities/{id:long}",
        "GET /api/athlete", "POST /api/athlete", "PUT /api/athlete", "POST /api/upload",
    ];

    /// <summary>
    /// Every route and method of the running app, with each route value filled in (an id: Bob's activity; an action:
    /// each one), so no endpoint is left out of the sweep.
    /// </summary>
    private static List<(string Method, string Path, bool Anonymous)> Endpoints(ServerDashboard server, long bobsActivity)
    {
        var routes = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(routes.Count > 20, $"only {routes.Count} endpoints found");
        var values = new Dictionary<string, string[]>
        {
            ["id"] = [bobsActivity.ToString(System.Globalization.CultureInfo.InvariantCulture)], ["action"] = ["exclude", "include", "delete"],
            ["name"] = ["novice"], ["coach"] = ["bob"], ["documentName"] = ["v1"],
        };
        var mapped = routes.SelectMany(r => r.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} /{r.RoutePattern.RawText!.TrimStart('/')}")).Order(StringComparer.Ordinal);
        Assert.Equal(Listed.Order(StringComparer.Ordinal), mapped);
        var sweep = new List<(string, string, bool)>();
        foreach (var route in routes)
        {
            var paths = new List<string> { route.RoutePattern.RawText! };
            foreach (var parameter in route.RoutePattern.Parameters)
            {
                Assert.True(values.ContainsKey(parameter.Name), $"{route.RoutePattern.RawText}: the sweep has no value for {{{parameter.Name}}}: add one");
                paths = [.. paths.SelectMany(p => values[parameter.Name].Select(v => RouteParameter().Replace(p, m => m.Groups[1].Value == parameter.Name ? v : m.Value)))];
            }

            var anonymous = route.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is not null;
            foreach (var method in route.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods)
            {
                sweep.AddRange(paths.Select(p => (method, "/" + p.TrimStart('/'), anonymous)));
            }
        }

        // Signing out last, so the rest of the sweep runs signed in.
        return [.. sweep.OrderBy(e => e.Item2 == "/logout")];
    }

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex RouteParameter();

    /// <summary>A body each endpoint takes (or refuses quickly): never one that starts a long simulation.</summary>
    private static HttpContent? Body(string method, string path, string token)
    {
        if (method is "GET" or "DELETE")
        {
            return null;
        }

        return path switch
        {
            "/api/upload" => Upload("Settings.fit", "ann-upload.fit"),
            "/api/athlete" => Json(Profile),
            "/api/token" or "/api/register" => Json(new { user = "ann", password = Password }),
            "/api/grants" => Json(new { coach = "nobody" }),
            // Asking Bob's reset link must not hand it to the asker (the link goes to the sender, never the answer).
            "/api/account/forgot" => Json(new { user = "bob" }),
            "/api/simulate" or "/api/simulate/insight" => new StringContent(""),
            "/login" or "/register" or "/logout" or "/account/grant" or "/account/revoke" or "/report.html" => new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["user"] = "ann", ["password"] = Password, ["coach"] = "bob", ["yaml"] = "", ["__RequestVerificationToken"] = token,
            }),
            _ => Json(new { }),
        };
    }

    [Fact]
    public async Task NoEndpointOrPageGivesAnnAnythingOfBobs()
    {
        await using var server = await ServerDashboard.StartAsync();
        await server.RegisterAsync("ann", Password);
        await server.RegisterAsync("bob", Password);
        var bob = await server.BearerAsync("bob", Password);
        using (var upload = await bob.PostAsync("/api/upload", Upload("activity-small-fenix2-run.fit", BobsMarker), Cancel))
        {
            Assert.Contains("\"status\":\"imported\"", await upload.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        }

        using (var profile = await bob.PutAsync("/api/athlete", Json(Profile), Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        }

        var bobsAthlete = (await bob.GetFromJsonAsync<JsonElement>("/api/account", Cancel)).GetProperty("athlete_id").GetInt64();
        var bobsActivity = (await bob.GetFromJsonAsync<JsonElement>("/api/history", Cancel))[0].GetProperty("id").GetInt64();
        // Bob's run page is his own activity with its laps (it once read the local athlete's rows, where Bob has none).
        Assert.Equal(4, (await bob.GetFromJsonAsync<JsonElement>($"/api/activities/{bobsActivity}", Cancel)).GetProperty("laps").GetArrayLength());
        var before = await StateOf(bob);
        Assert.Contains(BobsMarker, before, StringComparison.Ordinal);

        var sweep = Endpoints(server, bobsActivity);
        var annToken = await server.BearerAsync("ann", Password);
        var (annCookie, antiforgery) = await server.SignInAsync("ann", Password);
        foreach (var (who, ann) in new[] { ("token", annToken), ("cookie", annCookie) })
        {
            foreach (var (method, path, anonymous) in sweep)
            {
                // Ann asks about Bob by id (?athlete=), and about her own data with Bob's ids in the path.
                foreach (var query in new[] { $"?athlete={bobsAthlete}", "" })
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path + query) { Content = Body(method, path, antiforgery) };
                    if (who == "cookie")
                    {
                        request.Headers.Add("X-CSRF-TOKEN", antiforgery);
                    }

                    using var response = await ann.SendAsync(request, Cancel);
                    var body = await response.Content.ReadAsStringAsync(Cancel);
                    var what = $"{who}: {method} {path}{query} answered {(int)response.StatusCode}";
                    Assert.True((int)response.StatusCode < 500, $"{what}: {body}");
                    Assert.DoesNotContain(BobsMarker, body, StringComparison.Ordinal);
                    // Checked after every request: a change undone by a later one (exclude, then include) is still caught.
                    Assert.True(before == await StateOf(bob), $"{what}: Bob's data changed");
                    if (query.Length > 0 && !(anonymous && response.StatusCode == HttpStatusCode.Unauthorized))
                    {
                        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{what}, not 403: {body}");
                    }
                }
            }
        }
    }

    [Fact]
    public async Task ACoachReadsAGrantedAthleteUntilTheGrantIsRevoked()
    {
        await using var server = await ServerDashboard.StartAsync();
        await server.RegisterAsync("bob", Password);
        await server.RegisterAsync("coach", Password);
        var bob = await server.BearerAsync("bob", Password);
        using (var upload = await bob.PostAsync("/api/upload", Upload("activity-small-fenix2-run.fit", BobsMarker), Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        var bobsAthlete = (await bob.GetFromJsonAsync<JsonElement>("/api/account", Cancel)).GetProperty("athlete_id").GetInt64();
        var coachToken = await server.BearerAsync("coach", Password);
        var (coachCookie, antiforgery) = await server.SignInAsync("coach", Password);
        async Task<HttpStatusCode> Read(HttpClient coach)
        {
            using var response = await coach.GetAsync($"/api/history?athlete={bobsAthlete}", Cancel);
            var body = await response.Content.ReadAsStringAsync(Cancel);
            Assert.Equal(response.IsSuccessStatusCode, body.Contains(BobsMarker, StringComparison.Ordinal));
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.Forbidden, await Read(coachToken));
        using (var grant = await bob.PostAsync("/api/grants", Json(new { coach = "coach" }), Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, grant.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, await Read(coachToken));
        Assert.Equal(HttpStatusCode.OK, await Read(coachCookie));
        Assert.Contains("\"name\":\"bob\"", await coachToken.GetStringAsync("/api/account", Cancel), StringComparison.Ordinal);

        // A coach reads; changing the athlete's data is the athlete's alone.
        using (var change = new HttpRequestMessage(HttpMethod.Put, $"/api/athlete?athlete={bobsAthlete}") { Content = Json(Profile) })
        {
            change.Headers.Add("X-CSRF-TOKEN", antiforgery);
            Assert.Equal(HttpStatusCode.Forbidden, (await coachCookie.SendAsync(change, Cancel)).StatusCode);
        }

        using (var revoke = await bob.DeleteAsync("/api/grants/coach", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        }

        // The very next request with the same token and cookie is refused: nothing of the grant is kept in them.
        Assert.Equal(HttpStatusCode.Forbidden, await Read(coachToken));
        Assert.Equal(HttpStatusCode.Forbidden, await Read(coachCookie));
    }

    [Fact]
    public async Task ACrossSitePostIsRefused()
    {
        await using var server = await ServerDashboard.StartAsync();
        await server.RegisterAsync("ann", Password);
        await server.RegisterAsync("mallory", Password);
        var (ann, token) = await server.SignInAsync("ann", Password);
        var (_, mallorysToken) = await server.SignInAsync("mallory", Password);
        async Task<(HttpStatusCode, string)> Save(string? antiforgery, string? origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/athlete") { Content = Json(Profile) };
            if (antiforgery is not null)
            {
                request.Headers.Add("X-CSRF-TOKEN", antiforgery);
            }

            if (origin is not null)
            {
                request.Headers.Add("Origin", origin);
            }

            using var response = await ann.SendAsync(request, Cancel);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
        }

        var (status, body) = await Save(null, null);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("antiforgery", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Save(mallorysToken, null)).Item1);
        Assert.Equal(HttpStatusCode.BadRequest, (await Save("forged", null)).Item1);
        Assert.Equal(HttpStatusCode.Forbidden, (await Save(token, "http://evil.example")).Item1);
        Assert.Equal(HttpStatusCode.OK, (await Save(token, server.Address.GetLeftPart(UriPartial.Authority))).Item1);

        // A page's form without its token (a form on another site posting to the sign-in or grant forms).
        using var login = await server.NewClient().PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = "ann", ["password"] = Password }), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
        using var grant = await ann.PostAsync("/account/grant", new FormUrlEncodedContent(new Dictionary<string, string> { ["coach"] = "mallory" }), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, grant.StatusCode);
        Assert.DoesNotContain("mallory", await ann.GetStringAsync("/api/account", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownHostIsRefusedAndAStrangerIsAskedToSignIn()
    {
        await using var server = await ServerDashboard.StartAsync();
        var http = server.NewClient();
        using var rebind = new HttpRequestMessage(HttpMethod.Get, "/api/history");
        rebind.Headers.Host = "rebind.evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(rebind, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/history", Cancel)).StatusCode);
        using var page = await http.GetAsync("/", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/api/history");
        forged.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "forged");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(forged, Cancel)).StatusCode);
    }
}
