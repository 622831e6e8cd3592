using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using RunAdapt.Cluster;
using RunAdapt.Silo;
using RunAdapt.Web;

// runadapt-silo: a silo of the RunAdapt cluster, and the client commands that drive it.
var db = new Option<string>("--db") { Description = "The cluster's PostgreSQL database (Host=…;Database=…).", Required = true };
var cluster = new Option<string>("--cluster") { Description = "The cluster id (silos and clients of one cluster share it).", DefaultValueFactory = _ => "runadapt" };
var port = new Option<int>("--port") { Description = "Silo-to-silo port on loopback.", DefaultValueFactory = _ => 11111 };
var gateway = new Option<int>("--gateway") { Description = "Client gateway port on loopback.", DefaultValueFactory = _ => 30000 };
var address = new Option<string>("--address") { Description = "The address this silo listens on and other silos and clients reach it at (loopback by default; a host's own address beyond one machine).", DefaultValueFactory = _ => "127.0.0.1" };
var batchId = new Option<string?>("--id") { Description = "The batch id (a rerun with the same id carries on, never recomputes); a new one by default." };
var samples = new Option<int>("--samples") { Description = "Uncertainty draws per athlete (10–10000), 0 for none.", DefaultValueFactory = _ => 100 };
var parallel = new Option<int>("--parallel") { Description = "Athletes in flight at once across the cluster.", DefaultValueFactory = _ => 8 };
var at = new Option<string>("--at") { Description = "Time of day (UTC) of the nightly batch, HH:MM.", DefaultValueFactory = _ => "02:00" };
var athletes = new Option<int>("--athletes") { Description = "How many synthetic athletes to store.", Required = true };
var from = new Option<string[]>("--from") { Description = "Folders of real activity files whose runs are re-dated into each athlete's year.", Required = true, AllowMultipleArgumentsPerToken = true };
var weeks = new Option<int>("--weeks") { Description = "Weeks of history per athlete.", DefaultValueFactory = _ => 52 };

var silo = new Command("silo", "Run a silo until stopped (Ctrl-C or SIGTERM). Applies the cluster's schema first.") { db, cluster, port, gateway, address };
silo.SetAction(async (parse, cancellation) =>
{
    if (!System.Net.IPAddress.TryParse(parse.GetValue(address), out var listen))
    {
        Console.Error.WriteLine($"runadapt-silo: --address '{parse.GetValue(address)}' is not an IP address");
        return 2;
    }

    var settings = new ClusterSettings(parse.GetValue(db)!, parse.GetValue(cluster)!);
    await ClusterSchema.ApplyAsync(settings.ConnectionString, cancellation);
    var builder = Host.CreateApplicationBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    // The front end's heavy requests run here with the front end's own code, against the cluster's store.
    var work = new AthleteWork(settings.ConnectionString, RunAdapt.Core.Outcomes.MeasureCatalogue.Standard, new StoreGates(postgres: true));
    builder.UseOrleans(s => s.UseRunAdaptCluster(settings, parse.GetValue(port), parse.GetValue(gateway), work, listen));
    using var host = builder.Build();
    await host.StartAsync(cancellation);
    var name = host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
    Console.WriteLine($"silo {name} is up (cluster {settings.ClusterId})");
    await host.WaitForShutdownAsync(cancellation);
    return 0;
});

var batch = new Command("batch", "Re-simulate every athlete as one batch across the cluster, and wait for it; prints the throughput.") { db, cluster, batchId, samples, parallel };
batch.SetAction(async (parse, cancellation) =>
{
    await using var client = await ClusterClient.ConnectAsync(new ClusterSettings(parse.GetValue(db)!, parse.GetValue(cluster)!), cancellation);
    var id = parse.GetValue(batchId) ?? $"batch-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
    var clock = Stopwatch.StartNew();
    using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
    // While the batch runs, a reader asks for athletes' cached outcomes (what a page shows) five times a second.
    var probe = Probe(client, stop.Token);
    var progress = await client.RunBatchAsync(id, parse.GetValue(samples), parse.GetValue(parallel), p => Console.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0} s  {p.Done}/{p.Total}"), cancellation);
    await stop.CancelAsync();
    var latencies = (await probe).Order().ToList();
    var seconds = (progress.FinishedUtc!.Value - progress.StartedUtc).TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"batch {id}: {progress.Done} athletes in {seconds:0.0} s = {progress.Done / seconds:0.00} athletes/s ({client.Silos} silos, {parse.GetValue(samples)} draws each)"));
    if (latencies.Count > 0)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"latest-outcome reads during the batch: {latencies.Count}, p50 {latencies[latencies.Count / 2]:0.0} ms, p99 {latencies[(int)(latencies.Count * 0.99)]:0.0} ms"));
    }

    return 0;
});

var nightly = new Command("nightly", "Schedule the nightly re-simulation of every athlete (an Orleans reminder: it survives restarts and moves with the coordinator).") { db, cluster, at, samples, parallel };
nightly.SetAction(async (parse, cancellation) =>
{
    await using var client = await ClusterClient.ConnectAsync(new ClusterSettings(parse.GetValue(db)!, parse.GetValue(cluster)!), cancellation);
    var time = TimeSpan.ParseExact(parse.GetValue(at)!, @"hh\:mm", CultureInfo.InvariantCulture);
    await client.Coordinator.ScheduleNightly(time, parse.GetValue(samples), parse.GetValue(parallel));
    Console.WriteLine($"nightly batch at {time:hh\\:mm} UTC, {parse.GetValue(samples)} draws per athlete");
    return 0;
});

var seed = new Command("seed", "Load run only: store synthetic athletes, each a year of real runs re-dated, straight into the store.") { db, athletes, from, weeks };
seed.SetAction(async (parse, cancellation) =>
{
    var connection = parse.GetValue(db)!;
    await ClusterSchema.ApplyAsync(connection, cancellation);
    var clock = Stopwatch.StartNew();
    var (count, runs) = SyntheticAthletes.Store(new StoreAthleteData(connection), parse.GetValue(from)!, parse.GetValue(athletes), parse.GetValue(weeks), cancellation);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stored {count} athletes, {runs} runs, in {clock.Elapsed.TotalSeconds:0.0} s"));
    return 0;
});

var web = new Option<string>("--web") { Description = "The web front end's address (started with --cluster and --operators load-operator).", Required = true };
var uploaders = new Option<int>("--parallel-uploads") { Description = "Athletes uploading at once.", DefaultValueFactory = _ => 2 };
var upload = new Command("upload", "Load run only: sign up synthetic athletes (load-1…) on the web front end and upload each one's year of real runs as FIT files through the HTTP API.") { web, athletes, from, weeks, uploaders };
upload.SetAction((parse, cancellation) => WebLoad.UploadAsync(new Uri(parse.GetValue(web)!), parse.GetValue(from)!, parse.GetValue(athletes), parse.GetValue(weeks), parse.GetValue(uploaders), cancellation));
var webBatch = new Command("web-batch", "Load run only: run one batch through the web front end as its operator, reading athletes' history pages meanwhile; prints athletes/s and the pages' p50/p99.") { web, athletes, samples, parallel };
webBatch.SetAction((parse, cancellation) => WebLoad.BatchAsync(new Uri(parse.GetValue(web)!), parse.GetValue(athletes), parse.GetValue(samples), parse.GetValue(parallel), cancellation));

var library = new Option<string>("--library") { Description = "The evidence library's folder (the same path on every silo's host).", DefaultValueFactory = _ => "evidence" };
var folds = new Option<int>("--folds") { Description = "Folds of whole studies (2–100).", DefaultValueFactory = _ => 5 };
var evaluations = new Option<int>("--evaluations") { Description = "The most library runs per fit.", DefaultValueFactory = _ => 2000 };
var fit = new Option<string?>("--fit") { Description = "Comma-separated parameters to fit, instead of those marked 'fit: true' in parameters.yaml." };
var output = new Option<string?>("--out") { Description = "Also write the folds' fits (calibration.json's fold_fits) to this file." };
var calibrate = new Command("calibrate", "Fit the calibration's cross-validation folds across the cluster, one grain per fold (the same fits as 'runadapt calibrate' makes one after another).") { db, cluster, library, folds, evaluations, fit, output };
calibrate.SetAction(async (parse, cancellation) =>
{
    var names = parse.GetValue(fit) is { } list
        ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        : [.. RunAdapt.Core.Model.ModelParameters.Default.All.Where(p => p.Fit).Select(p => p.Name)];
    await using var client = await ClusterClient.ConnectAsync(new ClusterSettings(parse.GetValue(db)!, parse.GetValue(cluster)!), cancellation);
    var clock = Stopwatch.StartNew();
    var fits = await ClusterCalibration.RunAsync(client.Cluster, parse.GetValue(library)!, names, parse.GetValue(folds), parse.GetValue(evaluations), cancellation);
    foreach (var (foldFit, by) in fits)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fold {foldFit.Fold + 1}/{parse.GetValue(folds)} (held out {foldFit.HeldOut.Count} studies): objective {foldFit.Objective:0.0}, on {by}"));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{fits.Count} folds fitted in {clock.Elapsed.TotalSeconds:0.0} s"));
    if (parse.GetValue(output) is { } path)
    {
        await File.WriteAllTextAsync(path, System.Text.Json.JsonSerializer.Serialize(fits.Select(f => f.Fit), new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n", cancellation);
    }

    return 0;
});

static async Task<List<double>> Probe(ClusterClient client, CancellationToken stop)
{
    var latencies = new List<double>();
    var random = new Random(1);
    var ids = await new StoreAthleteData(client.Settings.ConnectionString).AthleteIdsAsync(stop);
    while (!stop.IsCancellationRequested && ids.Count > 0)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await client.Cluster.GetGrain<IAthleteGrain>(ids[random.Next(ids.Count)]).Latest().WaitAsync(stop);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            await Task.Delay(200, stop);
        }
        catch (OperationCanceledException)
        {
            break;
        }
        catch (Exception)
        {
            // A read that failed (the database away, a silo dying) is no latency; the batch's own retries show it.
            await Task.Delay(200, CancellationToken.None);
        }
    }

    return latencies;
}

return await new RootCommand("runadapt-silo: a silo of the RunAdapt cluster, and the commands that drive it.") { silo, batch, nightly, seed, upload, webBatch, calibrate }.Parse(args).InvokeAsync();
