using System.Security.Cryptography;
using System.Text;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using RunAdapt.Core.Model;

namespace RunAdapt.Evidence;

/// <summary>A parameter fit: the fitted values and the objective they reached.</summary>
/// <param name="Values">Parameter name → fitted value.</param>
/// <param name="Objective">Σ standardized error² plus the prior penalty at the fit.</param>
/// <param name="Evaluations">How many times the library was run.</param>
public sealed record Fit(IReadOnlyDictionary<string, double> Values, double Objective, int Evaluations);

/// <summary>
/// Fits model parameters to the evidence library: minimises Σ log(1 + ((model − published) / tolerance)²) over the
/// outcomes (a robust, Cauchy form of the standardized error) plus a prior that keeps each parameter inside its plausible range — a Gaussian of SD <see cref="PriorSd"/> in the
/// logit of its position in [min, max], centred on its value before any fit (<see cref="ModelParameter.Prior"/>, else its
/// current value) — with MathNet's Nelder–Mead simplex in that logit space (restarted from its best point while that still
/// improves), started at that centre: every fit, a fold's
/// too, starts from the literature, not from an earlier fit that saw the fold's held-out studies. Cross-validation is by study: whole studies go to folds by a hash of their id.
/// </summary>
public static class Calibration
{
    /// <summary>The prior's SD in logit units (1: the prior value's neighbourhood, the range's edges very unlikely).</summary>
    public const double PriorSd = 1.0;

    /// <summary>The penalty of an outcome whose simulation failed (the model refused the drawn profile).</summary>
    private const double FailedPenalty = 100;

    /// <summary>The fold (0 … folds − 1) a study is held out in: the study id's SHA-256, so stable across runs and machines.</summary>
    /// <param name="studyId">The study id.</param>
    /// <param name="folds">The number of folds.</param>
    public static int FoldOf(string studyId, int folds)
    {
        ArgumentNullException.ThrowIfNull(studyId);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(studyId));
        return (int)(BitConverter.ToUInt32(hash, 0) % (uint)folds);
    }

    /// <summary>The parameters that can be fitted: single-valued, with a finite range.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="names">The names asked for.</param>
    /// <exception cref="ArgumentException">A name is unknown, a table, or has an open range.</exception>
    public static IReadOnlyList<ModelParameter> Fittable(ModelParameters parameters, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(names);
        var known = parameters.All.ToDictionary(p => p.Name, StringComparer.Ordinal);
        return [.. names.Select(n =>
            !known.TryGetValue(n, out var p) ? throw new ArgumentException($"unknown parameter '{n}'")
            : p.Values.Count != 1 ? throw new ArgumentException($"'{n}' is a table; only single values are fitted")
            : !double.IsFinite(p.Minimum) || !double.IsFinite(p.Maximum) || p.Maximum <= p.Minimum ? throw new ArgumentException($"'{n}' has no finite plausible range to fit within")
            : p)];
    }

    /// <summary>
    /// The objective at a parameter set: Σ log(1 + e²) of the standardized errors e over the modelled outcomes (failed
    /// runs penalised). The Cauchy loss is e² near the tolerance but grows only logarithmically beyond it, so a few
    /// outcomes no parameter set can reach (a protocol only approximated, an SE read as an SD) do not drag every
    /// parameter toward them at the expense of the many that can be matched.
    /// </summary>
    /// <param name="results">The outcomes with the model's values.</param>
    public static double Misfit(IEnumerable<OutcomeResult> results) =>
        results.Where(r => r.Modelled).Sum(r => r.StandardizedError is { } e && double.IsFinite(e) ? Math.Log(1 + (e * e)) : FailedPenalty);

    /// <summary>Fits the named parameters to the studies.</summary>
    /// <param name="studies">The studies fitted to.</param>
    /// <param name="centre">The parameters (each fitted one's prior value, else its current one: the start and the prior's centre).</param>
    /// <param name="fitted">The parameters to fit (see <see cref="Fittable"/>).</param>
    /// <param name="evaluations">The most library runs the simplex may make.</param>
    public static Fit Run(IReadOnlyList<Study> studies, ModelParameters centre, IReadOnlyList<ModelParameter> fitted, int evaluations)
    {
        ArgumentNullException.ThrowIfNull(centre);
        ArgumentNullException.ThrowIfNull(fitted);
        var z0 = fitted.Select(p => Logit(p, p.Prior ?? p.Value)).ToArray();
        var count = 0;
        var best = (Objective: double.PositiveInfinity, Z: z0);
        double Objective(Vector<double> z)
        {
            count++;
            var prior = z.Select((v, i) => Math.Pow((v - z0[i]) / PriorSd, 2)).Sum();
            var value = Misfit(EvidenceRunner.Run(studies, centre.With(Values(fitted, z.ToArray())))) + prior;
            if (value < best.Objective)
            {
                best = (value, z.ToArray());
            }

            return value;
        }

        if (fitted.Count > 0)
        {
            // A simplex can collapse before the minimum (it converges in 19 dimensions well inside the budget), so it is
            // restarted from the best point with a fresh, smaller simplex while evaluations remain and a restart still
            // improves the objective.
            var step = 0.5;
            while (count < evaluations)
            {
                var before = best.Objective;
                try
                {
                    NelderMeadSimplex.Minimum(ObjectiveFunction.Value(Objective), Vector<double>.Build.DenseOfArray(best.Z),
                        Vector<double>.Build.Dense(z0.Length, step), convergenceTolerance: 1e-6, maximumIterations: evaluations - count);
                }
                catch (MaximumIterationsException)
                {
                    // Out of evaluations: the best point seen is the fit.
                    break;
                }

                if (before - best.Objective < 1e-3)
                {
                    break;
                }

                step = 0.25;
            }
        }
        else
        {
            Objective(Vector<double>.Build.Dense(0));
        }

        return new Fit(Values(fitted, best.Z), best.Objective, count);
    }

    private static Dictionary<string, double> Values(IReadOnlyList<ModelParameter> fitted, double[] z) =>
        fitted.Select((p, i) => (p.Name, Value: Expit(p, z[i]))).ToDictionary(x => x.Name, x => x.Value, StringComparer.Ordinal);

    private static double Logit(ModelParameter p, double value)
    {
        var u = Math.Clamp((value - p.Minimum) / (p.Maximum - p.Minimum), 1e-3, 1 - 1e-3);
        return Math.Log(u / (1 - u));
    }

    private static double Expit(ModelParameter p, double z) => p.Minimum + ((p.Maximum - p.Minimum) * SpecialFunctions.Logistic(z));
}
