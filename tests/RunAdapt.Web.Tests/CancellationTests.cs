using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RunAdapt.Web.Tests;

/// <summary>
/// An abandoned request stops the dashboard's simulations, over real HTTP: the dashboard runs in a process of its own
/// (as <c>runadapt serve</c> starts it), so its CPU time is the dashboard's alone, whatever else the tests run.
/// </summary>
public sealed class CancellationTests : IDisposable
{
    /// <summary>
    /// Ten years of daily sessions of 20 short repeats: ≈ 0.1 s of CPU per simulation (the unit cancellation can stop
    /// at: one simulation runs to its end), ≈ 45 simulations for a goal, several seconds of CPU in all.
    /// </summary>
    private static readonly string HeavyPlan = "athlete: { sex: male, age: 30, mass_kg: 70, training_status: recreational }\nweeks: 520\nweek:\n"
        + string.Concat(new[] { "mon", "tue", "wed", "thu", "fri", "sat", "sun" }.Select(d => $"  - {{ day: {d}, run: {{ repeats: 20, seconds: 20, effort: interval, rest: \"0:20\" }} }}\n"));

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runadapt-cancel-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task AnAbandonedGoalSearchStopsOnceTheSimulationsUnderWayEnd()
    {
        var cancel = TestContext.Current.CancellationToken;
        var port = FreePort();
        using var dashboard = Start(port);
        try
        {
            await WaitUntilAnswering(dashboard, port, cancel);

            // A client as a browser tab or curl is: a connection that sends the request and, giving up, closes.
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancel);
            var body = System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { yaml = HeavyPlan, want = "quadriceps:+5", keep = Array.Empty<string>() }));
            var head = System.Text.Encoding.ASCII.GetBytes($"POST /api/goal HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
            var stream = client.GetStream();
            await stream.WriteAsync(head, cancel);
            await stream.WriteAsync(body, cancel);

            // The client gives up once the search is surely under way — 1.5 s of the dashboard's CPU: reading the plan and
            // building its ten years (≈ 0.5 s, not cancellable) and the first simulations — or after 30 s however busy the machine is.
            dashboard.Refresh();
            var started = dashboard.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            while ((dashboard.TotalProcessorTime - started).TotalSeconds < 1.5 && clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50, cancel);
                dashboard.Refresh();
            }

            Assert.Equal(0, client.Available); // no answer yet: the search is still running
            client.Close();

            // After the client gave up only the simulations already under way finish (≈ 0.1 s of CPU each, one per
            // core): over the next five seconds the dashboard uses a fraction of the ≈ 3.5 s the search had left.
            // (Wall time is the machine's: a second on an idle machine, more while other builds share the cores.)
            dashboard.Refresh();
            var closed = dashboard.TotalProcessorTime;
            await Task.Delay(TimeSpan.FromSeconds(5), cancel);
            dashboard.Refresh();
            var used = (dashboard.TotalProcessorTime - closed).TotalSeconds;
            Assert.True(used < 0.8, $"the abandoned search still used {used:0.00} s of the dashboard's CPU in the 5 s after the client gave up");
        }
        finally
        {
            dashboard.Kill(entireProcessTree: true);
            await dashboard.WaitForExitAsync(cancel);
        }
    }

    /// <summary>The dashboard's own build output (it runs as its own program, as <c>runadapt serve</c> starts it).</summary>
    private Process Start(int port)
    {
        var tests = new DirectoryInfo(AppContext.BaseDirectory);
        var web = Path.Combine(DashboardFixture.RepositoryRoot(), "src", "RunAdapt.Web", "bin", tests.Parent!.Name, tests.Name, "RunAdapt.Web.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["exec", web, "--urls", $"http://127.0.0.1:{port}", "--db", Path.Combine(_folder.FullName, "store.db")])
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static async Task WaitUntilAnswering(Process dashboard, int port, CancellationToken cancel)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        for (var attempt = 0; attempt < 120 && !dashboard.HasExited; attempt++)
        {
            try
            {
                await http.GetStringAsync($"http://127.0.0.1:{port}/api/scenarios", cancel);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(500, cancel);
            }
        }

        Assert.Fail(dashboard.HasExited ? $"the dashboard exited with {dashboard.ExitCode}: {await dashboard.StandardError.ReadToEndAsync(cancel)}" : "the dashboard did not answer within a minute");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
