using System.Globalization;
using RunAdapt.Analysis;
using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Training;

namespace RunAdapt.Storage;

/// <summary>What a history holds, said the same way by every face (terminal, report, dashboard).</summary>
public static class HistoryTotals
{
    /// <summary>
    /// The activities the model takes, the distance run (runs and the running legs of multisport, not rides, swims or
    /// walks) and how many were excluded: "12 activities (84.3 km run, 2 excluded)".
    /// </summary>
    /// <param name="stored">The stored activities of the range shown, excluded ones included.</param>
    /// <param name="unit">The unit the distance is said in.</param>
    public static string Describe(IReadOnlyList<StoredActivity> stored, DistanceUnit unit = DistanceUnit.Kilometres)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var counted = stored.Where(a => !a.Excluded).ToList();
        var excluded = stored.Count - counted.Count;
        return string.Create(CultureInfo.InvariantCulture, $"{counted.Count} activities ({DistanceUnits.Distance(counted.Sum(a => a.RunningMetres), unit)} run{(excluded > 0 ? $", {excluded} excluded" : "")})");
    }

    /// <summary>The activities the model takes as weekly volume counts them: a run by its kind (easy, long, tempo ...), anything else by its sport.</summary>
    /// <param name="stored">The stored activities, excluded ones included (they are left out).</param>
    public static IEnumerable<VolumeItem> Volume(IEnumerable<StoredActivity> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.Where(a => !a.Excluded).Select(a => new VolumeItem(DateOnly.FromDateTime(a.StartUtc), a.Analysis?.Kind is { } kind ? RunKinds.Name(kind) : a.Sport, a.RunningMetres, a.MovingSeconds));
    }

    /// <summary>What logging a training log did: "3 sessions from gym.yaml (replacing 2 logged from it before)".</summary>
    /// <param name="name">The log's file name.</param>
    /// <param name="replaced">Sessions logged from it before.</param>
    /// <param name="stored">Sessions it holds now.</param>
    public static string Logged(string name, int replaced, int stored) =>
        $"{stored} session{(stored == 1 ? "" : "s")} from {name}" + (replaced > 0 ? $" (replacing {replaced} logged from it before)" : "");
}
