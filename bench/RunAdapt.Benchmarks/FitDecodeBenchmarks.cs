using BenchmarkDotNet.Attributes;
using RunAdapt.Activities.Fit;

namespace RunAdapt.Benchmarks;

/// <summary>FIT decoding throughput on the corpus's largest activity files: streaming (no allocation per message) and to an Activity.</summary>
[MemoryDiagnoser]
public class FitDecodeBenchmarks
{
    private byte[] _bytes = [];

    /// <summary>The corpus file to decode.</summary>
    [Params("activity-large-fenxi2-multisport.fit", "coros-pace-2-cycling-misaligned-fields.fit", "garmin-edge-500-activity.fit")]
    public string File { get; set; } = "";

    /// <summary>Loads the file once.</summary>
    [GlobalSetup]
    public void Setup() => _bytes = System.IO.File.ReadAllBytes(Repository.Path("tests", "fixtures", "activities", "fit", File));

    /// <summary>Every message decoded, scaled and expanded, reported to a handler that counts them.</summary>
    [Benchmark(Baseline = true)]
    public long Stream()
    {
        long messages = 0;
        FitDecoder.Decode(_bytes, File, _ => messages++);
        return messages;
    }

    /// <summary>The whole normalised Activity built.</summary>
    [Benchmark]
    public int Activity() => FitDecoder.DecodeActivities(_bytes, File).Sum(a => a.Samples.Count);
}
