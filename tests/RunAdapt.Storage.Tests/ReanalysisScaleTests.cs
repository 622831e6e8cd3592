using Microsoft.Data.Sqlite;
using RunAdapt.Activities;
using RunAdapt.Analysis;
using RunAdapt.Core.Training;

namespace RunAdapt.Storage.Tests;

/// <summary>Re-analysis after a profile change is one pass whose every update finds its session by index (it was quadratic).</summary>
public sealed class ReanalysisScaleTests
{
    /// <summary>A short synthetic run: two minutes at 3 m/s with heart rate, starting on the given day.</summary>
    internal static Activity SyntheticRun(int index)
    {
        var start = new DateTime(2020, 1, 1, 7, 0, 0, DateTimeKind.Utc).AddHours(6 * index);
        var samples = Enumerable.Range(0, 121).Select(s => new ActivitySample(start.AddSeconds(s), DistanceMetres: 3.0 * s, HeartRateBeatsPerMinute: 140 + (s % 10))).ToList();
        return new Activity { SourceFormat = "test", Sport = Sport.Running, StartTimeUtc = start, Samples = samples };
    }

    [Fact]
    public void EverySyntheticActivityIsAnalysedAgainInOnePass()
    {
        const int activities = 2000;
        var path = Path.Combine(Path.GetTempPath(), $"runadapt-{Guid.NewGuid():N}.db");
        using var store = AthleteStore.Open(path);
        for (var i = 0; i < activities; i++)
        {
            var run = SyntheticRun(i);
            Assert.Equal(StoreResult.Imported, store.Save($"run{i}.fit", $"hash{i}", [new PreparedActivity(run, SessionBuilder.Analyse(run, new Athlete()))]));
        }

        store.SaveAthlete(new Athlete { HeartRateMaxBeatsPerMinute = 170, HeartRateRestBeatsPerMinute = 50 });
        Assert.Equal(activities, store.Reanalyse());
        Assert.Equal(activities, store.LoadSessions().Count);
        Assert.All(store.ListActivities(), a => Assert.NotNull(a.Analysis));
    }

    /// <summary>The update of a session by its activity id searches the index, not every session (the quadratic part).</summary>
    [Fact]
    public void SessionsAreFoundByTheirActivityThroughAnIndex()
    {
        var path = Path.Combine(Path.GetTempPath(), $"runadapt-{Guid.NewGuid():N}.db");
        AthleteStore.Open(path).Dispose();
        using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        using var plan = connection.CreateCommand();
        plan.CommandText = "explain query plan update sessions set data = 'x' where activity_id = 1";
        using var reader = plan.ExecuteReader();
        var steps = new List<string>();
        while (reader.Read())
        {
            steps.Add(reader.GetString(3));
        }

        Assert.Contains(steps, s => s.Contains("USING INDEX sessions_by_activity", StringComparison.Ordinal));
    }
}
