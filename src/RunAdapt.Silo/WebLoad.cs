using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using RunAdapt.Activities.Fit;

namespace RunAdapt.Silo;

/// <summary>
/// The load run through the web front end's HTTP API (issue 14): synthetic athletes sign up and upload their year of
/// runs as FIT files, then an operator runs the nightly batch through the front end while athletes read their
/// history page; what a real platform's traffic would be, on loopback.
/// </summary>
internal static class WebLoad
{
    /// <summary>Every synthetic account's password (a load run's throwaway accounts on loopback).</summary>
    private const string Password = "load-run-password";

    /// <summary>The account the front end is started with as <c>--operators</c>.</summary>
    public const string Operator = "load-operator";

    /// <summary>Signs up athletes <c>load-1</c>…<c>load-N</c> and uploads each one's year (one request per athlete, as a runner uploads an export); skips athletes who have activities already.</summary>
    public static async Task<int> UploadAsync(Uri web, IReadOnlyList<string> folders, int athletes, int weeks, int parallel, CancellationToken cancellation)
    {
        var runs = SyntheticAthletes.RealRuns(folders);
        using var http = new HttpClient { BaseAddress = web, Timeout = TimeSpan.FromMinutes(10) };
        var clock = Stopwatch.StartNew();
        var files = 0;
        var uploaded = 0;
        var latencies = new List<double>();
        await Parallel.ForAsync(1, athletes + 1, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellation }, async (i, stop) =>
        {
            var token = await SignInAsync(http, $"load-{i}", stop);
            if ((await GetJsonAsync(http, "/api/history", token, stop)).GetArrayLength() > 0)
            {
                return;
            }

            var (profile, year) = SyntheticAthletes.Year(i, runs, weeks);
            var form = (await GetJsonAsync(http, "/api/athlete", token, stop)).Deserialize<JsonObject>()!;
            form["sex"] = profile.Sex.ToString().ToLowerInvariant();
            form["age"] = profile.AgeYears;
            form["mass_kg"] = profile.MassKilograms;
            form["training_status"] = profile.TrainingStatus.ToString().ToLowerInvariant();
            (await SendAsync(http, HttpMethod.Put, "/api/athlete", token, JsonContent.Create(form), stop)).Dispose();
            using var upload = new MultipartFormDataContent();
            foreach (var run in year)
            {
                upload.Add(new ByteArrayContent(FitEncoder.Encode(run.Activity)), "files", run.Name);
            }

            var started = Stopwatch.StartNew();
            using var answer = await SendAsync(http, HttpMethod.Post, "/api/upload", token, upload, stop);
            var results = await answer.Content.ReadFromJsonAsync<JsonElement>(stop);
            lock (latencies)
            {
                latencies.Add(started.Elapsed.TotalSeconds);
                files += results.EnumerateArray().Count(r => r.GetProperty("status").GetString() == "imported");
                uploaded++;
            }
        });
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"uploaded {uploaded} athletes, {files} FIT files imported, in {seconds:0.0} s = {files / seconds:0.0} files/s, {uploaded / seconds:0.00} athletes/s (one upload per athlete: p50 {Percentile(latencies, 0.5):0.0} s)"));
        return 0;
    }

    /// <summary>Starts a batch through the front end as the operator and follows it; meanwhile athletes read their history page five times a second.</summary>
    public static async Task<int> BatchAsync(Uri web, int athletes, int samples, int parallel, CancellationToken cancellation)
    {
        using var http = new HttpClient { BaseAddress = web, Timeout = TimeSpan.FromMinutes(2) };
        var token = await SignInAsync(http, Operator, cancellation);
        var readers = new List<string>();
        for (var i = 1; i <= Math.Min(athletes, 20); i++)
        {
            readers.Add(await SignInAsync(http, $"load-{i * Math.Max(1, athletes / 20)}", cancellation));
        }

        var id = FormattableString.Invariant($"load-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        using (var started = await SendAsync(http, HttpMethod.Post, "/api/batch", token, JsonContent.Create(new { id, samples, parallel }), cancellation))
        {
            started.EnsureSuccessStatusCode();
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var probe = ProbeAsync(http, readers, stop.Token);
        var clock = Stopwatch.StartNew();
        JsonElement progress;
        do
        {
            await Task.Delay(1000, cancellation);
            progress = await GetJsonAsync(http, "/api/batch", token, cancellation);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{clock.Elapsed.TotalSeconds,6:0.0} s  {progress.GetProperty("done")}/{progress.GetProperty("total")}"));
        }
        while (progress.GetProperty("finishedUtc").ValueKind == JsonValueKind.Null);

        await stop.CancelAsync();
        var latencies = await probe;
        var seconds = (progress.GetProperty("finishedUtc").GetDateTime() - progress.GetProperty("startedUtc").GetDateTime()).TotalSeconds;
        var done = progress.GetProperty("done").GetInt32();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"batch {id}: {done} athletes in {seconds:0.0} s = {done / seconds:0.00} athletes/s ({samples} draws each)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"history page (GET /api/history) during the batch: {latencies.Count} reads, p50 {Percentile(latencies, 0.5):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms"));
        return 0;
    }

    private static async Task<List<double>> ProbeAsync(HttpClient http, List<string> readers, CancellationToken stop)
    {
        var latencies = new List<double>();
        var random = new Random(1);
        while (!stop.IsCancellationRequested)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                using var answer = await SendAsync(http, HttpMethod.Get, "/api/history", readers[random.Next(readers.Count)], null, stop);
                await answer.Content.ReadAsByteArrayAsync(stop);
                if (answer.IsSuccessStatusCode)
                {
                    latencies.Add(clock.Elapsed.TotalMilliseconds);
                }

                await Task.Delay(200, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return latencies;
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];
    }

    private static async Task<string> SignInAsync(HttpClient http, string user, CancellationToken cancellation)
    {
        var credentials = new { user, password = Password };
        // A rerun finds the account there already (400); the sign-in below is what counts.
        (await http.PostAsJsonAsync("/api/register", credentials, cancellation)).Dispose();
        using var answer = await http.PostAsJsonAsync("/api/token", credentials, cancellation);
        if (answer.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{user}: cannot sign in ({(int)answer.StatusCode})");
        }

        return (await answer.Content.ReadFromJsonAsync<JsonElement>(cancellation)).GetProperty("accessToken").GetString()!;
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string path, string token, CancellationToken cancellation)
    {
        using var answer = await SendAsync(http, HttpMethod.Get, path, token, null, cancellation);
        answer.EnsureSuccessStatusCode();
        return await answer.Content.ReadFromJsonAsync<JsonElement>(cancellation);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string token, HttpContent? content, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request, cancellation);
    }
}
