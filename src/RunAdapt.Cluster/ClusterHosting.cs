using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;

namespace RunAdapt.Cluster;

/// <summary>Where a silo or client finds its cluster.</summary>
/// <param name="ConnectionString">The cluster's PostgreSQL database (<c>Host=…</c>): membership, grain state, reminders, results and, today, the athletes' stores.</param>
/// <param name="ClusterId">Silos and clients of one cluster share it.</param>
public sealed record ClusterSettings(string ConnectionString, string ClusterId = "runadapt")
{
    /// <summary>Stays the same across deployments: grain state and reminders are keyed by it.</summary>
    public const string ServiceId = "runadapt";
}

/// <summary>Wires a silo or a client to the cluster: ADO.NET clustering, grain storage and reminders on one PostgreSQL.</summary>
public static class ClusterHosting
{
    /// <summary>The grain storage provider's name.</summary>
    public const string StorageName = "runadapt";

    private const string Invariant = "Npgsql";

    /// <summary>Configures a silo listening on loopback (or <paramref name="address"/>) with the cluster's providers and RunAdapt's services.</summary>
    /// <param name="silo">The silo builder.</param>
    /// <param name="settings">The cluster.</param>
    /// <param name="siloPort">Silo-to-silo port.</param>
    /// <param name="gatewayPort">Client gateway port.</param>
    /// <param name="work">The web front end's heavy requests, computed by the athletes' grains.</param>
    /// <param name="address">The address other silos and clients reach it on; loopback by default.</param>
    public static ISiloBuilder UseRunAdaptCluster(this ISiloBuilder silo, ClusterSettings settings, int siloPort, int gatewayPort, IAthleteWork work, IPAddress? address = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(settings);
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, ClusterSettings.ServiceId))
            .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (Invariant, settings.ConnectionString))
            .AddAdoNetGrainStorage(StorageName, o => (o.Invariant, o.ConnectionString) = (Invariant, settings.ConnectionString))
            .UseAdoNetReminderService(o => (o.Invariant, o.ConnectionString) = (Invariant, settings.ConnectionString))
            .Configure<SiloOptions>(o => o.SiloName = FormattableString.Invariant($"silo-{siloPort}"))
            .ConfigureEndpoints(address ?? IPAddress.Loopback, siloPort, gatewayPort, listenOnAnyHostAddress: false)
            // A killed silo is declared dead after two missed 2-second probes (defaults: three of 5 s), so its athletes move on sooner.
            .Configure<ClusterMembershipOptions>(o => (o.ProbeTimeout, o.NumMissedProbesLimit) = (TimeSpan.FromSeconds(2), 2))
            // Athletes with a year of history and 100 draws take seconds each, more while the silo is saturated.
            .Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(2));
        silo.Services.AddSingleton<IAthleteData>(new StoreAthleteData(settings.ConnectionString))
            .AddSingleton(new BatchResults(settings.ConnectionString))
            .AddSingleton(work);
        return silo;
    }

    /// <summary>Configures a client (the web front end, the batch command) that reaches the silos' gateways found in the membership table.</summary>
    /// <param name="client">The client builder.</param>
    /// <param name="settings">The cluster.</param>
    public static IClientBuilder UseRunAdaptCluster(this IClientBuilder client, ClusterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        return client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, ClusterSettings.ServiceId))
            .UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = (Invariant, settings.ConnectionString))
            .Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5))
            // A page's goal search or bands are hundreds of simulations, on a silo that may be busy with a batch.
            .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(2));
    }
}
