namespace RunAdapt.Core.Model;

/// <summary>
/// Race performance from Daniels &amp; Gilbert's oxygen-power equations (VDOT) and Riegel's power law: the fitness a
/// race result implies, and the equivalent times at other distances.
/// </summary>
public static class RacePredictor
{
    /// <summary>Oxygen cost of running at a speed, ml/kg/min (Daniels &amp; Gilbert).</summary>
    /// <param name="metresPerMinute">Speed in metres per minute.</param>
    public static double OxygenCost(double metresPerMinute) =>
        -4.60 + (0.182258 * metresPerMinute) + (0.000104 * metresPerMinute * metresPerMinute);

    /// <summary>Fraction of VO2max sustainable for a race of this duration (Daniels &amp; Gilbert).</summary>
    /// <param name="minutes">Race duration in minutes.</param>
    public static double SustainableFraction(double minutes) =>
        0.8 + (0.1894393 * Math.Exp(-0.012778 * minutes)) + (0.2989558 * Math.Exp(-0.1932605 * minutes));

    /// <summary>The VDOT a race result implies.</summary>
    /// <param name="metres">Race distance.</param>
    /// <param name="time">Finishing time.</param>
    public static double Vdot(double metres, TimeSpan time)
    {
        var minutes = time.TotalMinutes;
        return OxygenCost(metres / minutes) / SustainableFraction(minutes);
    }

    /// <summary>The time at a distance that gives the same VDOT (solved by bisection).</summary>
    /// <param name="vdot">The fitness.</param>
    /// <param name="metres">The distance.</param>
    public static TimeSpan EquivalentTime(double vdot, double metres)
    {
        double low = 1, high = 2000;
        for (var i = 0; i < 100; i++)
        {
            var mid = (low + high) / 2;
            if (Vdot(metres, TimeSpan.FromMinutes(mid)) > vdot)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return TimeSpan.FromMinutes((low + high) / 2);
    }

    /// <summary>Riegel's prediction: t2 = t1 × (d2 / d1)^exponent.</summary>
    /// <param name="metres">Known distance.</param>
    /// <param name="time">Known time.</param>
    /// <param name="targetMetres">Distance to predict.</param>
    /// <param name="exponent">Fatigue exponent (1.06 in Riegel 1981).</param>
    public static TimeSpan Riegel(double metres, TimeSpan time, double targetMetres, double exponent = 1.06) =>
        TimeSpan.FromMinutes(time.TotalMinutes * Math.Pow(targetMetres / metres, exponent));
}
