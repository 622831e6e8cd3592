using BenchmarkDotNet.Attributes;
using RunAdapt.Core.Model;
using RunAdapt.Core.Training;

namespace RunAdapt.Benchmarks;

/// <summary>The adaptation model over ten years of daily training (one run a day, strength twice a week), and the Banister fit over as long.</summary>
[MemoryDiagnoser]
[MinColumn]
public class SimulationBenchmarks
{
    private SimulationInput _input = null!;
    private double[] _loads = null!;
    private PerformanceTest[] _tests = null!;

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

        // A decade of daily loads with a test every two months, made by a known model plus ±1 % noise.
        _loads = [.. Enumerable.Range(0, 3650).Select(d => d % 7 == 6 ? 0 : 40 + (30 * Math.Sin(d / 30.0)) + (d % 3 * 15))];
        var truth = new Banister(300, 0.1, 0.3, 42, 9).Predict(_loads);
        var random = new Random(3);
        _tests = [.. Enumerable.Range(1, 59).Select(k => new PerformanceTest(k * 61, truth[k * 61] * (1 + ((random.NextDouble() - 0.5) * 0.02))))];
    }

    /// <summary>Ten years, day by day, with weekly snapshots.</summary>
    [Benchmark]
    public double TenYearsDaily() => Simulator.Run(_input).Final.Vo2MaxMillilitresPerKilogramPerMinute;

    /// <summary>Fitting the Banister model to a decade of daily loads and 59 tests (<c>runadapt performance</c>).</summary>
    [Benchmark]
    public double BanisterFitTenYears() => BanisterFit.Fit(_loads, _tests).Model.FitnessDays;
}
