using RunAdapt.Core.Model;
using RunAdapt.Core.Scenarios;
using RunAdapt.Core.Training;

namespace RunAdapt.Core.Tests;

public sealed class HistoryTests
{
    [Fact]
    public void APlanAfterAHistoryStartsFromTheStateTheHistoryLeft()
    {
        var plan = ScenarioParser.Parse("weeks: 12\nweek:\n  - { day: mon, run: { minutes: 35, effort: easy } }\n  - { day: wed, run: { minutes: 35, effort: easy } }\n  - { day: sat, run: { minutes: 35, effort: easy } }\n", "plan");
        var history = ScenarioParser.Parse("weeks: 26\nweek:\n  - { day: mon, run: { minutes: 35, effort: easy } }\n  - { day: wed, run: { minutes: 35, effort: easy } }\n  - { day: sat, run: { minutes: 35, effort: easy } }\n", "history").Sessions;
        var fresh = Simulator.Run(plan.ToInput());
        var continued = Simulator.Run(plan.AfterHistory(history));
        Assert.Equal(DayOfWeek.Monday, plan.AfterHistory(history).StartDate.DayOfWeek);
        Assert.True(plan.AfterHistory(history).StartDate > history.Max(s => s.Date));
        // The same easy running is no longer new after six months of it: far less growth, and VO2max already higher.
        Assert.True(continued.Size("quadriceps") < fresh.Size("quadriceps") / 2, $"{continued.Size("quadriceps")} vs {fresh.Size("quadriceps")}");
        Assert.True(continued.Start.Vo2MaxMillilitresPerKilogramPerMinute > fresh.Start.Vo2MaxMillilitresPerKilogramPerMinute + 1);
    }
}

internal static class OutcomeExtensions
{
    public static double Size(this RunAdapt.Core.Outcomes.SimulationOutcome o, string muscle) => o.Final.Muscles[muscle].SizeChangePercent;
}
