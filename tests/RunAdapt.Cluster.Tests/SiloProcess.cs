using System.Diagnostics;

namespace RunAdapt.Cluster.Tests;

/// <summary>A silo as a separate process (<c>runadapt-silo silo</c>), as it runs in production.</summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _up = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private SiloProcess(Process process) => _process = process;

    /// <summary>Starts a silo on loopback and waits until it has joined the cluster.</summary>
    public static async Task<SiloProcess> StartAsync(string connectionString, string clusterId, int port, int gateway)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "runadapt-silo.dll"), "silo", "--db", connectionString, "--cluster", clusterId, "--port", $"{port}", "--gateway", $"{gateway}"])
        {
            info.ArgumentList.Add(arg);
        }

        var silo = new SiloProcess(Process.Start(info)!);
        silo._process.OutputDataReceived += (_, e) =>
        {
            silo.Keep(e.Data);
            if (e.Data?.Contains("is up", StringComparison.Ordinal) == true)
            {
                silo._up.TrySetResult();
            }
        };
        silo._process.ErrorDataReceived += (_, e) => silo.Keep(e.Data);
        silo._process.BeginOutputReadLine();
        silo._process.BeginErrorReadLine();
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
