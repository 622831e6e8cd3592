using RunAdapt.Core.Training;

namespace RunAdapt.Analysis;

/// <summary>How a session's load was estimated, best first.</summary>
public enum LoadMethod
{
    /// <summary>Banister TRIMP from recorded heart rate (at least half the running time has heart rate).</summary>
    HeartRate,

    /// <summary>Heart-rate reserve estimated from grade-adjusted speed relative to threshold speed, then Banister TRIMP.</summary>
    Pace,

    /// <summary>
    /// No heart rate and no speed, but the athlete rated the session (Borg CR-10): heart-rate reserve taken as the
    /// rating over ten (ACSM's intensity bands: moderate 40–59 % HRR ≈ CR-10 4–5, vigorous 60–89 % ≈ 6–8), then Banister.
    /// </summary>
    PerceivedEffort,

    /// <summary>Only the duration is trusted: an easy effort (65 % of heart-rate reserve) is assumed.</summary>
    Duration,
}

/// <summary>A session's training load (TRIMP units) and how it was estimated.</summary>
/// <param name="Trimp">Banister training impulse (minutes weighted by relative intensity).</param>
/// <param name="Method">How it was estimated.</param>
public readonly record struct SessionLoad(double Trimp, LoadMethod Method)
{
    /// <summary>The load as shown to users: TRIMP and, in brackets, what gave it (<c>95 (HR)</c>, <c>47 (pace)</c>, <c>30 (RPE)</c>, <c>60 (duration)</c>).</summary>
    public string Describe() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Trimp:0} ({Method switch
    {
        LoadMethod.HeartRate => "HR",
        LoadMethod.Pace => "pace",
        LoadMethod.PerceivedEffort => "RPE",
        _ => "duration",
    }})");
}

/// <summary>
/// Banister's training impulse: TRIMP = t·ΔHRr·0.64·e^(1.92·ΔHRr) for men and t·ΔHRr·0.86·e^(1.67·ΔHRr) for women,
/// with t in minutes and ΔHRr the fraction of heart-rate reserve. When heart rate is missing the reserve fraction is
/// estimated from pace, and failing that an easy effort is assumed; each load says which.
/// </summary>
public static class TrainingLoad
{
    /// <summary>The heart-rate reserve fraction assumed at threshold speed (lactate threshold sits near 85 % HRR in trained runners).</summary>
    public const double ReserveAtThreshold = 0.85;

    /// <summary>The heart-rate reserve fraction assumed when only the duration is known (an easy run).</summary>
    public const double ReserveWhenUnknown = 0.65;

    /// <summary>Banister TRIMP of a bout.</summary>
    /// <param name="minutes">Duration, in minutes.</param>
    /// <param name="reserveFraction">Fraction of heart-rate reserve (clamped to 0–1).</param>
    /// <param name="sex">Sex (sets the weighting).</param>
    public static double Trimp(double minutes, double reserveFraction, Sex sex)
    {
        var x = Math.Clamp(reserveFraction, 0, 1);
        return sex == Sex.Female ? minutes * x * 0.86 * Math.Exp(1.67 * x) : minutes * x * 0.64 * Math.Exp(1.92 * x);
    }

    /// <summary>
    /// The load of a session: each running segment by its heart rate when recorded, otherwise by its grade-adjusted speed;
    /// cross-training by its stated intensity. Flagged <see cref="LoadMethod.HeartRate"/> when at least half the running time
    /// has heart rate, <see cref="LoadMethod.Pace"/> when there is running with a speed, else <see cref="LoadMethod.Duration"/>.
    /// </summary>
    /// <param name="session">The session.</param>
    /// <param name="thresholds">The athlete's thresholds in force on the session's day.</param>
    /// <param name="sex">The athlete's sex.</param>
    public static SessionLoad Of(TrainingSession session, Thresholds thresholds, Sex sex)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(thresholds);
        double trimp = 0, seconds = 0, hrSeconds = 0, paceSeconds = 0;
        foreach (var s in session.Run)
        {
            seconds += s.DurationSeconds;
            double reserve;
            if (s.HeartRateBeatsPerMinute is { } hr)
            {
                hrSeconds += s.DurationSeconds;
                reserve = thresholds.ReserveFraction(hr);
            }
            else if (s.SpeedMetresPerSecond > 0)
            {
                paceSeconds += s.DurationSeconds;
                reserve = ReserveFromSpeed(GradeAdjustedPace.EquivalentLevelSpeed(s.SpeedMetresPerSecond, s.GradeFraction), thresholds);
            }
            else
            {
                reserve = ReserveWhenUnknown;
            }

            trimp += Trimp(s.DurationSeconds / 60, reserve, sex);
        }

        foreach (var c in session.Cross)
        {
            trimp += Trimp(c.DurationSeconds / 60, c.HeartRateReserveFraction, sex);
        }

        var method = seconds > 0 && hrSeconds >= seconds / 2 ? LoadMethod.HeartRate
            : paceSeconds + hrSeconds > 0 ? LoadMethod.Pace
            : LoadMethod.Duration;
        return new SessionLoad(trimp, method);
    }

    /// <summary>The heart-rate reserve fraction a grade-adjusted speed is assumed to cost: proportional to speed, <see cref="ReserveAtThreshold"/> at threshold.</summary>
    /// <param name="levelSpeedMetresPerSecond">Grade-adjusted speed.</param>
    /// <param name="thresholds">The thresholds in force.</param>
    public static double ReserveFromSpeed(double levelSpeedMetresPerSecond, Thresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return Math.Clamp(ReserveAtThreshold * levelSpeedMetresPerSecond / thresholds.ThresholdSpeedMetresPerSecond, 0, 1);
    }
}

/// <summary>One day of the fitness–fatigue (performance management) series.</summary>
/// <param name="Date">The day.</param>
/// <param name="Load">The day's total load (TRIMP).</param>
/// <param name="Fitness">Chronic training load (CTL) at the end of the day.</param>
/// <param name="Fatigue">Acute training load (ATL) at the end of the day.</param>
/// <param name="Form">Training stress balance (TSB): yesterday's fitness minus yesterday's fatigue, i.e. the form going into the day.</param>
/// <param name="RampPerWeek">Change in fitness over the last seven days.</param>
/// <param name="AcuteChronicRatio">Fatigue over fitness (exponentially weighted acute:chronic workload ratio); 0 while fitness is 0.</param>
public readonly record struct LoadDay(DateOnly Date, double Load, double Fitness, double Fatigue, double Form, double RampPerWeek, double AcuteChronicRatio);

/// <summary>Fitness (CTL), fatigue (ATL) and form (TSB) as exponentially weighted averages of daily load.</summary>
public static class FitnessFatigue
{
    /// <summary>Default time constant of fitness, in days.</summary>
    public const double DefaultFitnessDays = 42;

    /// <summary>Default time constant of fatigue, in days.</summary>
    public const double DefaultFatigueDays = 7;

    /// <summary>The series for sessions as the model sees them (recorded or planned): each session's load by <see cref="TrainingLoad.Of"/>.</summary>
    /// <param name="sessions">The sessions.</param>
    /// <param name="athlete">The athlete (sex; heart rates when no thresholds are given).</param>
    /// <param name="thresholds">Dated thresholds, if kept.</param>
    /// <param name="until">Extend the series to this day, if later than the last session.</param>
    public static IReadOnlyList<LoadDay> OfSessions(IEnumerable<TrainingSession> sessions, Athlete athlete, ThresholdHistory? thresholds = null, DateOnly? until = null)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(athlete);
        return Series(sessions.Select(s => (s.Date, TrainingLoad.Of(s, thresholds?.On(s.Date) ?? Thresholds.FromAthlete(athlete, s.Date), athlete.Sex).Trimp)), until: until);
    }

    /// <summary>The day-by-day series from the first to the last loaded day (rest days included, load 0).</summary>
    /// <param name="loads">Each session's day and load; several on one day add up.</param>
    /// <param name="fitnessDays">Fitness time constant, in days (&gt; 0).</param>
    /// <param name="fatigueDays">Fatigue time constant, in days (&gt; 0).</param>
    /// <param name="until">Extend the series to this day (e.g. today), if later than the last load.</param>
    public static IReadOnlyList<LoadDay> Series(IEnumerable<(DateOnly Date, double Load)> loads, double fitnessDays = DefaultFitnessDays, double fatigueDays = DefaultFatigueDays, DateOnly? until = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fitnessDays);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fatigueDays);
        var byDay = new SortedDictionary<DateOnly, double>();
        foreach (var (date, load) in loads)
        {
            byDay[date] = byDay.GetValueOrDefault(date) + load;
        }

        if (byDay.Count == 0)
        {
            return [];
        }

        var first = byDay.Keys.First();
        var last = until is { } u && u > byDay.Keys.Last() ? u : byDay.Keys.Last();
        var days = new List<LoadDay>(last.DayNumber - first.DayNumber + 1);
        double ctl = 0, atl = 0;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var load = byDay.GetValueOrDefault(day);
            var form = ctl - atl;
            ctl += (load - ctl) / fitnessDays;
            atl += (load - atl) / fatigueDays;
            var weekAgo = days.Count >= 7 ? days[^7].Fitness : 0;
            days.Add(new LoadDay(day, load, ctl, atl, form, ctl - weekAgo, ctl > 0 ? atl / ctl : 0));
        }

        return days;
    }
}
