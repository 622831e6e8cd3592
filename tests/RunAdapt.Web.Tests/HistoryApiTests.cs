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
}
