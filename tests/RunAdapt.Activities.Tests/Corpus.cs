namespace RunAdapt.Activities.Tests;

/// <summary>Paths into the repository's fixture corpus and tools.</summary>
internal static class Corpus
{
    public static string Root { get; } = FindRoot();

    public static string Activities => Path.Combine(Root, "tests", "fixtures", "activities");

    public static string Fit(string name) => Path.Combine(Activities, "fit", name);

    public static IEnumerable<string> FitFiles() =>
        Directory.GetFiles(Path.Combine(Activities, "fit")).Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RunAdapt.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("RunAdapt.slnx not found above the test binaries");
    }
}
