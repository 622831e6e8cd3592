using System.CommandLine;
using System.Diagnostics;

namespace RunAdapt.Cli.Commands;

/// <summary>
/// <c>runadapt serve [--db FILE] [--urls URL]</c>: the local dashboard. The dashboard is its own program
/// (RunAdapt.Web.dll, built next to runadapt.dll); this command starts it as a child process and waits, so the CLI
/// and the web code never reference each other (docs/ARCHITECTURE.md).
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
        var command = new Command("serve", "Start the local dashboard in the browser: upload activities, see the history, the body map and charts, run and compare scenarios.") { db, urls, hosts };
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

            var start = new ProcessStartInfo(DotnetHost()) { UseShellExecute = false };
            foreach (var arg in (string[])[dashboard, "--urls", address])
            {
                start.ArgumentList.Add(arg);
            }

            if (parse.GetValue(hosts) is { } allowed)
            {
                start.ArgumentList.Add("--allowed-hosts");
                start.ArgumentList.Add(allowed);
            }

            if (parse.GetValue(db) is { } location)
            {
                start.ArgumentList.Add("--db");
                start.ArgumentList.Add(location);
            }

            parse.InvocationConfiguration.Output.WriteLine($"RunAdapt dashboard on {address} (Ctrl+C stops it)");
            using var child = Process.Start(start) ?? throw new InputException($"{dashboard}: could not start the dashboard");

            // Ctrl+C reaches the child too (same process group); stay alive until it has shut down cleanly.
            Console.CancelKeyPress += (_, e) => e.Cancel = true;
            child.WaitForExit();
            return child.ExitCode == 0 ? CliApp.Success : CliApp.BadInput;
        });
        return command;
    }

    /// <summary>The dotnet host running this program (so the dashboard runs on the same runtime), else the one on PATH.</summary>
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
