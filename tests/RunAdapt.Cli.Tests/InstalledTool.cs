using System.Diagnostics;

namespace RunAdapt.Cli.Tests;

/// <summary>
/// RunAdapt installed as a new user installs it (README, Install), in a clean temporary folder: the sources copied
/// without any build output, <c>dotnet pack</c> of the CLI, <c>dotnet tool install --tool-path</c> from that package,
/// and <c>dotnet publish</c> of the CLI beside it.
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("runadapt-install-");

    /// <summary>The installed tool's command (the shim <c>dotnet tool install</c> puts on the PATH).</summary>
    public string Tool => Path.Combine(_folder.FullName, "tools", "runadapt");

    /// <summary>The folder <c>dotnet publish</c> wrote.</summary>
    public string Published => Path.Combine(_folder.FullName, "publish");

    /// <summary>A scratch folder inside the installation's temporary folder.</summary>
    public string Scratch(string name) => Directory.CreateDirectory(Path.Combine(_folder.FullName, "scratch", name)).FullName;

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        var source = Path.Combine(_folder.FullName, "source");
        CopySources(CliRun.Root, source);
        var nupkg = Path.Combine(_folder.FullName, "nupkg");
        await DotnetAsync(source, "pack", "src/RunAdapt.Cli", "-c", "Release", "-o", nupkg);
        await DotnetAsync(source, "publish", "src/RunAdapt.Cli", "-c", "Release", "--no-build", "-o", Published);
        var version = Path.GetFileNameWithoutExtension(Directory.GetFiles(nupkg, "runadapt.*.nupkg").Single())["runadapt.".Length..];
        await DotnetAsync(_folder.FullName, "tool", "install", "--tool-path", Path.Combine(_folder.FullName, "tools"), "--add-source", nupkg, "runadapt", "--version", version);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _folder.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs a program to its end; fails the test with its output if it fails.</summary>
    public static async Task<string> RunAsync(string workingDirectory, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // No build servers left behind, no network revocation checks (ci/env.sh), plain output.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["NUGET_CERT_REVOCATION_MODE"] = "offline";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["CI"] = "true";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        return await output;
    }

    private static Task<string> DotnetAsync(string workingDirectory, params string[] args) => RunAsync(workingDirectory, "dotnet", args);

    /// <summary>What building needs: the sources and the repository-wide build settings, no bin/ or obj/.</summary>
    private static void CopySources(string root, string target)
    {
        foreach (var file in (string[])["Directory.Build.props", "Directory.Packages.props", "global.json"])
        {
            Directory.CreateDirectory(target);
            File.Copy(Path.Combine(root, file), Path.Combine(target, file));
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file);
            if (relative.Split(Path.DirectorySeparatorChar) is var parts && (parts.Contains("bin") || parts.Contains("obj")))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
            File.Copy(file, Path.Combine(target, relative));
        }
    }
}
