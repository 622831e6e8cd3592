using System.Diagnostics;

namespace RunAdapt.Web.Tests;

/// <summary>Runs alone (no other test class burns CPU meanwhile), so the process's CPU time is this test's.</summary>
[CollectionDefinition(nameof(AloneOnTheCpu), DisableParallelization = true)]
public sealed class AloneOnTheCpu;

/// <summary>An abandoned request stops the dashboard's simulations: measured as the process's CPU time, over real HTTP.</summary>
[Collection(nameof(AloneOnTheCpu))]
public sealed class CancellationTests : IAsyncLifetime
{
    /// <summary>
    /// Ten years of daily sessions of 20 short repeats: ≈ 0.1 s of CPU per simulation (the unit cancellation can stop
    /// at: one simulation runs to its end), ≈ 45 simulations for a goal, several seconds of CPU in all.
    /// </summary>
    private static readonly string HeavyPlan = "athlete: { sex: male, age: 30, mass_kg: 70, training_status: recreational }\nweeks: 520\nweek:\n"
        + string.Concat(new[] { "mon", "tue", "wed", "thu", "fri", "sat", "sun" }.Select(d => $"  - {{ day: {d}, run: {{ repeats: 20, seconds: 20, effort: interval, rest: \"0:20\" }} }}\n"));

    private LoopbackDashboard _dashboard = null!;

    public async ValueTask InitializeAsync() => _dashboard = await LoopbackDashboard.StartAsync();

    public ValueTask DisposeAsync() => _dashboard.DisposeAsync();

    [Fact]
    public async Task AnAbandonedGoalSearchStopsUsingCpuWithinASecond()
    {
        var process = Process.GetCurrentProcess();
        var started = process.TotalProcessorTime;
        // A client as a browser tab or curl is: a connection that sends the request and, giving up, closes (FIN).
        var address = _dashboard.Http.BaseAddress!;
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(address.Host, address.Port, TestContext.Current.CancellationToken);
        var body = System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { yaml = HeavyPlan, want = "quadriceps:+5", keep = Array.Empty<string>() }));
        var head = System.Text.Encoding.ASCII.GetBytes($"POST /api/goal HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
        var stream = client.GetStream();
        await stream.WriteAsync(head, TestContext.Current.CancellationToken);
        await stream.WriteAsync(body, TestContext.Current.CancellationToken);

        // The client gives up once the search is under way (0.3 s of CPU), or after 20 s however busy the machine is.
        var clock = Stopwatch.StartNew();
        while ((process.TotalProcessorTime - started).TotalSeconds < 0.3 && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            process.Refresh();
        }

        Assert.Equal(0, client.Available); // no answer yet: the search is still running
        client.Close();

        // A second after the client gave up, the search has stopped: the next two seconds use (almost) no CPU.
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        process.Refresh();
        var before = process.TotalProcessorTime;
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        process.Refresh();
        var used = (process.TotalProcessorTime - before).TotalSeconds;
        Assert.True(used < 0.3, $"the abandoned search still used {used:0.00} s of CPU in 2 s");
    }
}
