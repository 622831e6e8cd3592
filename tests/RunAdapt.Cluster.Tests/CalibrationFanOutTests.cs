using System.Net;
using System.Net.Sockets;
using RunAdapt.Core.Model;
using RunAdapt.Evidence;

namespace RunAdapt.Cluster.Tests;

/// <summary>The calibration's folds fitted across silo processes, one grain each.</summary>
public sealed class CalibrationFanOutTests
{
    /// <summary>Every fold's fit on the cluster is the fit the local cross-validation makes for it (a tiny fit: two folds, three runs, one parameter, so the test is quick).</summary>
    [Fact]
    public async Task TheClustersFoldFitsAreTheLocalOnes()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var database = await ClusterDatabase.CreateAsync();
        var settings = new ClusterSettings(database.ConnectionString, $"test-{Guid.NewGuid():N}");
        using var a = await ClusterProcess.StartAsync(database.ConnectionString, settings.ClusterId, FreePort(), FreePort());
        using var b = await ClusterProcess.StartAsync(database.ConnectionString, settings.ClusterId, FreePort(), FreePort());
        await using var client = await ClusterClient.ConnectAsync(settings, cancellation);
        var library = Path.Combine(RepositoryRoot(), "evidence");
        var centre = ModelParameters.Default;
        string[] names = [.. centre.All.Where(p => p.Fit).Take(1).Select(p => p.Name)];
        const int Folds = 2, Evaluations = 3;

        var onCluster = await ClusterCalibration.RunAsync(client.Cluster, library, names, Folds, Evaluations, cancellation);

        var loaded = EvidenceLibrary.Load(library);
        var local = Enumerable.Range(0, Folds).Select(fold => CrossValidation.Fold(loaded, centre, Calibration.Fittable(centre, names), Folds, fold, Evaluations))
            .OfType<FoldFit>().ToList();
        Assert.Equal(local.Count, onCluster.Count);
        foreach (var (expected, (actual, _)) in local.Zip(onCluster))
        {
            Assert.Equal((expected.Fold, expected.Objective), (actual.Fold, actual.Objective));
            Assert.Equal(expected.HeldOut, actual.HeldOut);
            Assert.Equal(expected.Values.OrderBy(v => v.Key), actual.Values.OrderBy(v => v.Key));
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RunAdapt.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("RunAdapt.slnx not found");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
