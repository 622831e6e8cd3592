using System.IO.Compression;
using System.Net;

namespace RunAdapt.Web.Tests;

/// <summary>Over real HTTP: what a page on another site, or a rebinding DNS name, would make a browser send is refused.</summary>
public sealed class DashboardSecurityTests : IAsyncLifetime
{
    private LoopbackDashboard _dashboard = null!;

    private HttpClient Http => _dashboard.Http;

    public async ValueTask InitializeAsync() => _dashboard = await LoopbackDashboard.StartAsync();

    public ValueTask DisposeAsync() => _dashboard.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, string Body)> Send(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request, Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    private static HttpRequestMessage Upload(string name, byte[] content)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        // RFC 5987 encoding, as a browser or curl may send it: a NUL or control character arrives in the name.
        file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"files\"; filename*=UTF-8''{Uri.EscapeDataString(name)}");
        form.Add(file);
        return new HttpRequestMessage(HttpMethod.Post, "/api/upload") { Content = form };
    }

    [Fact]
    public async Task ACrossSitePostIsRefused()
    {
        var request = Upload("run.fit", new byte[100]);
        request.Headers.Add("Origin", "http://evil.example");
        var (status, body) = await Send(request);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("another site", body);

        var fetched = new HttpRequestMessage(HttpMethod.Post, "/api/athlete") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        fetched.Headers.Add("Sec-Fetch-Site", "cross-site");
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(fetched)).Status);
    }

    [Fact]
    public async Task ASameOriginPostIsServed()
    {
        var request = Upload("run.fit", new byte[100]);
        request.Headers.Add("Origin", Http.BaseAddress!.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.OK, (await Send(request)).Status);
    }

    [Fact]
    public async Task AForeignHostIsRefused()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/athlete");
        request.Headers.Host = "rebind.evil.example";
        var (status, body) = await Send(request);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("answers only to its own address", body);

        var local = new HttpRequestMessage(HttpMethod.Get, "/api/athlete");
        local.Headers.Host = $"localhost:{Http.BaseAddress!.Port}";
        Assert.Equal(HttpStatusCode.OK, (await Send(local)).Status);
    }

    [Theory]
    [InlineData("a\u0001b.fit")]
    [InlineData("nul\u0000.fit")]
    public async Task AControlCharacterInAFileNameIsA400(string name)
    {
        var (status, body) = await Send(Upload(name, new byte[100]));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("file name", body);
    }

    [Fact]
    public async Task AVeryLongFileNameIsA400() =>
        Assert.Equal(HttpStatusCode.BadRequest, (await Send(Upload(new string('a', 300) + ".fit", new byte[100]))).Status);

    [Fact]
    public async Task ARejectionNeverShowsTheServersTemporaryFolder()
    {
        using var zipped = new MemoryStream();
        using (var zip = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("bad.fit").Open();
            entry.Write("not a fit file at all"u8);
        }

        foreach (var (name, content) in new[] { ("export.zip", zipped.ToArray()), ("broken.zip", "not a zip"u8.ToArray()), ("bad.fit.gz", "not gzip"u8.ToArray()) })
        {
            var (status, body) = await Send(Upload(name, content));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains("rejected", body);
            Assert.DoesNotContain(Path.GetTempPath(), body);
            Assert.DoesNotContain("runadapt-upload-", body);
        }
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000", false)]
    [InlineData("http://localhost:5000", false)]
    [InlineData("http://[::1]:5000", false)]
    [InlineData("http://0.0.0.0:5000", true)]
    [InlineData("http://[::]:5000", true)]
    [InlineData("http://*:5000", true)]
    [InlineData("http://127.0.0.1:5000;http://192.168.1.5:5000", true)]
    public void ListeningBeyondThisMachineIsWarnedAbout(string urls, bool warned) =>
        Assert.Equal(warned, Dashboard.ExposureWarning(urls) is { } w && w.Contains("WARNING", StringComparison.Ordinal));

    [Theory]
    [InlineData("http://127.0.0.1:5000", false)]
    [InlineData("http://0.0.0.0:5000", true)]
    [InlineData("https://0.0.0.0:5001", false)]
    public void ServerModeWarnsOfPasswordsInClearBeyondThisMachine(string urls, bool warned) =>
        Assert.Equal(warned, Dashboard.ExposureWarning(urls, server: true) is { } w && w.Contains("TLS", StringComparison.Ordinal));

    [Fact]
    public async Task AHostNamedInAllowedHostsIsServed()
    {
        await using var named = await LoopbackDashboard.StartAsync("--AllowedHosts", "runadapt.example.org;*");
        foreach (var (host, status) in new[] { ("runadapt.example.org", HttpStatusCode.OK), ("other.example.org", HttpStatusCode.BadRequest) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/athlete");
            request.Headers.Host = host;
            using var response = await named.Http.SendAsync(request, Cancel);
            Assert.Equal(status, response.StatusCode);
        }
    }
}
