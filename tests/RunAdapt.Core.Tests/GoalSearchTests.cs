using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Planning;
using RunAdapt.Core.Scenarios;
using RunAdapt.Core.Training;

namespace RunAdapt.Core.Tests;

public sealed class GoalSearchTests
{
    private static SimulationInput Plan(string yaml) => ScenarioParser.Parse(yaml, "plan.yaml").ToInput();

    private const string Novice = """
        athlete: { sex: male, age: 30, mass_kg: 75, training_status: untrained }
        weeks: 16
        week:
          - { day: mon, run: { minutes: 30, effort: easy } }
          - { day: wed, run: { minutes: 30, effort: easy } }
          - { day: sat, run: { minutes: 45, effort: easy } }
        """;

    [Fact]
    public void ANoviceWantingBiggerQuadricepsIsToldToLiftAndEveryVerdictMatchesItsNumbers()
    {
        var plan = Plan(Novice);
        var result = GoalSearch.Search(plan, [Want.Parse("quadriceps:+8")], [GoalMeasure.Parse("vo2max")], cancellation: TestContext.Current.CancellationToken);

        var unchanged = Simulator.Run(plan);
        Assert.Equal(unchanged.Final.Muscles["quadriceps"].SizeChangePercent, result.Plan.WantValues[0]);
        Assert.Empty(result.Plan.Changes);
        Assert.True(result.Plan.WantValues[0] < 8, "easy running alone does not get there");

        var best = result.Options[0];
        Assert.True(result.Succeeds(best), best.Name);
        Assert.Contains(best.Changes, c => StrengthExercises.Find(c.Name) is { } e && e.Shares.GetValueOrDefault(Muscle.Quadriceps) >= 0.9);
        foreach (var o in result.Options)
        {
            Assert.Equal(o.WantValues[0] >= 8, o.Shortfall == 0);
            Assert.Equal(o.KeepValues[0] >= result.Plan.KeepValues[0] - 1, o.Keeps);
            Assert.Equal(o.Shortfall == 0 && o.Keeps && o.PeakInjuryRisk <= (result.Plan.PeakInjuryRisk * GoalSearch.RiskAllowance) + 1e-9, result.Succeeds(o));
        }

        // Successes come first; the search is deterministic.
        Assert.Equal(result.Options.Select(result.Succeeds).OrderByDescending(x => x), result.Options.Select(result.Succeeds));
        Assert.Equal(result.Options.Select(o => o.Name), GoalSearch.Search(plan, [Want.Parse("quadriceps:+8")], [GoalMeasure.Parse("vo2max")], cancellation: TestContext.Current.CancellationToken).Options.Select(o => o.Name));
    }

    [Fact]
    public void CalvesComeFromForefootLandingWithoutExtraTime()
    {
        // The plan alone grows the calves ≈ 4.9 %; forefoot landing ≈ 7.1 %, a vest ≈ 6.6 %.
        var result = GoalSearch.Search(Plan(Novice), [Want.Parse("calves:+6")], [], cancellation: TestContext.Current.CancellationToken);
        Assert.True(result.Plan.Shortfall > 0, "the plan alone does not get there");
        var best = result.Options[0];
        Assert.True(result.Succeeds(best));
        Assert.Equal("forefoot", best.Name);
        Assert.Equal(0, best.ExtraMinutesPerWeek, 6);
    }

    [Fact]
    public void ChangesTouchOnlyThePlannedTrainingWeeks()
    {
        var plan = Plan("""
            phases:
              - { weeks: 2, week: [ { day: mon, run: { minutes: 30, effort: easy } }, { day: thu, run: { minutes: 30, effort: easy } } ] }
              - { weeks: 2, week: [] }
            """);
        var history = new TrainingSession(plan.StartDate.AddDays(-3), [new RunSegment(1800, 3)], [], []);
        plan = plan with { Sessions = [history, .. plan.Sessions] };
        var changes = PlanChange.For([Want.Parse("glutes:+3")], ModelParameters.Default);

        var lifted = changes.First(c => c.Name == "hip_thrust").Rewrite(plan);
        var added = lifted.Except(plan.Sessions).ToList();
        Assert.Equal(4, added.Count); // two a week, in the two training weeks only
        Assert.All(added, s => Assert.InRange(s.Date.DayNumber - plan.StartDate.DayNumber, 0, 13));
        Assert.Contains(history, lifted);

        var hills = changes.First(c => c.Name == "hills").Rewrite(plan);
        Assert.Equal(history, hills[0]);
        Assert.Equal(2, hills.Count(s => s.Run.Any(r => r.GradeFraction > 0)));
        // Each training week: 2 min to get to the hill, 8 × 1 min up with 7 × 2 min between = 24 min.
        Assert.Equal(2 * 24, hills.Sum(PlanChange.Minutes) - plan.Sessions.Sum(PlanChange.Minutes), 6);
    }

    [Theory]
    [InlineData("glutes+5", "is not of the form")]
    [InlineData("glutez:+5", "unknown measure 'glutez'")]
    [InlineData("glutes:0", "is not of the form")]
    public void AWantThatIsNotUnderstoodSaysWhy(string text, string problem) =>
        Assert.Contains(problem, Assert.Throws<ArgumentException>(() => Want.Parse(text)).Message);

    [Theory]
    [InlineData("10k:47:00", WantForm.FinishTime, 2820, "10k in 47:00")]
    [InlineData("marathon:-5:00", WantForm.TimeChange, -300, "marathon 5:00 faster")]
    [InlineData("half:-3", WantForm.Percent, -3, "half -3 %")]
    public void ARaceWantIsATimeATimeFasterOrAPercent(string text, WantForm form, double target, string said)
    {
        var want = Want.Parse(text);
        Assert.Equal((form, target, said), (want.Form, want.Target, want.ToString()));
    }

    [Theory]
    [InlineData("glutes:5:00", "a time is a target for a race")]
    [InlineData("10k:+5:00", "is not a race time")]
    [InlineData("10k:4x:00", "is not a race time")]
    public void ARaceWantThatIsNotUnderstoodSaysWhy(string text, string problem) =>
        Assert.Contains(problem, Assert.Throws<ArgumentException>(() => Want.Parse(text)).Message);

    [Fact]
    public void ARaceWantIsJudgedOnTheTimeTheVo2MaxGives()
    {
        var plan = Plan(Novice);
        var unchanged = Simulator.Run(plan);
        var (start, end) = (RaceTimes.Seconds(Race.Find("10k")!, unchanged.Start), RaceTimes.Seconds(Race.Find("10k")!, unchanged.Final));
        Assert.True(end < start - 60, "sixteen weeks of running take a novice's 10 km more than a minute faster");

        // A finishing time just slower than the plan's is reached by the plan as it is; one a minute faster is not.
        var within = GoalSearch.Search(plan, [Want.Parse($"10k:{Durations.Clock(end + 5)}")], [], cancellation: TestContext.Current.CancellationToken);
        Assert.Equal((end, 0.0), (within.Plan.WantValues[0], within.Plan.Shortfall));
        Assert.Equal("yes", within.Reached(within.Plan));
        var beyond = Want.Parse($"10k:{Durations.Clock(end - 60)}");
        Assert.True(beyond.Shortfall(end) > 0);

        // A time faster than at the start is the change.
        var faster = Want.Parse($"10k:-{Durations.Clock(start - end - 5)}");
        Assert.Equal(end - start, faster.Read(unchanged), 6);
        Assert.Equal(0, faster.Shortfall(faster.Read(unchanged)));
        Assert.Equal(Durations.SignedClock(end - start), faster.Format(faster.Read(unchanged)));
    }
}
