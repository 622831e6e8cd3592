using RunAdapt.Core.Training;

namespace RunAdapt.Reports;

/// <summary>The kinds of session the weekly-volume chart and the evidence table tell apart.</summary>
public enum SessionKind
{
    /// <summary>Steady running on the flat without load.</summary>
    EasyRun,

    /// <summary>Running that climbs in a sustained way: hill repeats or ten minutes uphill (<see cref="Climbing.IsSustained"/>), not one short rise.</summary>
    Hills,

    /// <summary>Running with short fast repeats (≥ 6 m/s for at most 2 minutes).</summary>
    Speed,

    /// <summary>Running with a carried load.</summary>
    Weighted,

    /// <summary>Resistance training.</summary>
    Strength,

    /// <summary>Cross-training (cycling, swimming, ...).</summary>
    Cross,
}

/// <summary>Classifies sessions for the charts and estimates their duration.</summary>
public static class SessionKinds
{
    // Short-repeat threshold: 6 m/s is 2:47/km, sprint territory for all but elite distance runners.
    private const double SprintSpeedMetresPerSecond = 6.0;
    private const double SprintMaxSeconds = 120;

    // A strength set of n reps takes about 3 s per rep plus about 2 minutes of rest before the next set.
    private const double SecondsPerRep = 3;
    private const double RestBetweenSetsSeconds = 120;

    /// <summary>The session's dominant kind: the most specific stimulus it contains.</summary>
    /// <param name="session">The session.</param>
    public static SessionKind Classify(TrainingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Run.Count == 0)
        {
            return session.Strength.Count > 0 ? SessionKind.Strength : SessionKind.Cross;
        }

        if (session.Run.Any(s => s.SpeedMetresPerSecond >= SprintSpeedMetresPerSecond && s.DurationSeconds <= SprintMaxSeconds))
        {
            return SessionKind.Speed;
        }

        if (session.Run.Any(s => s.CarriedLoadKilograms > 0))
        {
            return SessionKind.Weighted;
        }

        return Climbing.IsSustained(session) ? SessionKind.Hills : SessionKind.EasyRun;
    }

    /// <summary>The session's duration in minutes, strength work estimated from its sets and reps.</summary>
    /// <param name="session">The session.</param>
    public static double Minutes(TrainingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var seconds = session.Run.Sum(s => s.DurationSeconds)
            + session.Strength.Sum(s => s.Sets * ((s.Reps * SecondsPerRep) + RestBetweenSetsSeconds))
            + session.Cross.Sum(c => c.DurationSeconds);
        return seconds / 60;
    }

    /// <summary>The kind's display name.</summary>
    /// <param name="kind">The kind.</param>
    public static string Display(SessionKind kind) => kind switch
    {
        SessionKind.EasyRun => "Easy / steady run",
        SessionKind.Hills => "Hills",
        SessionKind.Speed => "Speed / sprints",
        SessionKind.Weighted => "Weighted run",
        SessionKind.Strength => "Strength",
        _ => "Cross-training",
    };

    /// <summary>The kind's chart colour, as <c>#rrggbb</c>.</summary>
    /// <param name="kind">The kind.</param>
    public static string Colour(SessionKind kind) => kind switch
    {
        SessionKind.EasyRun => "#92c5de",
        SessionKind.Hills => "#1b7837",
        SessionKind.Speed => "#d6604d",
        SessionKind.Weighted => "#8c510a",
        SessionKind.Strength => "#7b3294",
        _ => "#bababa",
    };
}
