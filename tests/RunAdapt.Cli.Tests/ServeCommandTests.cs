using RunAdapt.Cli.Commands;

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

    [Fact]
    public async Task APortAlreadyTakenIsOneLineWithoutAStackTrace()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((System.Net.IPEndPoint)taken.LocalEndpoint).Port}";
        using var serve = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet",
            [Path.Combine(CliOutput(), "runadapt.dll"), "serve", "--db", Path.Combine(_folder.FullName, "store.db"), "--urls", url])
        { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true })!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var text = await serve.StandardError.ReadToEndAsync(timeout.Token);
        await serve.WaitForExitAsync(timeout.Token);
        Assert.Equal(1, serve.ExitCode);
        Assert.Contains("cannot start the dashboard", text, StringComparison.Ordinal);
        Assert.Contains("address already in use", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ServerModeWithoutAStoreIsAUsageError()
    {
        var (status, _, error) = CliRun.Run("serve", "--server");
        Assert.Equal(2, status);
        Assert.Contains("--server needs --db", error, StringComparison.Ordinal);
    }

    /// <summary>The cluster's batch results live in the store's database, so a cluster on another one is refused before anything starts.</summary>
    [Fact]
    public void AClusterOnAnotherDatabaseThanTheStoreIsAUsageError()
    {
        var (status, output, error) = CliRun.Run("serve", "--server", "--db", "postgres://runner@DB.example/runadapt",
            "--cluster", "Host=db.example;Port=5432;Database=cluster;Username=runner");
        Assert.Equal(CliApp.BadUsage, status);
        Assert.Equal(
            "runadapt: --cluster names database \"cluster\" on db.example:5432 but --db names \"runadapt\" on db.example:5432: "
            + "the cluster's results live in the store's database, so both must name the same one (see 'runadapt --help')",
            error.TrimEnd());
        Assert.DoesNotContain("dashboard on", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AClusterWithAnSQLiteStoreIsAUsageError()
    {
        var (status, output, error) = CliRun.Run("serve", "--server", "--db", Path.Combine(_folder.FullName, "store.db"), "--cluster", "Host=127.0.0.1;Database=runadapt");
        Assert.Equal(CliApp.BadUsage, status);
        Assert.StartsWith("runadapt: --cluster needs a PostgreSQL --db", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("dashboard on", output, StringComparison.Ordinal);
    }

    /// <summary>The same database written as a URL and as keywords, with the host's case and the default port spelled differently.</summary>
    [Theory]
    [InlineData("postgres://runner:secret@db.example/runadapt", "Host=db.example;Database=runadapt;Username=runner;Password=secret")]
    [InlineData("postgres://runner@db.example:5432/runadapt", "Host=DB.Example;Database=runadapt")]
    [InlineData("Host=127.0.0.1;Port=54329;Username=postgres;Database=runadapt", "Host=127.0.0.1;Port=54329;Username=postgres;Database=runadapt")]
    [InlineData("postgresql://postgres@127.0.0.1:54329/runadapt", "host=127.0.0.1;port=54329;database=runadapt;Maximum Pool Size=50")]
    public void TheSameDatabaseInEitherSyntaxIsAccepted(string store, string cluster) => ServeCommand.RequireSameDatabase(store, cluster);

    [Theory]
    [InlineData("postgres://runner@db.example/runadapt", "Host=db.example;Database=Runadapt", "\"Runadapt\" on db.example:5432", "\"runadapt\" on db.example:5432")]
    [InlineData("postgres://runner@db.example/runadapt", "Host=db.example;Port=5433;Database=runadapt", "\"runadapt\" on db.example:5433", "\"runadapt\" on db.example:5432")]
    [InlineData("Host=db1.example;Database=runadapt", "Host=db2.example;Database=runadapt", "\"runadapt\" on db2.example:5432", "\"runadapt\" on db1.example:5432")]
    public void AnotherDatabaseHostOrPortIsRefused(string store, string cluster, string clusterNamed, string storeNamed)
    {
        var refused = Assert.Throws<UsageException>(() => ServeCommand.RequireSameDatabase(store, cluster));
        Assert.Equal($"--cluster names database {clusterNamed} but --db names {storeNamed}: the cluster's results live in the store's database, so both must name the same one", refused.Message);
    }

    [Theory]
    [InlineData("Host=db.example;Database=runadapt", "runadapt.db", "--cluster: expected a PostgreSQL connection string")]
    [InlineData("Host=db.example;Database=runadapt", "Host=db.example;Databse=runadapt", "--cluster: not a valid PostgreSQL connection string")]
    [InlineData("postgres://runner@db example/runadapt", "Host=db.example;Database=runadapt", "--db: not a valid PostgreSQL connection string")]
    public void AConnectionStringThatDoesNotParseIsAUsageError(string store, string cluster, string expected)
    {
        var refused = Assert.Throws<UsageException>(() => ServeCommand.RequireSameDatabase(store, cluster));
        Assert.StartsWith(expected, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', refused.Message);
    }

    /// <summary>serve --server on a store: the dashboard asks for a sign-in; the API answers a stranger 401.</summary>
    [Fact]
    public async Task ServerModeAsksForASignIn()
    {
        using var serve = ServeProcess.Start("dotnet", [Path.Combine(CliOutput(), "runadapt.dll")], Path.Combine(_folder.FullName, "server.db"), "--server");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        Assert.Contains("Sign in", await serve.PageAsync(http), StringComparison.Ordinal);
        using var history = await http.GetAsync(serve.Url + "/api/history", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, history.StatusCode);
    }
}
