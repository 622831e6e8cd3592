using System.Net;

namespace RunAdapt.Web.Tests;

/// <summary>The history API over real HTTP keeps answering whatever one activity holds.</summary>
public sealed class HistoryApiTests : IAsyncLifetime
{
    private LoopbackDashboard _dashboard = null!;

    private HttpClient Http => _dashboard.Http;

    public async ValueTask InitializeAsync() => _dashboard = await LoopbackDashboard.StartAsync();

    public ValueTask DisposeAsync() => _dashboard.DisposeAsync();

    /// <summary>A pool swim (repeats without speed) in the store: the history API answered 500 and the page said "Nothing imported yet".</summary>
    [Fact]
    public async Task APoolSwimIsListedByTheHistoryApi()
    {
        var cancel = TestContext.Current.CancellationToken;
        var swim = Path.Combine(DashboardFixture.RepositoryRoot(), "tests", "fixtures", "activities", "fit", "event_timestamp.fit");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(swim, cancel)), "files", "event_timestamp.fit" } };
        using (var upload = await Http.PostAsync("/api/upload", form, cancel))
        {
            Assert.Contains("\"status\":\"imported\"", await upload.Content.ReadAsStringAsync(cancel), StringComparison.Ordinal);
        }

        using var history = await Http.GetAsync("/api/history", cancel);
        Assert.Equal(HttpStatusCode.OK, history.StatusCode);
        Assert.Contains("\"sport\":\"swimming\"", await history.Content.ReadAsStringAsync(cancel), StringComparison.Ordinal);
        using var outcome = await Http.GetAsync("/api/history/outcome", cancel);
        Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);
    }

    /// <summary>A far-dated row already in the store (written before dates were checked) is left out with a note, not a failure on every call.</summary>
    [Fact]
    public async Task AFarDatedRowIsLeftOutWithANote()
    {
        var cancel = TestContext.Current.CancellationToken;
        var run = Path.Combine(DashboardFixture.RepositoryRoot(), "tests", "fixtures", "activities", "fit", "activity-small-fenix2-run.fit");
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(run, cancel)), "files", "run.fit" } })
        using (var upload = await Http.PostAsync("/api/upload", form, cancel))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_dashboard.StorePath};Pooling=false"))
        {
            connection.Open();
            using var far = connection.CreateCommand();
            far.CommandText = "insert into sessions (activity_id, date, data) select null, '2205-03-01', replace(data, substr(data, instr(data, '\"Date\":\"') + 8, 10), '2205-03-01') from sessions limit 1";
            Assert.Equal(1, far.ExecuteNonQuery());
        }

        using var outcome = await Http.GetAsync("/api/history/outcome", cancel);
        Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);
        Assert.Contains("Left out: a session dated 2205-03-01", await outcome.Content.ReadAsStringAsync(cancel), StringComparison.Ordinal);
    }
}

