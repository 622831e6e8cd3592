namespace RunAdapt.Core.Training;

/// <summary>
/// A stretch of running at one steady speed, grade and carried load: the unit the stimulus model works on.
/// A recorded run becomes many segments; a planned interval session one segment per repeat and per rest.
/// </summary>
/// <param name="DurationSeconds">How long the segment lasts, in seconds (&gt; 0).</param>
/// <param name="SpeedMetresPerSecond">Speed over ground, in metres per second (0 for standing rest).</param>
/// <param name="GradeFraction">Rise over run (0.06 = 6 % uphill, negative downhill).</param>
/// <param name="CarriedLoadKilograms">Extra mass carried (vest, pack), in kilograms.</param>
/// <param name="FootStrike">The foot strike in this segment, or <c>null</c> to use the athlete's habitual one.</param>
/// <param name="HeartRateBeatsPerMinute">Mean heart rate if known, in beats per minute.</param>
/// <param name="ReserveFraction">
/// For planned running prescribed by effort or heart rate: the fraction of VO2 reserve to run at. The model then
/// sets the speed from the athlete's fitness on the day (so the same effort gets faster as they get fitter);
/// <paramref name="SpeedMetresPerSecond"/> is the speed at the start.
/// </param>
/// <param name="StepLengthChangePercent">Step length relative to the runner's natural one at this speed, in percent (+10 = longer, lower cadence).</param>
/// <param name="StepsPerMinute">Measured cadence (both feet), when the recording has it; it then sets the step length instead of <paramref name="StepLengthChangePercent"/>.</param>
public sealed record RunSegment(
    double DurationSeconds,
    double SpeedMetresPerSecond,
    double GradeFraction = 0,
    double CarriedLoadKilograms = 0,
    FootStrike? FootStrike = null,
    double? HeartRateBeatsPerMinute = null,
    double? ReserveFraction = null,
    double StepLengthChangePercent = 0,
    double? StepsPerMinute = null)
{
    /// <summary>Step length over the runner's natural one (1 = natural).</summary>
    public double StepLengthRatio => 1 + (StepLengthChangePercent / 100);

    /// <summary>Distance covered, in metres.</summary>
    public double DistanceMetres => DurationSeconds * SpeedMetresPerSecond;
}
