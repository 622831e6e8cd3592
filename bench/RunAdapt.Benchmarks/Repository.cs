namespace RunAdapt.Benchmarks;

/// <summary>Finds files in the repository from wherever BenchmarkDotNet runs the benchmark.</summary>
internal static class Repository
{
    public static string Path(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "RunAdapt.slnx")))
        {
            dir = dir.Parent;
        }

        return System.IO.Path.Combine([dir?.FullName ?? throw new InvalidOperationException("RunAdapt.slnx not found"), .. parts]);
    }
}
