namespace RunAdapt.Core.Scenarios;

/// <summary>The scenarios shipped with RunAdapt (archetypes and what-ifs), runnable by name.</summary>
public static class BuiltInScenarios
{
    private const string Prefix = "RunAdapt.Core.Scenarios.BuiltIn.";

    /// <summary>The built-in names, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. typeof(BuiltInScenarios).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..^".yaml".Length])
            .Order(StringComparer.Ordinal)];

    /// <summary>The YAML text of a built-in scenario, or <c>null</c> if there is none of that name.</summary>
    /// <param name="name">The name (as in <see cref="Names"/>).</param>
    public static string? Text(string name)
    {
        using var stream = typeof(BuiltInScenarios).Assembly.GetManifestResourceStream(Prefix + name + ".yaml");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Loads a scenario by built-in name or file path.</summary>
    /// <param name="nameOrPath">A built-in name or a path to a YAML file.</param>
    /// <exception cref="FileNotFoundException">Neither a built-in name nor an existing file.</exception>
    /// <exception cref="ScenarioException">The scenario is malformed.</exception>
    public static Scenario Load(string nameOrPath)
    {
        if (Text(nameOrPath) is { } text)
        {
            return ScenarioParser.Parse(text, nameOrPath);
        }

        if (File.Exists(nameOrPath))
        {
            return ScenarioParser.ParseFile(nameOrPath);
        }

        throw new FileNotFoundException($"{nameOrPath}: no such file, and not a built-in scenario (see 'runadapt scenarios')", nameOrPath);
    }
}
