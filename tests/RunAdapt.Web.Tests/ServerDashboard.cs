using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace RunAdapt.Web.Tests;

/// <summary>The dashboard in server mode (accounts) on an ephemeral loopback port, on a store of its own.</summary>
internal sealed partial class ServerDashboard : IAsyncDisposable
{
    private readonly List<HttpClient> _clients = [];
    private readonly string? _folder;

    private ServerDashboard(WebApplication app, Uri address, string location, string? folder) => (App, Address, Location, _folder) = (app, address, location, folder);

    /// <summary>The store (<c>--db</c>): an SQLite file, or a PostgreSQL connection string whose search path is the test's schema.</summary>
    public string Location { get; }

    /// <summary>The running application (its endpoints are enumerated by the tests).</summary>
    public WebApplication App { get; }

    /// <summary>The dashboard's base address.</summary>
    public Uri Address { get; }

    /// <summary>
    /// Starts server mode on CI's PostgreSQL (RUNADAPT_PG, a fresh schema), skipping the test without it; or, with
    /// <paramref name="sqlite"/>, on an SQLite file (for what does not depend on the backend).
    /// </summary>
    /// <param name="sqlite">On an SQLite file rather than PostgreSQL.</param>
    /// <param name="services">Replaces services (a password-reset sender the test reads).</param>
    public static async Task<ServerDashboard> StartAsync(bool sqlite = false, Action<IServiceCollection>? services = null)
    {
        string location;
        string? folder = null;
        if (sqlite)
        {
            folder = Directory.CreateTempSubdirectory("runadapt-server-tests-").FullName;
            location = Path.Combine(folder, "store.db");
        }
        else
        {
            var server = Environment.GetEnvironmentVariable("RUNADAPT_PG");
            Assert.SkipWhen(string.IsNullOrEmpty(server), "RUNADAPT_PG is not set (ci/test.sh starts PostgreSQL and sets it)");
            var schema = $"t{Guid.NewGuid():N}";
            await using (var admin = new Npgsql.NpgsqlConnection(server))
            {
                await admin.OpenAsync(TestContext.Current.CancellationToken);
                await using var create = new Npgsql.NpgsqlCommand($"create schema {schema}; create table {schema}.schema_version (version integer not null)", admin);
                await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            location = $"{server};Search Path={schema}";
        }

        var app = Dashboard.Build(["--urls", "http://127.0.0.1:0", "--db", location, "--server", "true"], services: services);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new ServerDashboard(app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()), location, folder);
    }

    /// <summary>A client with a cookie jar of its own that does not follow redirects (a browser of one user).</summary>
    public HttpClient NewClient()
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = Address };
        _clients.Add(client);
        return client;
    }

    /// <summary>Creates an account through the API.</summary>
    public async Task RegisterAsync(string user, string password)
    {
        using var response = await NewClient().PostAsJsonAsync("/api/register", new { user, password }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A client that sends a bearer token for the account.</summary>
    public async Task<HttpClient> BearerAsync(string user, string password)
    {
        var client = NewClient();
        using var response = await client.PostAsJsonAsync("/api/token", new { user, password }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A browser signed in through the login form, and the antiforgery token its page would send.</summary>
    public async Task<(HttpClient Client, string Token)> SignInAsync(string user, string password)
    {
        var client = NewClient();
        var form = await client.GetStringAsync("/login", TestContext.Current.CancellationToken);
        using var login = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = user, ["password"] = password, ["__RequestVerificationToken"] = FormToken(form),
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
        var session = await client.GetFromJsonAsync<JsonElement>("/api/session", TestContext.Current.CancellationToken);
        return (client, session.GetProperty("antiforgery_token").GetString()!);
    }

    /// <summary>The antiforgery token of a page's form.</summary>
    public static string FormToken(string html) => FormTokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("the page has no antiforgery field");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex FormTokenPattern();

    public async ValueTask DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await App.StopAsync();
        await App.DisposeAsync();
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
