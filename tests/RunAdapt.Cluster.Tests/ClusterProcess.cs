using System.Diagnostics;

namespace RunAdapt.Cluster.Tests;

/// <summary>A silo (<c>runadapt-silo silo</c>) or the web front end (<c>RunAdapt.Web.dll --server</c>) as a separate process, as they run in production.</summary>
internal sealed class ClusterProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _up = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private ClusterProcess(Process process) => _process = process;

    /// <summary>Starts a silo on loopback and waits until it has joined the cluster.</summary>
    public static async Task<ClusterProcess> StartAsync(string connectionString, string clusterId, int port, int gateway)
    {
        var silo = Start(["runadapt-silo.dll", "silo", "--db", connectionString, "--cluster", clusterId, "--port", $"{port}", "--gateway", $"{gateway}"]);
        silo._process.OutputDataReceived += (_, e) =>
        {
            silo.Keep(e.Data);
            if (e.Data?.Contains("is up", StringComparison.Ordinal) == true)
            {
                silo._up.TrySetResult();
            }
        };
        silo.Listen();
        try
        {
            await silo._up.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            silo.Dispose();
            throw new TimeoutException($"silo on port {port} not up in 60 s; it said: {string.Join(" | ", silo._output)}");
        }

        return silo;
    }

    /// <summary>Starts the web front end in server mode as a client of the cluster (or, with <paramref name="cluster"/> false, on the same store without one), on loopback, and waits until it answers.</summary>
    public static async Task<ClusterProcess> StartWebAsync(string connectionString, string clusterId, int port, string operators, bool cluster = true)
    {
        string[] args = ["RunAdapt.Web.dll", "--urls", $"http://127.0.0.1:{port}", "--server", "true", "--db", connectionString];
        var web = Start(cluster ? [.. args, "--cluster", connectionString, "--cluster-id", clusterId, "--operators", operators, "--refresh-samples", "10"] : args);
        web._process.OutputDataReceived += (_, e) => web.Keep(e.Data);
        web.Listen();
        using var http = new HttpClient();
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                if ((await http.GetAsync(new Uri($"http://127.0.0.1:{port}/openapi/v1.json"), TestContext.Current.CancellationToken)).IsSuccessStatusCode)
                {
                    return web;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (web._process.HasExited)
            {
                break;
            }

            await Task.Delay(500, TestContext.Current.CancellationToken);
        }

        web.Dispose();
        throw new TimeoutException($"the web front end on port {port} did not answer in 60 s; it said: {string.Join(" | ", web._output)}");
    }

    private static ClusterProcess Start(string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, args[0]));
        foreach (var arg in args[1..])
        {
            info.ArgumentList.Add(arg);
        }

        return new ClusterProcess(Process.Start(info)!);
    }

    private void Listen()
    {
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    // The last lines the silo wrote, for a failure's message.
    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 20)
        {
            _output.TryDequeue(out _);
        }
    }

    /// <summary>Kills the process at once (no graceful leave), as a crash or a pulled plug would.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
