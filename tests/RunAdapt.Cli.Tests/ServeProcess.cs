using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RunAdapt.Cli.Tests;

/// <summary>
/// A <c>runadapt serve</c> process on a free loopback port, as a user starts it (<c>dotnet runadapt.dll</c>, a
/// published apphost or an installed tool's shim): waits for the dashboard to answer, and stops serve with a signal.
/// </summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process _serve;
    private readonly List<int> _children = [];

    private ServeProcess(Process serve, string url)
    {
        _serve = serve;
        Url = url;
    }

    /// <summary>The dashboard's address.</summary>
    public string Url { get; }

    /// <summary>Starts <paramref name="program"/> <paramref name="args"/> <c>serve --urls URL --db</c> <paramref name="store"/> <paramref name="options"/>.</summary>
    public static ServeProcess Start(string program, string[] args, string store, params string[] options)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])[.. args, "serve", "--urls", url, "--db", store, .. options])
        {
            start.ArgumentList.Add(arg);
        }

        return new ServeProcess(Process.Start(start)!, url);
    }

    /// <summary>The dashboard's page, once it answers (or the test fails with serve's error if serve exits first).</summary>
    public async Task<string> PageAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (_serve.HasExited)
            {
                Assert.Fail($"serve exited with {_serve.ExitCode}: {await _serve.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}");
            }

            try
            {
                return await http.GetStringAsync(Url + "/", TestContext.Current.CancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(500, TestContext.Current.CancellationToken);
            }
        }

        Assert.Fail($"the dashboard did not answer on {Url} within two minutes");
        return "";
    }

    /// <summary>Sends serve a signal (<c>TERM</c>, <c>KILL</c>, ...) as <c>kill</c> does.</summary>
    public void Signal(string signal)
    {
        // Remember the dashboard process, to clean it up if the signal leaves it running (the failure tested for).
        foreach (var task in Directory.GetDirectories($"/proc/{_serve.Id}/task"))
        {
            _children.AddRange(File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse));
        }

        using var kill = Process.Start("kill", [$"-{signal}", _serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Serve's exit status, once it has exited.</summary>
    public async Task<int> ExitAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await _serve.WaitForExitAsync(timeout.Token);
        return _serve.ExitCode;
    }

    /// <summary>Whether something still accepts connections on the dashboard's port.</summary>
    public bool PortTaken()
    {
        using var client = new TcpClient();
        try
        {
            client.Connect(new Uri(Url).Host, new Uri(Url).Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Whether the port is free within <paramref name="seconds"/> (a dashboard shutting down takes a moment).</summary>
    public async Task<bool> PortFreedWithinAsync(int seconds)
    {
        for (var waited = 0; waited < seconds * 10; waited++)
        {
            if (!PortTaken())
            {
                return true;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return false;
    }

    /// <summary>Kills serve and anything it started, whatever the test did.</summary>
    public void Dispose()
    {
        if (!_serve.HasExited)
        {
            _serve.Kill(entireProcessTree: true);
            _serve.WaitForExit();
        }

        foreach (var id in _children)
        {
            try
            {
                using var child = Process.GetProcessById(id);
                child.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Already gone, as it should be.
            }
        }

        _serve.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
