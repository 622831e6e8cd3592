using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using RunAdapt.Web;

namespace RunAdapt.Cluster.Tests;

/// <summary>Three silos and the web front end as separate processes on loopback, against CI's PostgreSQL.</summary>
public sealed class SiloFailureTests
{
    private const int Athletes = 48;

    /// <summary>
    /// The front end sends an athlete's heavy work to the cluster (the same answer as computed in-process), and a
    /// batch started and followed through the front end survives a silo killed in its middle: every athlete's result
    /// is stored once (none lost, none duplicated, none computed twice) and the batch finishes on the two silos left.
    /// </summary>
    [Fact]
    public async Task KillingOneOfThreeSilosMidBatchStartedThroughTheWebStoresEveryAthletesResultExactlyOnce()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Say(string what) => TestContext.Current.TestOutputHelper?.WriteLine($"{clock.Elapsed.TotalSeconds,5:0.0} s  {what}");
        await using var database = await ClusterDatabase.CreateAsync();
        database.StoreAthletes(Athletes);
        Say($"{Athletes} athletes stored");
        var clusterId = $"test-{Guid.NewGuid():N}";
        var processes = new List<ClusterProcess>();
        var ports = new List<int>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                ports.Add(FreePort());
                processes.Add(await ClusterProcess.StartAsync(database.ConnectionString, clusterId, ports[^1], FreePort()));
            }

            var webPort = FreePort();
            processes.Add(await ClusterProcess.StartWebAsync(database.ConnectionString, clusterId, webPort, "operator"));
            Say("three silos and the web front end up");
            using var web = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}") };
            var operatorToken = await SignUp(web, "operator", cancellation);
            var runnerToken = await SignUp(web, "runner", cancellation);

            // An athlete's upload through the front end: its grain re-simulates it on the cluster, and its heavy
            // requests are answered there, byte for byte as the front end computes them without a cluster.
            using var upload = new MultipartFormDataContent
            {
                { new ByteArrayContent(await File.ReadAllBytesAsync(Fixture("activity-small-fenix2-run.fit"), cancellation)), "files", "run.fit" },
            };
            Assert.Equal(HttpStatusCode.OK, (await Send(web, HttpMethod.Post, "/api/upload", runnerToken, upload, cancellation)).StatusCode);
            var runnerId = (await (await Send(web, HttpMethod.Get, "/api/session", runnerToken, null, cancellation)).Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("athlete_id").GetInt64();
            HttpResponseMessage latest;
            while ((latest = await Send(web, HttpMethod.Get, "/api/history/latest", runnerToken, null, cancellation)).StatusCode == HttpStatusCode.NotFound)
            {
                await Task.Delay(250, cancellation);
            }

            Assert.StartsWith("silo-", (await latest.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("silo").GetString(), StringComparison.Ordinal);
            var onCluster = await (await Send(web, HttpMethod.Get, "/api/history/outcome", runnerToken, null, cancellation)).Content.ReadAsStringAsync(cancellation);
            var inProcess = await new AthleteWork(database.ConnectionString, Core.Outcomes.MeasureCatalogue.Standard, new StoreGates(postgres: true))
                .RunAsync(runnerId, new WorkRequest(WorkKind.HistoryOutcome), cancellation);
            Assert.Equal(inProcess.Body, onCluster);
            Say("an upload re-simulated and its outcome answered on the cluster");

            // Only an operator starts or follows a batch.
            Assert.Equal(HttpStatusCode.Forbidden, (await Send(web, HttpMethod.Get, "/api/batch", runnerToken, null, cancellation)).StatusCode);
            var started = await Send(web, HttpMethod.Post, "/api/batch", operatorToken, JsonContent.Create(new { id = "kill-test", samples = 10, parallel = 6 }), cancellation);
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            int? doneAtKill = null;
            var killed = "";
            var total = 0;
            var finished = false;
            while (!finished)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromMinutes(4), "the batch did not finish in time");
                await Task.Delay(1000, cancellation);
                // While the killed silo held the coordinator, the front end's call fails until the cluster moves it.
                using var answer = await Send(web, HttpMethod.Get, "/api/batch", operatorToken, null, cancellation);
                if (!answer.IsSuccessStatusCode)
                {
                    Say($"progress: {(int)answer.StatusCode}");
                    continue;
                }

                var progress = await answer.Content.ReadFromJsonAsync<JsonElement>(cancellation);
                var done = progress.GetProperty("done").GetInt32();
                total = progress.GetProperty("total").GetInt32();
                finished = progress.GetProperty("finishedUtc").ValueKind != JsonValueKind.Null;
                Say($"{done}/{total}");
                if (doneAtKill is null && total > 0 && done >= total / 4)
                {
                    // The silo that has stored the most results so far: one that surely holds athletes and work in flight.
                    killed = await database.ScalarAsync<string>("select silo from runadapt_batch_results where batch_id = 'kill-test' group by silo order by count(*) desc, silo limit 1");
                    doneAtKill = done;
                    processes[ports.IndexOf(int.Parse(killed["silo-".Length..], System.Globalization.CultureInfo.InvariantCulture))].Kill();
                    Say($"{killed} killed");
                }
            }

            // Every athlete: the 48 stored and the two accounts' own.
            Assert.Equal(Athletes + 2, total);
            Assert.InRange(doneAtKill ?? total, total / 4, total - 1);
            Assert.Equal(total, await database.ScalarAsync<long>("select count(*) from runadapt_batch_results where batch_id = 'kill-test'"));
            Assert.Equal(total, await database.ScalarAsync<long>("select count(distinct athlete_id) from runadapt_batch_results where batch_id = 'kill-test'"));
            // A second write of a stored result counts in 'writes': none means no athlete was computed and stored twice.
            Assert.Equal(0, await database.ScalarAsync<long>("select count(*) from runadapt_batch_results where writes <> 1"));
            // The two silos left did the rest.
            Assert.Equal(2, await database.ScalarAsync<long>($"select count(distinct silo) from runadapt_batch_results where batch_id = 'kill-test' and silo <> '{killed}'"));
        }
        finally
        {
            processes.ForEach(s => s.Dispose());
        }
    }

    internal static async Task<string> SignUp(HttpClient web, string user, CancellationToken cancellation)
    {
        var credentials = new { user, password = "a long enough password" };
        Assert.Equal(HttpStatusCode.OK, (await web.PostAsJsonAsync("/api/register", credentials, cancellation)).StatusCode);
        var token = await (await web.PostAsJsonAsync("/api/token", credentials, cancellation)).Content.ReadFromJsonAsync<JsonElement>(cancellation);
        return token.GetProperty("accessToken").GetString()!;
    }

    internal static async Task<HttpResponseMessage> Send(HttpClient web, HttpMethod method, string path, string token, HttpContent? content, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await web.SendAsync(request, cancellation);
    }

    internal static string Fixture(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RunAdapt.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("RunAdapt.slnx not found"), "tests", "fixtures", "activities", "fit", name);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
