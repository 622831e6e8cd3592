using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RunAdapt.Cli.Tests;

/// <summary><c>runadapt serve</c> as installed: the CLI's build output starts the dashboard next to it.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runadapt-serve-");

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>The CLI project's own output folder (the test binaries hold runadapt.dll but not the dashboard).</summary>
    private static string CliOutput()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = tests.Name;
        var configuration = tests.Parent!.Name;
        var root = tests;
        while (!File.Exists(Path.Combine(root.FullName, "RunAdapt.slnx")))
        {
            root = root.Parent!;
        }

        return Path.Combine(root.FullName, "src/RunAdapt.Cli/bin", configuration, framework);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task StartsTheDashboardOnTheGivenLoopbackAddress()
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[Path.Combine(CliOutput(), "runadapt.dll"), "serve", "--urls", url, "--db", Path.Combine(_folder.FullName, "store.db")])
        {
            start.ArgumentList.Add(arg);
        }

        using var serve = Process.Start(start)!;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
            string? page = null;
            for (var attempt = 0; attempt < 120 && page is null && !serve.HasExited; attempt++)
            {
                try
                {
                    page = await http.GetStringAsync(url + "/", TestContext.Current.CancellationToken);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    await Task.Delay(500, TestContext.Current.CancellationToken);
                }
            }

            if (serve.HasExited)
            {
                Assert.Fail($"serve exited with {serve.ExitCode}: {await serve.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}");
            }

            Assert.NotNull(page);
            Assert.Contains("<title>RunAdapt dashboard</title>", page, StringComparison.Ordinal);
            Assert.Equal("[]", await http.GetStringAsync(url + "/api/history", TestContext.Current.CancellationToken));
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }
}
