using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace RunAdapt.Core.Model;

/// <summary>A performance test: its day in the load series (0 = the first day) and the result.</summary>
/// <param name="Day">Index of the test's day in the daily load series.</param>
/// <param name="Performance">The result (watts, metres per second, a score: higher is better).</param>
public readonly record struct PerformanceTest(int Day, double Performance);

/// <summary>
/// The Banister model fitted to one athlete's loads and performance tests by least squares, and how well it fits.
/// </summary>
/// <param name="Model">The fitted parameters.</param>
/// <param name="Observations">How many tests the fit used.</param>
/// <param name="SumOfSquaredErrors">Σ(observed − predicted)², in the performance's unit squared.</param>
/// <param name="RSquared">Share of the tests' variance the model explains (1 − SSE/SST).</param>
public sealed record BanisterFit(Banister Model, int Observations, double SumOfSquaredErrors, double RSquared)
{
    /// <summary>The fewest tests a fit accepts: one more than the model's five parameters.</summary>
    public const int MinimumTests = 6;

    /// <summary>Root-mean-square error of the fit, in the performance's unit.</summary>
    public double RootMeanSquareError => Math.Sqrt(SumOfSquaredErrors / Observations);

    /// <summary>
    /// Fits p0, k1, k2, τ1 and τ2 to the tests. For given time constants the model is linear in p0, k1 and k2,
    /// so those are solved exactly; the time constants are found by a grid over whole days refined by Nelder–Mead
    /// — deterministic, and not trapped by the local minima a five-way search meets on a handful of tests. Both
    /// gains stay ≥ 0 and fitness outlasts fatigue by at least <c>banister.min_time_constant_ratio</c>: with few
    /// tests the least squares otherwise slide to τ1 ≈ τ2 with huge, cancelling gains, a fit that says nothing.
    /// </summary>
    /// <param name="dailyLoads">Training load of each consecutive day (0 on rest days).</param>
    /// <param name="tests">The performance tests, on days within the series.</param>
    /// <param name="parameters">Where the bounds come from (<see cref="ModelParameters.Default"/> if null).</param>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinimumTests"/> tests, a test outside the series, a
    /// negative or non-finite load, or no fit with positive gains (the tests do not follow the loads).</exception>
    public static BanisterFit Fit(IReadOnlyList<double> dailyLoads, IReadOnlyList<PerformanceTest> tests, ModelParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(dailyLoads);
        ArgumentNullException.ThrowIfNull(tests);
        parameters ??= ModelParameters.Default;
        var maximumDays = (int)parameters.Get(ParameterNames.BanisterMaxTimeConstantDays);
        var ratio = parameters.Get(ParameterNames.BanisterMinTimeConstantRatio);
        if (tests.Count < MinimumTests)
        {
            throw new ArgumentException($"a fit of the five Banister parameters needs at least {MinimumTests} performance tests; {tests.Count} given", nameof(tests));
        }

        foreach (var test in tests)
        {
            if (test.Day < 0 || test.Day >= dailyLoads.Count || !double.IsFinite(test.Performance))
            {
                throw new ArgumentException($"the test on day {test.Day} ({test.Performance}) is outside the {dailyLoads.Count}-day load series or not a number", nameof(tests));
            }
        }

        if (dailyLoads.Any(w => w < 0 || !double.IsFinite(w)))
        {
            throw new ArgumentException("training loads must be finite and not negative", nameof(dailyLoads));
        }

        var problem = new Problem(dailyLoads, tests, ratio, maximumDays);
        var best = (Tau1: double.NaN, Tau2: double.NaN, Sse: double.PositiveInfinity);
        var responses = new double[maximumDays + 1][];
        for (var tau = 1; tau <= maximumDays; tau++)
        {
            responses[tau] = problem.AtTests(tau);
        }

        for (var tau1 = 2; tau1 <= maximumDays; tau1++)
        {
            for (var tau2 = 1; tau2 * ratio <= tau1; tau2++)
            {
                if (problem.Solve(responses[tau1], responses[tau2]) is { } s && s.Sse < best.Sse)
                {
                    best = (tau1, tau2, s.Sse);
                }
            }
        }

        if (double.IsNaN(best.Tau1))
        {
            throw new ArgumentException("no fit with positive fitness and fatigue gains: the tests do not follow the loads", nameof(tests));
        }

        var (t1, t2) = NelderMead(p => problem.Sse(p.X, p.Y), (best.Tau1, best.Tau2));
        var solution = problem.Solve(problem.AtTests(t1), problem.AtTests(t2))!.Value;
        var model = new Banister(solution.P0, solution.K1, solution.K2, t1, t2);
        return new BanisterFit(model, tests.Count, solution.Sse, problem.TotalSumOfSquares > 0 ? 1 - (solution.Sse / problem.TotalSumOfSquares) : 1);
    }

    /// <summary>
    /// MathNet's Nelder–Mead on the two time constants, from a simplex one day (τ1) and half a day (τ2) wide around the
    /// grid's best point; the best point it evaluated is the answer (also when it runs out of iterations).
    /// </summary>
    private static (double X, double Y) NelderMead(Func<(double X, double Y), double> f, (double X, double Y) start)
    {
        var best = (Point: start, Value: f(start));
        double Objective(Vector<double> p)
        {
            var value = f((p[0], p[1]));
            if (value < best.Value)
            {
                best = ((p[0], p[1]), value);
            }

            // Outside the allowed region the SSE is infinite; the simplex needs a finite value to compare.
            return double.IsFinite(value) ? value : Infeasible;
        }

        try
        {
            NelderMeadSimplex.Minimum(ObjectiveFunction.Value(Objective), Vector<double>.Build.Dense([start.X, start.Y]),
                Vector<double>.Build.Dense([1, 0.5]), convergenceTolerance: 1e-12, maximumIterations: 2000);
        }
        catch (MaximumIterationsException)
        {
            // The best point seen so far stands.
        }

        return best.Point;
    }

    /// <summary>What the simplex sees outside the allowed time constants (τ2 ≥ 0.5 d, τ1 ≥ ratio·τ2, τ1 ≤ the maximum).</summary>
    private const double Infeasible = 1e300;

    /// <summary>The least-squares problem for fixed time constants: p = p0 + k1·a − k2·b, linear in (p0, k1, k2).</summary>
    private sealed class Problem(IReadOnlyList<double> loads, IReadOnlyList<PerformanceTest> tests, double ratio, int maximumDays)
    {
        private readonly double[] _observed = [.. tests.Select(t => t.Performance)];

        public double TotalSumOfSquares
        {
            get
            {
                var mean = _observed.Average();
                return _observed.Sum(y => (y - mean) * (y - mean));
            }
        }

        public double[] AtTests(double tau)
        {
            var response = Banister.Response(loads, tau);
            return [.. tests.Select(t => response[t.Day])];
        }

        public double Sse(double tau1, double tau2) =>
            tau2 < 0.5 || tau1 < tau2 * ratio || tau1 > maximumDays ? double.PositiveInfinity
            : Solve(AtTests(tau1), AtTests(tau2))?.Sse ?? double.PositiveInfinity;

        /// <summary>Normal equations of the 3-parameter linear fit; <c>null</c> when singular or a gain is negative.</summary>
        public (double P0, double K1, double K2, double Sse)? Solve(double[] fitness, double[] fatigue)
        {
            Span<double> m = stackalloc double[12];
            for (var i = 0; i < _observed.Length; i++)
            {
                ReadOnlySpan<double> x = [1, fitness[i], -fatigue[i]];
                for (var r = 0; r < 3; r++)
                {
                    for (var c = 0; c < 3; c++)
                    {
                        m[(r * 4) + c] += x[r] * x[c];
                    }

                    m[(r * 4) + 3] += x[r] * _observed[i];
                }
            }

            if (!Eliminate(m))
            {
                return null;
            }

            var (p0, k1, k2) = (m[3], m[7], m[11]);
            if (k1 < 0 || k2 < 0)
            {
                return null;
            }

            var sse = 0.0;
            for (var i = 0; i < _observed.Length; i++)
            {
                var e = _observed[i] - (p0 + (k1 * fitness[i]) - (k2 * fatigue[i]));
                sse += e * e;
            }

            return (p0, k1, k2, sse);
        }

        /// <summary>Gauss–Jordan with partial pivoting on a 3×4 augmented matrix; the solution is left in column 4.</summary>
        private static bool Eliminate(Span<double> m)
        {
            var scale = Math.Max(1, Math.Abs(m[0]) + Math.Abs(m[5]) + Math.Abs(m[10]));
            for (var col = 0; col < 3; col++)
            {
                var pivot = col;
                for (var r = col + 1; r < 3; r++)
                {
                    if (Math.Abs(m[(r * 4) + col]) > Math.Abs(m[(pivot * 4) + col]))
                    {
                        pivot = r;
                    }
                }

                if (Math.Abs(m[(pivot * 4) + col]) < 1e-12 * scale)
                {
                    return false;
                }

                for (var c = 0; c < 4; c++)
                {
                    (m[(col * 4) + c], m[(pivot * 4) + c]) = (m[(pivot * 4) + c], m[(col * 4) + c]);
                }

                var p = m[(col * 4) + col];
                for (var c = 0; c < 4; c++)
                {
                    m[(col * 4) + c] /= p;
                }

                for (var r = 0; r < 3; r++)
                {
                    if (r != col)
                    {
                        var factor = m[(r * 4) + col];
                        for (var c = 0; c < 4; c++)
                        {
                            m[(r * 4) + c] -= factor * m[(col * 4) + c];
                        }
                    }
                }
            }

            return true;
        }
    }
}
