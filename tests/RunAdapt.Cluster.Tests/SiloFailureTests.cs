using System.Net;
using System.Net.Sockets;

namespace RunAdapt.Cluster.Tests;

/// <summary>Three silos as separate processes and a client on loopback, against CI's PostgreSQL.</summary>
public sealed class SiloFailureTests
{
    private const int Athletes = 48;

    /// <summary>
    /// A silo killed in the middle of a nightly-style batch: every athlete's result is stored once (none lost, none
    /// duplicated, none computed twice) and the batch finishes on the two silos left.
    /// </summary>
    [Fact]
    public async Task KillingOneOfThreeSilosMidBatchStoresEveryAthletesResultExactlyOnce()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Say(string what) => TestContext.Current.TestOutputHelper?.WriteLine($"{clock.Elapsed.TotalSeconds,5:0.0} s  {what}");
        await using var database = await ClusterDatabase.CreateAsync();
        database.StoreAthletes(Athletes);
        Say($"{Athletes} athletes stored");
        var clusterId = $"test-{Guid.NewGuid():N}";
        var silos = new List<SiloProcess>();
        var ports = new List<int>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                ports.Add(FreePort());
                silos.Add(await SiloProcess.StartAsync(database.ConnectionString, clusterId, ports[^1], FreePort()));
            }

            Say("three silos up");
            await using var client = await ClusterClient.ConnectAsync(new ClusterSettings(database.ConnectionString, clusterId), cancellation);
            Assert.Equal(3, (await client.Cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellation)).Count);
            int? doneAtKill = null;
            var killed = "";
            var progress = await client.RunBatchAsync("kill-test", samples: 10, parallelism: 6, p =>
            {
                Say($"{p.Done}/{p.Total}");
                if (doneAtKill is null && p.Done >= Athletes / 4)
                {
                    // The silo that has stored the most results so far: one that surely holds athletes and work in flight.
                    killed = database.Scalar<string>("select silo from runadapt_batch_results group by silo order by count(*) desc, silo limit 1");
                    doneAtKill = p.Done;
                    silos[ports.IndexOf(int.Parse(killed["silo-".Length..], System.Globalization.CultureInfo.InvariantCulture))].Kill();
                    Say($"{killed} killed");
                }
            }, cancellation).WaitAsync(TimeSpan.FromMinutes(2), cancellation);

            Assert.InRange(doneAtKill ?? Athletes, Athletes / 4, Athletes - 1);
            Assert.Equal((Athletes, Athletes), (progress.Total, progress.Done));
            Assert.Equal(Athletes, await database.ScalarAsync<long>("select count(*) from runadapt_batch_results where batch_id = 'kill-test'"));
            Assert.Equal(Athletes, await database.ScalarAsync<long>("select count(distinct athlete_id) from runadapt_batch_results where batch_id = 'kill-test' and athlete_id between 1 and 48"));
            // A second write of a stored result counts in 'writes': none means no athlete was computed and stored twice.
            Assert.Equal(0, await database.ScalarAsync<long>("select count(*) from runadapt_batch_results where writes <> 1"));
            // The two silos left did the rest.
            Assert.Equal(2, await database.ScalarAsync<long>($"select count(distinct silo) from runadapt_batch_results where silo <> '{killed}'"));
        }
        finally
        {
            silos.ForEach(s => s.Dispose());
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
