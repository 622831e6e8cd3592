namespace RunAdapt.Cluster.Tests;

/// <summary>What the cluster keeps in PostgreSQL, without a silo.</summary>
public sealed class ClusterStoreTests
{
    /// <summary>Every silo applies the schema at start-up: again and again, it changes nothing.</summary>
    [Fact]
    public async Task TheSchemaAppliesAgainWithoutChange()
    {
        await using var database = await ClusterDatabase.CreateAsync();
        var queries = await database.ScalarAsync<long>("select count(*) from OrleansQuery");
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ClusterSchema.ApplyAsync(database.ConnectionString, TestContext.Current.CancellationToken)));
        Assert.Equal(queries, await database.ScalarAsync<long>("select count(*) from OrleansQuery"));
        Assert.Equal(20, queries);
    }

    /// <summary>A retried result is stored once; the second write shows in the count of writes, not as a second row.</summary>
    [Fact]
    public async Task AResultWrittenTwiceIsStoredOnce()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var database = await ClusterDatabase.CreateAsync();
        var results = new BatchResults(database.ConnectionString);
        var outcome = new AthleteOutcome(7, "b1", DateTime.UtcNow, "silo-1", 3, "2026-01-01", 45, null, null, "{}");
        Assert.False(await results.HasAsync("b1", 7, cancellation));
        await results.SaveAsync(outcome, cancellation);
        await results.SaveAsync(outcome with { Silo = "silo-2", Vo2Max = 50 }, cancellation);
        Assert.True(await results.HasAsync("b1", 7, cancellation));
        Assert.Equal(new HashSet<long> { 7 }, await results.DoneAsync("b1", cancellation));
        Assert.Equal(1, await results.CountAsync("b1", cancellation));
        Assert.Equal("silo-1 2", await database.ScalarAsync<string>("select silo || ' ' || writes from runadapt_batch_results"));
    }

    /// <summary>The seam over the store: each athlete read through a store bound to it; an unknown id has no history.</summary>
    [Fact]
    public async Task TheStoreAdapterFindsEachAthletesHistory()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var database = await ClusterDatabase.CreateAsync();
        database.StoreAthletes(3);
        var data = new StoreAthleteData(database.ConnectionString);
        Assert.Equal([1L, 2L, 3L], await data.AthleteIdsAsync(cancellation));
        var history = await data.LoadAsync(2, cancellation);
        Assert.NotNull(history);
        Assert.Equal(57, history.Profile.MassKilograms);
        Assert.InRange(history.Sessions.Count, 200, 210);
        Assert.Null(await data.LoadAsync(4, cancellation));
        Assert.Equal([1L, 2L, 3L], await data.AthleteIdsAsync(cancellation));
    }

    /// <summary>The model runs the grain makes: the central estimate inside its uncertainty band.</summary>
    [Fact]
    public void ASimulatedHistoryLiesInsideItsBands()
    {
        var sessions = Enumerable.Range(0, 12).Select(w => Core.Training.TrainingSession.Running(new DateOnly(2026, 1, 5).AddDays(7 * w), new Core.Training.RunSegment(2400, 3))).ToList();
        var outcome = AthleteAnalysis.Simulate(1, new AthleteHistory(new Core.Training.Athlete(), sessions), 10, "b", "here", TestContext.Current.CancellationToken);
        Assert.Equal((12, "2026-03-23"), (outcome.Sessions, outcome.LastSession));
        Assert.InRange(outcome.Vo2Max, outcome.Vo2MaxLow!.Value - 0.5, outcome.Vo2MaxHigh!.Value + 0.5);
        Assert.Contains("\"bands\":{\"samples\":10", outcome.Json, StringComparison.Ordinal);
    }

    /// <summary>The goal search the grain runs: the search's own answer, for the athlete's plan.</summary>
    [Fact]
    public void AGoalSearchAnswersForThePlan()
    {
        const string plan = """
            athlete: { sex: female, age: 35, mass_kg: 60 }
            weeks: 6
            week:
              - { day: tue, run: { km: 5, pace: "6:30/km" } }
              - { day: sat, run: { km: 8, pace: "6:45/km" } }
            """;
        var answer = AthleteAnalysis.Goal(new AthleteHistory(new Core.Training.Athlete(), []), plan, "vo2max:+3", [], TestContext.Current.CancellationToken);
        Assert.True(answer.Tried > 1, answer.Verdict);
        Assert.InRange(answer.Options.Count, 1, 8);
        Assert.False(string.IsNullOrWhiteSpace(answer.Verdict));
    }
}
