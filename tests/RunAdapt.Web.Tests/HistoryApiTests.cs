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

    /// <summary>Exclude, include and delete over the API; a cross-site page cannot do them; since/until read a range of days.</summary>
    [Fact]
    public async Task ActivitiesAreExcludedIncludedAndDeletedAndTheHistoryIsReadOverARange()
    {
        var cancel = TestContext.Current.CancellationToken;
        var folder = Path.Combine(DashboardFixture.RepositoryRoot(), "tests", "fixtures", "activities", "fit");
        using (var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(folder, "activity-small-fenix2-run.fit"), cancel)), "files", "run.fit" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(folder, "garmin-fenix-5-run.fit"), cancel)), "files", "other.fit" },
        })
        using (var upload = await Http.PostAsync("/api/upload", form, cancel))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        async Task<System.Text.Json.Nodes.JsonArray> List(string query = "") =>
            (System.Text.Json.Nodes.JsonArray)System.Text.Json.Nodes.JsonNode.Parse(await Http.GetStringAsync("/api/history" + query, cancel))!;
        var rows = await List();
        Assert.Equal(2, rows.Count);
        var (newest, oldest) = ((long)rows[0]!["id"]!, (long)rows[1]!["id"]!);
        Assert.Equal("false", rows[0]!["excluded"]!.ToJsonString());
        var both = await Http.GetStringAsync("/api/history/outcome", cancel);

        // The history list's weekly volume is the outcome's (one table for every face); an excluded run leaves both (below).
        async Task<string> Volume() => System.Text.Json.Nodes.JsonNode.Parse(await Http.GetStringAsync("/api/history/volume", cancel))!.AsArray().Single()!.ToJsonString();
        async Task<string> OutcomeVolume() => System.Text.Json.Nodes.JsonNode.Parse(await Http.GetStringAsync("/api/history/outcome", cancel))!["volume"]!.ToJsonString();
        var volume = await Volume();
        Assert.Equal(volume, await OutcomeVolume());

        // Another site's page cannot change the history.
        using (var forged = new HttpRequestMessage(HttpMethod.Post, $"/api/activities/{newest}/delete") { Headers = { { "Origin", "http://evil.example" } } })
        using (var refused = await Http.SendAsync(forged, cancel))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using (var excluded = await Http.PostAsync($"/api/activities/{newest}/exclude", null, cancel))
        {
            Assert.Equal(HttpStatusCode.OK, excluded.StatusCode);
        }

        Assert.Equal("true", (await List())[0]!["excluded"]!.ToJsonString());
        Assert.NotEqual(both, await Http.GetStringAsync("/api/history/outcome", cancel));
        Assert.Contains("1 excluded", await Http.GetStringAsync("/api/history/outcome", cancel), StringComparison.Ordinal);
        Assert.NotEqual(volume, await Volume());
        Assert.Equal(await Volume(), await OutcomeVolume());
        using (var included = await Http.PostAsync($"/api/activities/{newest}/include", null, cancel))
        {
            Assert.Equal(HttpStatusCode.OK, included.StatusCode);
        }

        Assert.Equal(both, await Http.GetStringAsync("/api/history/outcome", cancel));

        // A range of days: only the older run; a badly written day is one line.
        var oldestDay = ((string)rows[1]!["start"]!)[..10];
        Assert.Single(await List($"?until={oldestDay}"));
        Assert.Contains("\"description\":\"1 sessions", await Http.GetStringAsync($"/api/history/outcome?until={oldestDay}", cancel), StringComparison.Ordinal);
        using (var bad = await Http.GetAsync("/api/history?since=May", cancel))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("{\"error\":\"since must be a day written YYYY-MM-DD, not 'May'\"}", await bad.Content.ReadAsStringAsync(cancel));
        }

        using (var deleted = await Http.PostAsync($"/api/activities/{oldest}/delete", null, cancel))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }

        Assert.Equal(newest, (long)(await List()).Single()!["id"]!);
        using var unknown = await Http.PostAsync($"/api/activities/{oldest}/delete", null, cancel);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        using var nonsense = await Http.PostAsync($"/api/activities/{newest}/frobnicate", null, cancel);
        Assert.Equal(HttpStatusCode.BadRequest, nonsense.StatusCode);
    }

    /// <summary>
    /// Every file of the corpus (the shared activities, the test fixtures and the bad files) uploaded, then the history
    /// read through every history endpoint: no 500, ever (the all-files check's dashboard part; the command line's is
    /// RobustnessTests.TheWholeCorpusNeverGivesAnInternalError).
    /// </summary>
    [Fact]
    public async Task TheWholeCorpusUploadedKeepsEveryHistoryEndpointAnswering()
    {
        var cancel = TestContext.Current.CancellationToken;
        var files = Directory.GetFiles(Path.Combine(DashboardFixture.RepositoryRoot(), "tests", "fixtures", "activities"), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".fit" or ".tcx" or ".gpx" or ".gz" or ".zip").ToList();
        Assert.True(files.Count > 50, $"{files.Count} files");
        foreach (var file in files)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(file, cancel)), "files", Path.GetFileName(file) } };
            using var upload = await Http.PostAsync("/api/upload", form, cancel);
            Assert.True(upload.StatusCode == HttpStatusCode.OK, $"{file}: {upload.StatusCode} {await upload.Content.ReadAsStringAsync(cancel)}");
        }

        foreach (var endpoint in new[] { "/api/history", "/api/history/outcome", "/api/history/outcome?since=2010-01-01&until=2016-12-31", "/api/history/volume", "/report.html" })
        {
            using var response = await Http.GetAsync(endpoint, cancel);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{endpoint}: {response.StatusCode} {await response.Content.ReadAsStringAsync(cancel)}");
        }
    }
}
