using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace RunAdapt.Web.Tests;

/// <summary>Uploads are bounded and cannot choose where they are written.</summary>
public sealed class UploadLimitTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("runadapt-upload-tests-").FullName;
    private readonly HttpClient _http = new();
    private WebApplication? _app;

    public async ValueTask InitializeAsync()
    {
        _app = Dashboard.Build(["--urls", "http://127.0.0.1:0", "--db", Path.Combine(_folder, "store.db"), "--max-upload-bytes", "4096"]);
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

    private async Task<HttpResponseMessage> Upload(string name, int bytes)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[bytes]), "files", name } };
        return await _http.PostAsync("/api/upload", form, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AnUploadOverTheLimitIsRefusedWithOneLine()
    {
        var response = await Upload("big.fit", 20_000);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.StartsWith("{\"error\":\"the upload is too large", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileNameWithFoldersKeepsOnlyItsLastPart()
    {
        var response = await Upload("../../escaped.fit", 100);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"file\":\"escaped.fit\"", body, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"rejected\"", body, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), "escaped.fit")));
    }
}
