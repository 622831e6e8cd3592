using System.CommandLine;
using RunAdapt.Evidence;

namespace RunAdapt.Cli.Commands;

/// <summary>The shared <c>--library</c> option of <c>evidence</c> and <c>calibrate</c>, and loading the library.</summary>
internal static class EvidenceOptions
{
    public static Option<DirectoryInfo> Library() =>
        new("--library") { Description = "The evidence library directory (evidence/<area>/<study>.yaml).", DefaultValueFactory = _ => new DirectoryInfo("evidence") };

    public static EvidenceLibrary Load(DirectoryInfo directory)
    {
        if (!directory.Exists)
        {
            throw new InputException($"{directory.FullName}: no evidence library here (run from the repository root or give --library)");
        }

        try
        {
            return EvidenceLibrary.Load(directory.FullName);
        }
        catch (EvidenceException e)
        {
            throw new InputException(e.Message, e);
        }
    }

    public static string Percent(double share) => (share * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " %";
}
