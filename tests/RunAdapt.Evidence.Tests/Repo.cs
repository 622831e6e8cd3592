namespace RunAdapt.Evidence.Tests;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Evidence => Path.Combine(Root, "evidence");

    public static string Calibration => Path.Combine(Evidence, "calibration.json");

    public static string EvidenceDoc => Path.Combine(Root, "docs", "EVIDENCE.md");

    /// <summary>Whether the generated files must already be up to date (CI sets RUNADAPT_CHECK_DOCS=1).</summary>
    public static bool CheckDocs => Environment.GetEnvironmentVariable("RUNADAPT_CHECK_DOCS") == "1";

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
