using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
namespace RunAdapt.Cluster;

/// <summary>A connected cluster client and the batch loop the commands and tests share.</summary>
public sealed class ClusterClient : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterClient(IHost host, ClusterSettings settings) => (_host, Settings) = (host, settings);

    /// <summary>The cluster it is connected to.</summary>
    public ClusterSettings Settings { get; }

    /// <summary>The grains.</summary>
    public IClusterClient Cluster => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>The batch coordinator (one for the cluster).</summary>
    public IBatchCoordinatorGrain Coordinator => Cluster.GetGrain<IBatchCoordinatorGrain>("nightly");

    /// <summary>Active silos when the batch ended.</summary>
    public int Silos { get; private set; }

    /// <summary>Connects to the cluster's gateways.</summary>
    /// <param name="settings">The cluster.</param>
    /// <param name="cancellation">Stops connecting.</param>
    public static async Task<ClusterClient> ConnectAsync(ClusterSettings settings, CancellationToken cancellation)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(c => c.UseRunAdaptCluster(settings));
        var host = builder.Build();
        await host.StartAsync(cancellation);
        return new ClusterClient(host, settings);
    }

    /// <summary>Starts (or carries on with) a batch and waits for it, telling its progress every second.</summary>
    /// <param name="batchId">The batch.</param>
    /// <param name="samples">Uncertainty draws per athlete.</param>
    /// <param name="parallelism">Athletes in flight at once.</param>
    /// <param name="report">Told the progress every second.</param>
    /// <param name="cancellation">Stops waiting (the batch goes on).</param>
    public async Task<BatchProgress> RunBatchAsync(string batchId, int samples, int parallelism, Action<BatchProgress> report, CancellationToken cancellation)
    {
        await Retry(() => Coordinator.Start(batchId, samples, parallelism), cancellation);
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
            var progress = await Retry(Coordinator.Progress, cancellation);
            report(progress);
            if (progress.BatchId == batchId && progress.FinishedUtc is not null)
            {
                Silos = (await Cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;
                return progress;
            }
        }
    }

    // The coordinator's silo may die under a call: the next try activates it elsewhere, and Start carries the batch on.
    private static async Task<T> Retry<T>(Func<Task<T>> call, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (attempt < 60 && e is not OperationCanceledException)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellation);
            }
        }
    }

    private static Task Retry(Func<Task> call, CancellationToken cancellation) => Retry(async () => { await call(); return true; }, cancellation);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
