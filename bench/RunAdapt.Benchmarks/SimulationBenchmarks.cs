using BenchmarkDotNet.Attributes;
using RunAdapt.Core.Model;
using RunAdapt.Core.Training;

namespace RunAdapt.Benchmarks;

/// <summary>The adaptation model over ten years of daily training (one run a day, strength twice a week).</summary>
[MemoryDiagnoser]
[MinColumn]
public class SimulationBenchmarks
{
    private SimulationInput _input = null!;

    /// <summary>Builds the ten-year input once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var start = new DateOnly(2015, 1, 5);
        var sessions = Enumerable.Range(0, 3650).Select(d => new TrainingSession(
            start.AddDays(d),
            d % 7 == 2 ? [new RunSegment(240, 4.5), new RunSegment(120, 0), new RunSegment(240, 4.5), new RunSegment(120, 0), new RunSegment(240, 4.5)] : [new RunSegment(2400 + (d % 5 * 300), 3.0, (d % 3 - 1) * 0.02)],
            d % 7 is 1 or 4 ? [new StrengthSet("back_squat", 4, 6, 0.8), new StrengthSet("calf_raise_standing", 3, 12, 0.6)] : [],
            [])).ToList();
        _input = new SimulationInput(new Athlete(), start, 3650, sessions);
    }

    /// <summary>Ten years, day by day, with weekly snapshots.</summary>
    [Benchmark]
    public double TenYearsDaily() => Simulator.Run(_input).Final.Vo2MaxMillilitresPerKilogramPerMinute;
}
