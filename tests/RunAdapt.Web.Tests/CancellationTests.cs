using System.Diagnostics;
using System.Net.Http.Json;

namespace RunAdapt.Web.Tests;

/// <summary>Runs alone (no other test class burns CPU meanwhile), so the process's CPU time is this test's.</summary>
[CollectionDefinition(nameof(AloneOnTheCpu), DisableParallelization = true)]
public sealed class AloneOnTheCpu;

/// <summary>An abandoned request stops the dashboard's simulations: measured as the process's CPU time, over real HTTP.</summary>
[Collection(nameof(AloneOnTheCpu))]
public sealed class CancellationTests : IAsyncLifetime
{
    /// <summary>Ten years of daily sessions of 100 short repeats: ≈ 0.5 s of CPU per simulation, ≈ 45 simulations for a goal.</summary>
    private static readonly string HeavyPlan = "athlete: { sex: male, age: 30, mass_kg: 70, training_status: recreational }\nweeks: 520\nweek:\n"
        + string.Concat(new[] { "mon", "tue", "wed", "thu", "fri", "sat", "sun" }.Select(d => $"  - {{ day: {d}, run: {{ repeats: 100, seconds: 20, effort: interval, rest: \"0:20\" }} }}\n"));

    private LoopbackDashboard _dashboard = null!;

    public async ValueTask InitializeAsync() => _dashboard = await LoopbackDashboard.StartAsync();

    public ValueTask DisposeAsync() => _dashboard.DisposeAsync();

    [Fact]
    public async Task AnAbandonedGoalSearchStopsUsingCpuWithinASecond()
    {
        var process = Process.GetCurrentProcess();
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var started = process.TotalProcessorTime;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _dashboard.Http.PostAsJsonAsync("/api/goal", new { yaml = HeavyPlan, want = "quadriceps:+5", keep = Array.Empty<string>() }, giveUp.Token));
        process.Refresh();
        // The search was under way (it takes tens of seconds of CPU in all) ...
        Assert.True((process.TotalProcessorTime - started).TotalSeconds > 0.5, $"the search used only {(process.TotalProcessorTime - started).TotalSeconds:0.00} s of CPU before the client gave up");

        // ... and a second after the client gave up it has stopped: the next two seconds use (almost) no CPU.
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        process.Refresh();
        var before = process.TotalProcessorTime;
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        process.Refresh();
        var used = (process.TotalProcessorTime - before).TotalSeconds;
        Assert.True(used < 0.3, $"the abandoned search still used {used:0.00} s of CPU in 2 s");
    }
}
