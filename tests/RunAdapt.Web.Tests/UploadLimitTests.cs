using System.Net;

namespace RunAdapt.Web.Tests;

/// <summary>Uploads are bounded and cannot choose where they are written.</summary>
public sealed class UploadLimitTests : IAsyncLifetime
{
    private LoopbackDashboard _dashboard = null!;

    private HttpClient Http => _dashboard.Http;

    public async ValueTask InitializeAsync() => _dashboard = await LoopbackDashboard.StartAsync("--max-upload-bytes", "4096");

    public ValueTask DisposeAsync() => _dashboard.DisposeAsync();

    private async Task<HttpResponseMessage> Upload(string name, int bytes)
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[bytes]), "files", name } };
        return await Http.PostAsync("/api/upload", form, TestContext.Current.CancellationToken);
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
