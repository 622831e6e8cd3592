namespace RunAdapt.Reports;

/// <summary>Display names and order of the muscle groups an outcome reports.</summary>
public static class MuscleNames
{
    /// <summary>The groups in the order reports show them (top of the leg to the bottom).</summary>
    public static IReadOnlyList<string> Order { get; } = ["glutes", "quadriceps", "hamstrings", "calves"];

    /// <summary>The outcome's muscle keys in display order; unknown groups follow, alphabetically.</summary>
    /// <param name="keys">The keys present in an outcome.</param>
    public static IReadOnlyList<string> Sorted(IEnumerable<string> keys)
    {
        var present = keys.ToHashSet(StringComparer.Ordinal);
        return [.. Order.Where(present.Contains), .. present.Except(Order).Order(StringComparer.Ordinal)];
    }

    /// <summary>A capitalised display name for a muscle key (<c>hip_flexors</c> → <c>Hip flexors</c>).</summary>
    /// <param name="key">The outcome's key.</param>
    public static string Display(string key)
    {
        var words = key.Replace('_', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
