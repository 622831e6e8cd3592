using System.Xml.Linq;

namespace RunAdapt.Cli.Tests;

/// <summary>The parts depend on each other only along the data flow (docs/ARCHITECTURE.md).</summary>
public sealed class ArchitectureTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["RunAdapt.Core"] = [],
        ["RunAdapt.Activities"] = [],
        ["RunAdapt.Analysis"] = ["RunAdapt.Core", "RunAdapt.Activities"],
        ["RunAdapt.Storage"] = ["RunAdapt.Core", "RunAdapt.Activities", "RunAdapt.Analysis"],
        ["RunAdapt.Reports"] = ["RunAdapt.Core"],
        ["RunAdapt.Evidence"] = ["RunAdapt.Core"],
        // Cluster only so that the dashboard 'serve' starts finds its Orleans client beside it; the CLI's code does not use it.
        ["RunAdapt.Cli"] = ["RunAdapt.Core", "RunAdapt.Activities", "RunAdapt.Analysis", "RunAdapt.Storage", "RunAdapt.Reports", "RunAdapt.Evidence", "RunAdapt.Cluster"],
        // The web front end is a cluster client: it sends the heavy work to the athletes' grains with --cluster.
        ["RunAdapt.Web"] = ["RunAdapt.Core", "RunAdapt.Activities", "RunAdapt.Analysis", "RunAdapt.Storage", "RunAdapt.Reports", "RunAdapt.Cluster"],
        // The cluster reads athletes through its own seam (IAthleteData) over the store, and fits calibration folds (Evidence); the silo program adds the load run's import.
        ["RunAdapt.Cluster"] = ["RunAdapt.Core", "RunAdapt.Storage", "RunAdapt.Evidence"],
        // The silo runs the front end's heavy requests with the front end's own code (RunAdapt.Web's AthleteWork).
        ["RunAdapt.Silo"] = ["RunAdapt.Core", "RunAdapt.Activities", "RunAdapt.Analysis", "RunAdapt.Storage", "RunAdapt.Cluster", "RunAdapt.Web"],
    };

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RunAdapt.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("RunAdapt.slnx not found above the test binaries");
    }

    /// <summary>Project references whose assembly is compiled against (build-only references don't count).</summary>
    private static Dictionary<string, string[]> ProjectGraph()
    {
        var graph = new Dictionary<string, string[]>();
        foreach (var csproj in Directory.GetFiles(Path.Combine(RepositoryRoot(), "src"), "*.csproj", SearchOption.AllDirectories))
        {
            var refs = XDocument.Load(csproj).Descendants("ProjectReference")
                .Where(r => !string.Equals((string?)r.Attribute("ReferenceOutputAssembly") ?? (string?)r.Element("ReferenceOutputAssembly"), "false", StringComparison.OrdinalIgnoreCase))
                .Select(r => Path.GetFileNameWithoutExtension((string)r.Attribute("Include")!))
                .ToArray();
            graph[Path.GetFileNameWithoutExtension(csproj)] = refs;
        }

        return graph;
    }

    [Fact]
    public void EveryPartIsKnown() =>
        Assert.Equal(Allowed.Keys.Order(), ProjectGraph().Keys.Order());

    [Fact]
    public void ReferencesFollowTheDataFlow()
    {
        foreach (var (project, refs) in ProjectGraph())
        {
            var forbidden = refs.Except(Allowed[project]).ToArray();
            Assert.True(forbidden.Length == 0, $"{project} must not reference {string.Join(", ", forbidden)}");
        }
    }

    [Fact]
    public void TheGraphHasNoCycles()
    {
        var graph = ProjectGraph();
        var done = new HashSet<string>();
        void Visit(string node, HashSet<string> path)
        {
            Assert.True(path.Add(node), $"cycle through {node}");
            foreach (var next in graph.GetValueOrDefault(node, []))
            {
                if (!done.Contains(next))
                {
                    Visit(next, path);
                }
            }

            path.Remove(node);
            done.Add(node);
        }

        foreach (var node in graph.Keys)
        {
            Visit(node, []);
        }
    }
}
