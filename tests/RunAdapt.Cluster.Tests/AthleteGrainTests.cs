using System.Net;
using System.Net.Sockets;

namespace RunAdapt.Cluster.Tests;

/// <summary>An athlete grain on silo processes: its work, and its outcome kept when its silo dies.</summary>
public sealed class AthleteGrainTests
{
    /// <summary>The latest outcome is in grain storage: after the silo that computed it dies, the other silo answers it without simulating.</summary>
    [Fact]
    public async Task TheLatestOutcomeOutlivesTheSiloThatComputedIt()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var database = await ClusterDatabase.CreateAsync();
        database.StoreAthletes(2);
        var settings = new ClusterSettings(database.ConnectionString, $"test-{Guid.NewGuid():N}");
        var ports = new[] { FreePort(), FreePort() };
        using var a = await ClusterProcess.StartAsync(database.ConnectionString, settings.ClusterId, ports[0], FreePort());
        using var b = await ClusterProcess.StartAsync(database.ConnectionString, settings.ClusterId, ports[1], FreePort());
        await using var client = await ClusterClient.ConnectAsync(settings, cancellation);
        var athlete = client.Cluster.GetGrain<IAthleteGrain>(2);
        Assert.Null(await athlete.Latest());
        var outcome = await athlete.Simulate(10);
        Assert.NotNull(outcome);
        Assert.InRange(outcome.Sessions, 200, 210);
        Assert.InRange(outcome.Vo2Max, outcome.Vo2MaxLow!.Value - 0.5, outcome.Vo2MaxHigh!.Value + 0.5);
        Assert.Null(await client.Cluster.GetGrain<IAthleteGrain>(99).Simulate(0));

        (outcome.Silo == $"silo-{ports[0]}" ? a : b).Kill();
        // Until the cluster declares the silo dead, calls to the athlete fail; then it activates on the other silo.
        AthleteOutcome? kept = null;
        for (var attempt = 0; kept is null && attempt < 60; attempt++)
        {
            try
            {
                kept = await athlete.Latest();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await Task.Delay(1000, cancellation);
            }
        }

        Assert.Equal(outcome, kept);
        // Re-analysis after an import forgets the cached outcome (logged runs have no activity to analyse again).
        Assert.Equal(0, await athlete.Reanalyse());
        Assert.Null(await athlete.Latest());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
