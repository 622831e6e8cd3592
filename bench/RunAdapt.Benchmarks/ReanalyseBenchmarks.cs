using BenchmarkDotNet.Attributes;
using RunAdapt.Activities;
using RunAdapt.Analysis;
using RunAdapt.Core.Training;
using RunAdapt.Storage;

namespace RunAdapt.Benchmarks;

/// <summary>Re-analysis of every stored activity after a profile change (what saving the athlete does), by store size: linear is the aim.</summary>
public class ReanalyseBenchmarks
{
    private string _path = "";

    /// <summary>How many activities the store holds.</summary>
    [Params(10_000, 100_000)]
    public int Activities { get; set; }

    /// <summary>A store of short synthetic runs (two minutes of samples each, six hours apart).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"runadapt-bench-{Guid.NewGuid():N}.db");
        using var store = AthleteStore.Open(_path);
        for (var i = 0; i < Activities; i++)
        {
            var start = new DateTime(1995, 1, 1, 7, 0, 0, DateTimeKind.Utc).AddHours(6 * i);
            var samples = Enumerable.Range(0, 121).Select(s => new ActivitySample(start.AddSeconds(s), DistanceMetres: 3.0 * s, HeartRateBeatsPerMinute: 140 + (s % 10))).ToList();
            var run = new Activity { SourceFormat = "bench", Sport = Sport.Running, StartTimeUtc = start, Samples = samples };
            store.Save($"run{i}.fit", $"hash{i}", [new PreparedActivity(run, SessionBuilder.Analyse(run, new Athlete()))]);
        }
    }

    /// <summary>Removes the store.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(_path)!, Path.GetFileName(_path) + "*"))
        {
            File.Delete(file);
        }
    }

    /// <summary>Every activity analysed again and its analysis and session rewritten.</summary>
    [Benchmark]
    public int Reanalyse()
    {
        using var store = AthleteStore.Open(_path);
        return store.Reanalyse();
    }
}
