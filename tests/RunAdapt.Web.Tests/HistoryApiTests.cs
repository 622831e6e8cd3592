using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace RunAdapt.Web.Tests;

/// <summary>The history API over real HTTP keeps answering whatever one activity holds.</summary>
public sealed class HistoryApiTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("runadapt-history-api-tests-").FullName;
    private readonly HttpClient _http = new();
    private WebApplication? _app;

    public async ValueTask InitializeAsync()
    {
        _app = Dashboard.Build(["--urls", "http://127.0.0.1:0", "--db", Path.Combine(_folder, "store.db")]);
        await _app.StartAsync();
        _http.BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A pool swim (repeats without speed) in the store: the history API answered 500 and the page said "Nothing imported yet".</summary>
    [Fact]
    public async Task APoolSwimIsListedByTheHistoryApi()
    {
        var cancel = TestContext.Current.CancellationToken;
        var swim = Path.Combine(DashboardFixture.RepositoryRoot(), "tests", "fixtures", "activities", "fit", "event_timestamp.fit");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(swim, cancel)), "files", "event_timestamp.fit" } };
        using (var upload = await _http.PostAsync("/api/upload", form, cancel))
        {
            Assert.Contains("\"status\":\"imported\"", await upload.Content.ReadAsStringAsync(cancel), StringComparison.Ordinal);
        }

        using var history = await _http.GetAsync("/api/history", cancel);
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Contains("\"sport\":\"swimming\"", await history.Content.ReadAsStringAsync(cancel), StringComparison.Ordinal);
        using var outcome = await _http.GetAsync("/api/history/outcome", cancel);
        Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);
    }

    /// <summary>A far-dated row already in the store (written before dates were checked) is left out with a note, not a failure on every call.</summary>
    [Fact]
    public async Task AFarDatedRowIsLeftOutWithANote()
    {
        var cancel = TestContext.Current.CancellationToken;
        var run = Path.Combine(DashboardFixture.RepositoryRoot(), "tests", "fixtures", "activities", "fit", "activity-small-fenix2-run.fit");
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(run, cancel)), "files", "run.fit" } })
        using (var upload = await _http.PostAsync("/api/upload", form, cancel))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_folder, "store.db")};Pooling=false"))
        {
            connection.Open();
            using var far = connection.CreateCommand();
            far.CommandText = "insert into sessions (activity_id, date, data) select null, '2205-03-01', replace(data, substr(data, instr(data, '\"Date\":\"') + 8, 10), '2205-03-01') from sessions limit 1";
            Assert.Equal(1, far.ExecuteNonQuery());
        }

        using var outcome = await _http.GetAsync("/api/history/outcome", cancel);
        Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);
        Assert.Contains("Left out: a session dated 2205-03-01", await outcome.Content.ReadAsStringAsync(cancel), StringComparison.Ordinal);
    }
}

