using System.CommandLine;
using System.Diagnostics;
using System.Runtime.InteropServices;
using RunAdapt.Storage;

namespace RunAdapt.Cli.Commands;

/// <summary>
/// <c>runadapt serve [--db FILE] [--urls URL] [--server]</c>: the local dashboard, or with <c>--server</c> the
/// dashboard and API with accounts for many athletes (docs/SERVER.md). The dashboard is its own program
/// (RunAdapt.Web.dll, next to runadapt.dll in the build output, a <c>dotnet publish</c> folder and the .NET tool
/// package); this command starts it as a child process and waits, so the CLI and the web code never reference each
/// other (docs/ARCHITECTURE.md). Stopping serve stops the dashboard.
/// </summary>
internal static class ServeCommand
{
    private const string DashboardAssembly = "RunAdapt.Web.dll";

    public static Command Create()
    {
        var db = StoreOption.Create();
        var urls = new Option<string>("--urls")
        {
            Description = "Where the dashboard listens. Loopback only by default; give another address only on a network you trust.",
            DefaultValueFactory = _ => "http://127.0.0.1:5000",
        };
        var hosts = new Option<string?>("--allowed-hosts")
        {
            Description = "Host names the dashboard answers to besides loopback and the --urls addresses (comma-separated), e.g. a name for this machine on your network.",
        };
        var server = new Option<bool>("--server")
        {
            Description = "Serve many athletes with accounts (sign-in, bearer tokens for the API, coaches' access) from --db, a PostgreSQL store; without it, the single-user dashboard with no login.",
        };
        var cluster = new Option<string?>("--cluster")
        {
            Description = "With --server: send the heavy work (simulations, bands, goal searches, re-simulation after an upload) to the Orleans cluster on this PostgreSQL database (Host=...;Database=..., the same database as --db; docs/SCALE.md).",
        };
        var clusterId = new Option<string?>("--cluster-id") { Description = "The cluster's id (as its silos' --cluster); runadapt by default." };
        var operators = new Option<string?>("--operators") { Description = "With --cluster: accounts (comma-separated) that may start and follow a batch of every athlete (POST/GET /api/batch)." };
        var command = new Command("serve", "Start the local dashboard in the browser: upload activities, see the history, the body map and charts, run and compare scenarios.") { db, urls, hosts, server, cluster, clusterId, operators };
        command.SetAction(int (parse) =>
        {
            var address = parse.GetValue(urls)!;
            if (!Uri.TryCreate(address.Split(';')[0], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new UsageException($"--urls {address}: expected an address such as http://127.0.0.1:5000");
            }

            var dashboard = Path.Combine(AppContext.BaseDirectory, DashboardAssembly);
            if (!File.Exists(dashboard))
            {
                throw new InputException($"{dashboard}: the dashboard is missing from this installation (build the solution, or reinstall runadapt)");
            }

            // The dashboard stops when its standard input ends: when this command closes it on a signal, and also when
            // this process dies without a chance to (SIGKILL), so it never outlives serve holding the port.
            var start = new ProcessStartInfo(DotnetHost()) { UseShellExecute = false, RedirectStandardInput = true };
            foreach (var arg in (string[])[dashboard, "--urls", address, "--stop-when-input-ends", "true"])
            {
                start.ArgumentList.Add(arg);
            }

            if (parse.GetValue(hosts) is { } allowed)
            {
                start.ArgumentList.Add("--allowed-hosts");
                start.ArgumentList.Add(allowed);
            }

            if (parse.GetValue(server))
            {
                if (parse.GetValue(db) is null)
                {
                    throw new UsageException("--server needs --db: the store that holds the accounts and every athlete's data (postgres://USER@HOST/DB)");
                }

                start.ArgumentList.Add("--server");
                start.ArgumentList.Add("true");
            }

            if (parse.GetValue(cluster) is { } clusterDb)
            {
                if (!parse.GetValue(server))
                {
                    throw new UsageException("--cluster needs --server: the single-user dashboard runs everything itself");
                }

                RequireSameDatabase(parse.GetValue(db)!, clusterDb);

                foreach (var (name, value) in (ReadOnlySpan<(string, string?)>)[("--cluster", clusterDb), ("--cluster-id", parse.GetValue(clusterId)), ("--operators", parse.GetValue(operators))])
                {
                    if (value is not null)
                    {
                        start.ArgumentList.Add(name);
                        start.ArgumentList.Add(value);
                    }
                }
            }

            if (parse.GetValue(db) is { } location)
            {
                start.ArgumentList.Add("--db");
                start.ArgumentList.Add(location);
            }

            parse.InvocationConfiguration.Output.WriteLine($"RunAdapt dashboard on {address} (Ctrl+C stops it)");
            using var child = Process.Start(start) ?? throw new InputException($"{dashboard}: could not start the dashboard");

            // Ctrl+C, kill (SIGTERM) or a closed terminal (SIGHUP): tell the dashboard to stop, and stay alive until it
            // has shut down and freed the port.
            void Stop(PosixSignalContext signal)
            {
                signal.Cancel = true;
                child.StandardInput.Close();
            }

            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);
            child.WaitForExit();
            return child.ExitCode == 0 ? CliApp.Success : CliApp.BadInput;
        });
        return command;
    }

    /// <summary>
    /// Refuses a <c>--cluster</c> that names another database than <c>--db</c>, whatever their syntax: the silos read the
    /// athletes from the cluster's database and write their batch results there, and deleting an account clears the
    /// athlete's rows from the store's database only (docs/SCALE.md), so two databases would compute other athletes than
    /// the front end serves and keep a deleted account's results.
    /// </summary>
    /// <param name="store">The <c>--db</c> location.</param>
    /// <param name="cluster">The <c>--cluster</c> connection string.</param>
    /// <exception cref="UsageException">Either is not a PostgreSQL connection string, or they name different databases.</exception>
    internal static void RequireSameDatabase(string store, string cluster)
    {
        if (!AthleteStore.IsServer(store))
        {
            throw new UsageException("--cluster needs a PostgreSQL --db (postgres://USER@HOST/DB): the silos read the athletes from that database and store the cluster's results in it");
        }

        if (!AthleteStore.IsServer(cluster))
        {
            throw new UsageException("--cluster: expected a PostgreSQL connection string (Host=HOST;Database=DB), the same database as --db");
        }

        var (stored, clustered) = (Database("--db", store), Database("--cluster", cluster));
        if (stored != clustered)
        {
            throw new UsageException($"--cluster names database {clustered} but --db names {stored}: the cluster's results live in the store's database, so both must name the same one");
        }
    }

    /// <summary>The database an option names; a connection string that does not parse is the caller's mistake.</summary>
    private static ServerDatabase Database(string option, string location)
    {
        try
        {
            return ServerDatabase.Of(location);
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException)
        {
            throw new UsageException($"{option}: not a valid PostgreSQL connection string ({e.Message})");
        }
    }

    /// <summary>
    /// The dotnet host running this program, so the dashboard runs on the same runtime: this process itself when started
    /// as <c>dotnet runadapt.dll</c>; else (an apphost, or a .NET tool's shim) the host at the root of the runtime in use;
    /// else the one on PATH.
    /// </summary>
    private static string DotnetHost()
    {
        if (Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet")
        {
            return path;
        }

        // The runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/; the host is <root>/dotnet.
        var root = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var host = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(host) ? host : "dotnet";
    }
}
