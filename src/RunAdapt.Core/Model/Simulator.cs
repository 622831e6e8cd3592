using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Training;

namespace RunAdapt.Core.Model;

/// <summary>What to simulate: who, from when, for how long, and the sessions done.</summary>
/// <param name="Athlete">The athlete at the start.</param>
/// <param name="StartDate">The first simulated day.</param>
/// <param name="Days">How many days to simulate (&gt; 0).</param>
/// <param name="Sessions">The sessions, any order; sessions outside the simulated days are ignored.</param>
public sealed record SimulationInput(Athlete Athlete, DateOnly StartDate, int Days, IReadOnlyList<TrainingSession> Sessions);

/// <summary>The day-by-day adaptation model's entry point.</summary>
public static class Simulator
{
    /// <summary>Runs the model over the input's days and returns the outcome. Deterministic for the same input.</summary>
    /// <param name="input">What to simulate.</param>
    public static SimulationOutcome Run(SimulationInput input) =>
        throw new NotImplementedException("the adaptation model lands with issue 5");
}
