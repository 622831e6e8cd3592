namespace RunAdapt.Core.Model;

/// <summary>
/// The Banister impulse-response (fitness–fatigue) model of performance (Morton, Fitz-Clarke &amp; Banister 1990):
/// each day's training load adds to a fitness and a fatigue that decay exponentially, and performance is
/// <c>p(t) = p0 + k1·fitness(t) − k2·fatigue(t)</c> with <c>fitness(t) = fitness(t−1)·e^(−1/τ1) + w(t)</c>.
/// A day's load counts on that day, as in Clarke &amp; Skiba's (2013) spreadsheet and the dorem package.
/// </summary>
/// <param name="BasePerformance">p0: performance with no training effect, in the performance's unit.</param>
/// <param name="FitnessGain">k1: performance gained per unit of fitness (performance unit per load unit).</param>
/// <param name="FatigueGain">k2: performance lost per unit of fatigue (performance unit per load unit).</param>
/// <param name="FitnessDays">τ1: time constant of fitness, in days.</param>
/// <param name="FatigueDays">τ2: time constant of fatigue, in days.</param>
public sealed record Banister(double BasePerformance, double FitnessGain, double FatigueGain, double FitnessDays, double FatigueDays)
{
    /// <summary>The predicted performance on every day of a daily load series (index 0 = the first day).</summary>
    /// <param name="dailyLoads">Training load of each consecutive day (0 on rest days).</param>
    public double[] Predict(IReadOnlyList<double> dailyLoads)
    {
        ArgumentNullException.ThrowIfNull(dailyLoads);
        var fitness = Response(dailyLoads, FitnessDays);
        var fatigue = Response(dailyLoads, FatigueDays);
        var performance = new double[dailyLoads.Count];
        for (var t = 0; t < performance.Length; t++)
        {
            performance[t] = BasePerformance + (FitnessGain * fitness[t]) - (FatigueGain * fatigue[t]);
        }

        return performance;
    }

    /// <summary>
    /// Days after a single training dose at which its net effect on performance peaks (fatigue has faded while
    /// fitness remains): <c>τ1τ2/(τ1−τ2)·ln(k2τ1/(k1τ2))</c>; 0 when the dose helps from the first day. The usual
    /// guide for how long before a race the last hard session belongs. <c>null</c> when fitness never outweighs
    /// fatigue (τ1 ≤ τ2 or k1 ≤ 0).
    /// </summary>
    public double? DaysToPeakEffect => DaysUntil(FatigueGain * FitnessDays / (FitnessGain * FatigueDays));

    /// <summary>
    /// Days after a single training dose before its net effect on performance turns positive:
    /// <c>τ1τ2/(τ1−τ2)·ln(k2/k1)</c>; 0 when fitness outweighs fatigue from the start.
    /// </summary>
    public double? DaysUntilPositiveEffect => DaysUntil(FatigueGain / FitnessGain);

    /// <summary>
    /// <c>τ1τ2/(τ1−τ2)·ln(ratio)</c>: the day a dose's fitness-over-fatigue reaches the given ratio's balance; 0 when
    /// already there on the first day, <c>null</c> when fitness never outweighs fatigue (τ1 ≤ τ2 or k1 ≤ 0).
    /// </summary>
    private double? DaysUntil(double ratio) =>
        FitnessDays <= FatigueDays || FitnessGain <= 0 ? null
        : ratio <= 1 ? 0
        : FitnessDays * FatigueDays / (FitnessDays - FatigueDays) * Math.Log(ratio);

    /// <summary>The exponentially decaying sum of the loads up to and including each day.</summary>
    internal static double[] Response(IReadOnlyList<double> dailyLoads, double days)
    {
        var decay = Math.Exp(-1 / days);
        var response = new double[dailyLoads.Count];
        var carried = 0.0;
        for (var t = 0; t < response.Length; t++)
        {
            carried = (carried * decay) + dailyLoads[t];
            response[t] = carried;
        }

        return response;
    }
}
