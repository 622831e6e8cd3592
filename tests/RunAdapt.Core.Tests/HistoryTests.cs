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
        var continued = Simulator.Run(plan.AfterHistory(history, new Athlete()));
        Assert.Equal(DayOfWeek.Monday, plan.AfterHistory(history, new Athlete()).StartDate.DayOfWeek);
        Assert.True(plan.AfterHistory(history, new Athlete()).StartDate > history.Max(s => s.Date));
        // The same easy running is no longer new after six months of it: far less growth, and VO2max already higher.
        Assert.True(continued.Size("quadriceps") < fresh.Size("quadriceps") / 2, $"{continued.Size("quadriceps")} vs {fresh.Size("quadriceps")}");
        Assert.True(continued.Start.Vo2MaxMillilitresPerKilogramPerMinute > fresh.Start.Vo2MaxMillilitresPerKilogramPerMinute + 1);
    }
}

public sealed class FromHistoryTests
{
    private static readonly IReadOnlyList<TrainingSession> History =
        ScenarioParser.Parse("weeks: 8\nweek:\n  - { day: mon, run: { minutes: 35, effort: easy } }\n", "history").Sessions;

    /// <summary>A plan from the history is the stored runner's: their profile, their efforts; the plan's own athlete keys on top.</summary>
    [Fact]
    public void APlanFromTheHistoryStartsFromTheStoredProfile()
    {
        var profile = new Athlete { Sex = Sex.Female, AgeYears = 41, MassKilograms = 58, TrainingStatus = TrainingStatus.Trained, Vo2MaxMillilitresPerKilogramPerMinute = 52 };
        var plan = ScenarioParser.Parse("from: history\nweeks: 4\nweek:\n  - { day: tue, run: { minutes: 30, effort: tempo } }\n", "plan");
        var input = plan.AfterHistory(History, profile);
        Assert.Equal(profile, input.Athlete);
        // Her 58 kg after the history's eight weeks (a trained runner cut to one easy run a week may gain a kilo), not the default 75 kg.
        Assert.InRange(Simulator.Run(input).Start.BodyMassKilograms, 55, 62);
        // Tempo is the stored runner's tempo (VO2max 52), faster than the default athlete's.
        Assert.True(input.Sessions[0].Run[0].SpeedMetresPerSecond > plan.Sessions[0].Run[0].SpeedMetresPerSecond);

        var lighter = ScenarioParser.Parse("from: history\nathlete: { mass_kg: 55 }\nweeks: 4\nweek: []\n", "plan").AfterHistory(History, profile);
        Assert.Equal(profile with { MassKilograms = 55 }, lighter.Athlete);
    }
}

internal static class OutcomeExtensions
{
    public static double Size(this RunAdapt.Core.Outcomes.SimulationOutcome o, string muscle) => o.Final.Muscles[muscle].SizeChangePercent;
}
