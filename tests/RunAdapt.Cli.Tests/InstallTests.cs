namespace RunAdapt.Cli.Tests;

/// <summary>
/// The installed <c>runadapt</c> — the .NET tool from <c>dotnet pack</c>, and a <c>dotnet publish</c> folder — is a
/// complete installation: it imports, shows the history, writes a report and serves the dashboard, which stops with it.
/// </summary>
public sealed class InstallTests(InstalledTool installed) : IClassFixture<InstalledTool>
{
    private static string Samples => Path.Combine(CliRun.Root, "samples", "activities");

    [Fact]
    public async Task TheInstalledToolImportsShowsTheHistoryReportsAndServes()
    {
        var work = installed.Scratch("tool");
        var store = Path.Combine(work, "store.db");

        var import = await InstalledTool.RunAsync(work, installed.Tool, "import", Samples, "--db", store);
        Assert.Contains("imported", import, StringComparison.Ordinal);
        var history = await InstalledTool.RunAsync(work, installed.Tool, "history", "--db", store);
        Assert.Contains("Best efforts", history, StringComparison.Ordinal);
        await InstalledTool.RunAsync(work, installed.Tool, "report", "--db", store, "--out", Path.Combine(work, "report"));
        Assert.Contains("<html", await File.ReadAllTextAsync(Path.Combine(work, "report", "report.html"), TestContext.Current.CancellationToken), StringComparison.Ordinal);

        using var serve = ServeProcess.Start(installed.Tool, [], store);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        Assert.Contains("<title>RunAdapt dashboard</title>", await serve.PageAsync(http), StringComparison.Ordinal);
        var activities = await http.GetStringAsync(serve.Url + "/api/history", TestContext.Current.CancellationToken);
        Assert.Equal(Directory.GetFiles(Samples, "*.gz", SearchOption.AllDirectories).Length, System.Text.Json.JsonDocument.Parse(activities).RootElement.GetArrayLength());

        serve.Signal("TERM");
        Assert.Equal(CliApp.Success, await serve.ExitAsync());
        Assert.False(serve.PortTaken(), "the installed tool's dashboard outlived serve");
    }

    [Fact]
    public async Task ThePublishedFolderServesTheDashboard()
    {
        var store = Path.Combine(installed.Scratch("publish"), "store.db");
        using var serve = ServeProcess.Start(Path.Combine(installed.Published, "runadapt"), [], store);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        Assert.Contains("<title>RunAdapt dashboard</title>", await serve.PageAsync(http), StringComparison.Ordinal);

        serve.Signal("TERM");
        Assert.Equal(CliApp.Success, await serve.ExitAsync());
        Assert.False(serve.PortTaken(), "the published dashboard outlived serve");
    }
}
