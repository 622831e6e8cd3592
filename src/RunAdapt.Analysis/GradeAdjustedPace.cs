using RunAdapt.Core.Model;
using RunAdapt.Core.Training;

namespace RunAdapt.Analysis;

/// <summary>
/// Grade-adjusted pace and metabolic energy from Minetti et al. 2002's cost of running on a slope
/// (C(i) = 155.4i⁵ − 30.4i⁴ − 43.3i³ + 46.3i² + 19.5i + 3.6 J/kg/m, valid for −45 % … +45 %).
/// </summary>
public static class GradeAdjustedPace
{
    /// <summary>The cost of level running, in J/kg/m (the polynomial's constant term).</summary>
    public const double LevelCostJoulesPerKilogramMetre = 3.6;

    /// <summary>The speed on level ground that costs as much energy per second as running at this speed and grade.</summary>
    /// <param name="speedMetresPerSecond">Speed over ground.</param>
    /// <param name="gradeFraction">Rise over run (0.1 = 10 % uphill).</param>
    public static double EquivalentLevelSpeed(double speedMetresPerSecond, double gradeFraction) =>
        speedMetresPerSecond * Biomechanics.CostJoulesPerKilogramMetre(gradeFraction) / LevelCostJoulesPerKilogramMetre;

    /// <summary>Metabolic energy of running a distance at a grade, in kilojoules.</summary>
    /// <param name="distanceMetres">Distance over ground.</param>
    /// <param name="gradeFraction">Rise over run.</param>
    /// <param name="massKilograms">Body mass plus carried load.</param>
    public static double EnergyKilojoules(double distanceMetres, double gradeFraction, double massKilograms) =>
        Biomechanics.CostJoulesPerKilogramMetre(gradeFraction) * massKilograms * distanceMetres / 1000;

    /// <summary>Metabolic energy of a session's running, in kilojoules (each segment at its grade, with its carried load).</summary>
    /// <param name="session">The session.</param>
    /// <param name="bodyMassKilograms">The athlete's body mass.</param>
    public static double SessionEnergyKilojoules(TrainingSession session, double bodyMassKilograms) =>
        session.Run.Sum(s => EnergyKilojoules(s.DistanceMetres, s.GradeFraction, bodyMassKilograms + s.CarriedLoadKilograms));

    /// <summary>The session's mean grade-adjusted speed (total level-equivalent distance over total time), in m/s; 0 when it has no running.</summary>
    /// <param name="session">The session.</param>
    public static double SessionSpeedMetresPerSecond(TrainingSession session)
    {
        var seconds = session.Run.Sum(s => s.DurationSeconds);
        return seconds > 0 ? session.Run.Sum(s => EquivalentLevelSpeed(s.SpeedMetresPerSecond, s.GradeFraction) * s.DurationSeconds) / seconds : 0;
    }
}
