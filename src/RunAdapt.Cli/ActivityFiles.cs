using RunAdapt.Activities;

namespace RunAdapt.Cli;

/// <summary>Opens one activity file the user named (plain or <c>.gz</c>) and decodes it.</summary>
internal static class ActivityFiles
{
    public static IReadOnlyList<Activity> Decode(FileInfo path)
    {
        if (!path.Exists)
        {
            throw new InputException($"{path.FullName}: no such file");
        }

        return ActivityFormats.Decode(ActivitySource.ReadFile(path.FullName), path.FullName);
    }
}
