using RunAdapt.Core.Model;
using RunAdapt.Core.Scenarios;

namespace RunAdapt.Cli;

/// <summary>Loads scenarios and parameter overrides for the commands, turning their failures into one-line input errors.</summary>
internal static class Scenarios
{
    public static Scenario Load(string nameOrPath, ModelParameters parameters)
    {
        try
        {
            var text = BuiltInScenarios.Text(nameOrPath);
            if (text is not null)
            {
                return ScenarioParser.Parse(text, nameOrPath, parameters);
            }

            if (!File.Exists(nameOrPath))
            {
                throw new InputException($"{nameOrPath}: no such file, and not a built-in scenario (see 'runadapt scenarios')");
            }

            return ScenarioParser.ParseFile(nameOrPath, parameters);
        }
        catch (ScenarioException e)
        {
            throw new InputException(e.Message, e);
        }
    }

    /// <summary>
    /// The model input for a scenario: on its own, or when it says <c>from: history</c>, the stored athlete after the
    /// imported history.
    /// </summary>
    public static SimulationInput Input(Scenario scenario, ModelParameters parameters, string? db)
    {
        if (!scenario.FromHistory)
        {
            return scenario.ToInput(parameters);
        }

        using var store = Commands.StoreOption.Open(db);
        var history = store.LoadSessions();
        if (history.Count == 0)
        {
            throw new InputException($"{scenario.Name}: starts 'from: history', but {db ?? Storage.AthleteStore.DefaultPath} holds no sessions (import some first)");
        }

        return scenario.AfterHistory(history, store.LoadAthlete(), parameters);
    }

    public static ModelParameters LoadParameters(FileInfo? file)
    {
        if (file is null)
        {
            return ModelParameters.Default;
        }

        if (!file.Exists)
        {
            throw new InputException($"{file.FullName}: no such file");
        }

        try
        {
            return ModelParameters.Default.WithOverrides(file.FullName);
        }
        catch (ModelParameterException e)
        {
            throw new InputException(e.Message, e);
        }
    }
}
