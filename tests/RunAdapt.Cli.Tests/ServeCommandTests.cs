namespace RunAdapt.Cli.Tests;

/// <summary><c>runadapt serve</c> as built: the CLI's build output starts the dashboard next to it, and stops it.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runadapt-serve-");

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>The CLI project's own output folder (the test binaries hold runadapt.dll but not the dashboard).</summary>
    private static string CliOutput()
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory);
        return Path.Combine(CliRun.Root, "src/RunAdapt.Cli/bin", tests.Parent!.Name, tests.Name);
    }

    private ServeProcess StartServe() =>
        ServeProcess.Start("dotnet", [Path.Combine(CliOutput(), "runadapt.dll")], Path.Combine(_folder.FullName, "store.db"));

    [Fact]
    public async Task StartsTheDashboardOnTheGivenLoopbackAddress()
    {
        using var serve = StartServe();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        Assert.Contains("<title>RunAdapt dashboard</title>", await serve.PageAsync(http), StringComparison.Ordinal);
        Assert.Equal("[]", await http.GetStringAsync(serve.Url + "/api/history", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("HUP")]
    public async Task StoppingServeWithASignalStopsTheDashboardBeforeServeExits(string signal)
    {
        using var serve = StartServe();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        await serve.PageAsync(http);

        serve.Signal(signal);

        Assert.Equal(CliApp.Success, await serve.ExitAsync());
        Assert.False(serve.PortTaken(), $"the dashboard still holds {serve.Url} after serve exited on SIG{signal}");
    }

    [Fact]
    public async Task KillingServeOutrightStillStopsTheDashboard()
    {
        using var serve = StartServe();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        await serve.PageAsync(http);

        serve.Signal("KILL");
        await serve.ExitAsync();

        Assert.True(await serve.PortFreedWithinAsync(30), $"the dashboard still holds {serve.Url} 30 s after serve was killed");
    }
}
