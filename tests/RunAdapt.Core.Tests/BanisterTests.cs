using RunAdapt.Core.Model;

namespace RunAdapt.Core.Tests;

public sealed class BanisterTests
{
    private static readonly Banister Truth = new(50, 0.10, 0.30, 45, 10);

    /// <summary>A 200-day plan: three builds with a taper, loads 0–120, tests every 8 days.</summary>
    private static double[] Loads() =>
        [.. Enumerable.Range(0, 200).Select(d => d % 7 == 6 ? 0 : (40 + (60 * ((d / 7 % 4) / 3.0))) * (1 + (0.5 * Math.Sin(d * 1.3))))];

    [Fact]
    public void ASingleDoseHelpsMostAfterThePeakDay()
    {
        var loads = new double[120];
        loads[0] = 100;
        var curve = Truth.Predict(loads);
        var best = Array.IndexOf(curve, curve.Max());
        Assert.InRange(best, Math.Floor(Truth.DaysToPeakEffect!.Value), Math.Ceiling(Truth.DaysToPeakEffect!.Value));
        var firstHelpful = Array.FindIndex(curve, p => p > Truth.BasePerformance);
        Assert.InRange(firstHelpful, Math.Floor(Truth.DaysUntilPositiveEffect!.Value), Math.Ceiling(Truth.DaysUntilPositiveEffect!.Value));
    }

    [Fact]
    public void TheFitRecoversTheParametersThatMadeTheTests()
    {
        var loads = Loads();
        var truth = Truth.Predict(loads);
        var tests = Enumerable.Range(1, 24).Select(i => new PerformanceTest(i * 8, truth[i * 8])).ToArray();
        var fit = BanisterFit.Fit(loads, tests);
        Assert.True(fit.RSquared > 0.9999, $"R² {fit.RSquared}");
        Assert.Equal(Truth.FitnessDays, fit.Model.FitnessDays, 0.5);
        Assert.Equal(Truth.FatigueDays, fit.Model.FatigueDays, 0.3);
        Assert.Equal(Truth.FitnessGain, fit.Model.FitnessGain, 0.005);
        Assert.Equal(Truth.FatigueGain, fit.Model.FatigueGain, 0.01);
        Assert.Equal(Truth.BasePerformance, fit.Model.BasePerformance, 0.5);
    }

    [Fact]
    public void NoisyTestsStillGiveAFitWithinTheBoundsAndAnHonestRSquared()
    {
        var loads = Loads();
        var truth = Truth.Predict(loads);
        var random = new Random(7);
        var tests = Enumerable.Range(1, 24).Select(i => new PerformanceTest(i * 8, truth[i * 8] + ((random.NextDouble() - 0.5) * 2))).ToArray();
        var fit = BanisterFit.Fit(loads, tests);
        Assert.InRange(fit.RSquared, 0, 1);
        Assert.True(fit.Model.FitnessDays >= fit.Model.FatigueDays * ModelParameters.Default.Get("banister.min_time_constant_ratio") - 1e-9);
        Assert.True(fit.Model.FitnessGain >= 0 && fit.Model.FatigueGain >= 0);
        Assert.True(fit.RootMeanSquareError < 1, $"RMSE {fit.RootMeanSquareError}");
    }

    [Fact]
    public void TooFewTestsOrATestOutsideTheLoadsIsRefusedWithTheReason()
    {
        var loads = Loads();
        var five = Enumerable.Range(1, 5).Select(i => new PerformanceTest(i * 10, 50)).ToArray();
        Assert.Contains("at least 6", Assert.Throws<ArgumentException>(() => BanisterFit.Fit(loads, five)).Message);
        var outside = Enumerable.Range(1, 6).Select(i => new PerformanceTest(i * 40, 50)).ToArray();
        Assert.Contains("outside the 200-day", Assert.Throws<ArgumentException>(() => BanisterFit.Fit(loads, outside)).Message);
    }
}
