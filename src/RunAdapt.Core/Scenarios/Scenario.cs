using RunAdapt.Core.Model;
using RunAdapt.Core.Training;

namespace RunAdapt.Core.Scenarios;

/// <summary>A parsed scenario: an athlete and a programme expanded into dated sessions.</summary>
public sealed record Scenario
{
    /// <summary>The scenario's name (file name or built-in name).</summary>
    public required string Name { get; init; }

    /// <summary>One line saying what the scenario is.</summary>
    public string? Description { get; init; }

    /// <summary>The athlete at the start.</summary>
    public required Athlete Athlete { get; init; }

    /// <summary>The first day.</summary>
    public required DateOnly StartDate { get; init; }

    /// <summary>Number of days.</summary>
    public required int Days { get; init; }

    /// <summary>The sessions, in date order.</summary>
    public required IReadOnlyList<TrainingSession> Sessions { get; init; }

    /// <summary>Days with the legs out of use (<c>immobilised:</c> phases), and how.</summary>
    public IReadOnlyDictionary<DateOnly, Disuse> DisuseDays { get; init; } = new Dictionary<DateOnly, Disuse>();

    /// <summary>Whether the scenario asked to start from the imported history (<c>from: history</c>).</summary>
    public bool FromHistory { get; init; }

    /// <summary>The scenario text it was read from, if it was read (a plan <c>from: history</c> is read again for the stored athlete).</summary>
    public string? Text { get; init; }

    /// <summary>
    /// This scenario continuing a history: the stored athlete (with the plan's own athlete keys on top, its efforts
    /// read again for this runner), moved to start on the first day after the history's last session that falls on
    /// the plan's first weekday, with the history simulated first (<c>from: history</c>).
    /// </summary>
    /// <param name="history">The sessions done before, in any order (non-empty).</param>
    /// <param name="profile">The stored athlete profile the history belongs to.</param>
    /// <param name="parameters">The model parameters, or <c>null</c> for the built-in ones.</param>
    public SimulationInput AfterHistory(IReadOnlyList<TrainingSession> history, Athlete profile, ModelParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(profile);
        return (Text is null ? this with { Athlete = profile } : ScenarioParser.Parse(Text, Name, parameters, profile)).Continue(history, parameters);
    }

    private SimulationInput Continue(IReadOnlyList<TrainingSession> history, ModelParameters? parameters)
    {
        var next = history.Max(s => s.Date).AddDays(1);
        while (next.DayOfWeek != StartDate.DayOfWeek)
        {
            next = next.AddDays(1);
        }

        var shift = next.DayNumber - StartDate.DayNumber;
        return new SimulationInput(Athlete, next, Days, [.. Sessions.Select(s => s with { Date = s.Date.AddDays(shift) })])
        {
            DisuseDays = DisuseDays.ToDictionary(d => d.Key.AddDays(shift), d => d.Value),
            Parameters = parameters ?? ModelParameters.Default,
            History = history,
        };
    }

    /// <summary>The model input for this scenario.</summary>
    /// <param name="parameters">The model parameters, or <c>null</c> for the built-in ones.</param>
    public SimulationInput ToInput(ModelParameters? parameters = null) =>
        new(Athlete, StartDate, Days, Sessions) { DisuseDays = DisuseDays, Parameters = parameters ?? ModelParameters.Default };
}

/// <summary>A scenario file is malformed; the message names the file, line and column.</summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file (or built-in name).</param>
    /// <param name="line">1-based line.</param>
    /// <param name="column">1-based column.</param>
    /// <param name="problem">What was wrong and what was expected.</param>
    public ScenarioException(string file, long line, long column, string problem)
        : base($"{file}:{line}:{column}: {problem}")
    {
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>The file (or built-in name).</summary>
    public string File { get; }

    /// <summary>1-based line of the problem.</summary>
    public long Line { get; }

    /// <summary>1-based column of the problem.</summary>
    public long Column { get; }
}
