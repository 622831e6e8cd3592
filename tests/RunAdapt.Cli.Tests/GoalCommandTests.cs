using System.Text.Json.Nodes;
using static RunAdapt.Cli.Tests.CliRun;

namespace RunAdapt.Cli.Tests;

public sealed class GoalCommandTests
{
    /// <summary>DESIGN's question, "bigger glutes without losing my marathon", on the built-in plans.</summary>
    [Fact]
    public void TheGoalCommandRanksTheChangesAndSaysWhichReachesTheGoal()
    {
        var (status, output, error) = Run("goal", "novice", "--want", "calves:+5", "--keep", "vo2max");
        Assert.True(status == CliApp.Success, error);
        var text = System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");
        Assert.Contains("Goal for novice: calves +5 %, keeping vo2max.", text);
        Assert.Contains("Best: land on the forefoot on every run", text);
        Assert.Contains("│ forefoot ", output);
        Assert.Contains("no extra time", text);

        var json = JsonNode.Parse(Run("goal", "novice", "--want", "glutes:+4", "--want", "vo2max:+5", "--keep", "fat", "--json").Output)!;
        var options = json["options"]!.AsArray();
        Assert.True(options.Count > 20);
        Assert.Empty(json["plan"]!["changes"]!.AsArray());
        Assert.All(options, o => Assert.Equal(2, o!["wants"]!.AsObject().Count));
        var reached = options.Where(o => (bool)o!["reached"]!).ToList();
        Assert.NotEmpty(reached);
        Assert.All(reached, o => Assert.True((double)o!["wants"]!["glutes"]! >= 4 && (double)o["wants"]!["vo2max"]! >= 5));
        Assert.Equal(reached.Count, options.TakeWhile(o => (bool)o!["reached"]!).Count()); // reached first
    }

    [Fact]
    public void ARaceWantIsATimeAndEveryOptionShowsItsTimeStrengthAndRisk()
    {
        var (status, output, error) = Run("goal", "novice", "--want", "10k:45:00", "--keep", "calves", "--top", "3");
        Assert.True(status == CliApp.Success, error);
        var text = System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");
        Assert.Contains("Goal for novice: 10k in 45:00, keeping calves.", text);
        Assert.Matches(@"As planned: 10k 4\d:\d\d, calves \+\d+\.\d %; leg strength \+\d+\.\d %, peak injury risk \d\.\d\d\.", text);
        Assert.Matches(@"│ change +│ 10k time │ calves % │ strength % │ risk │ min/wk │ reached │", output);
        Assert.Contains("race times: from the model's VO2max taken as Daniels' VDOT", text);

        var json = JsonNode.Parse(Run("goal", "novice", "--want", "marathon:-5:00", "--json").Output)!;
        Assert.Equal(-300, (double)json["wants"]!["marathon"]!);
        var plan = json["plan"]!;
        Assert.True((double)plan["wants"]!["marathon"]! < -300, "a year of running takes more than five minutes off a novice's marathon");
        Assert.True((bool)plan["reached"]!);
        Assert.True((double)plan["strength_change_pct"]! > 0);
    }

    [Theory]
    [InlineData("glutes+5", "is not of the form MEASURE:+N")]
    [InlineData("glutes:5:00", "a time is a target for a race")]
    [InlineData("triceps:+5", "unknown measure 'triceps'")]
    public void AGoalThatIsNotUnderstoodIsAUsageError(string want, string problem)
    {
        var (status, output, error) = Run("goal", "novice", "--want", want);
        Assert.Equal(CliApp.BadUsage, status);
        Assert.Equal("", output);
        Assert.Contains(problem, error);
    }

    [Fact]
    public void AMeasureNamedTwiceIsAUsageError()
    {
        var (status, _, error) = Run("goal", "novice", "--want", "glutes:+5", "--keep", "glutes");
        Assert.Equal(CliApp.BadUsage, status);
        Assert.Contains("'glutes' is named twice", error);
    }
}
