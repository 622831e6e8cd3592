using System.Globalization;
using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;

namespace RunAdapt.Core.Planning;

/// <summary>
/// Something the outcome can be asked about: a muscle's size, strength or endurance, VO2max, bone, fat or body mass, or
/// a race's predicted time (<see cref="RaceTimes"/>), each as a percent change from the start of the simulation.
/// </summary>
/// <param name="Name">The name a goal uses (<c>glutes</c>, <c>glutes.strength</c>, <c>vo2max</c>, <c>fat</c>, ...).</param>
/// <param name="Description">What it is, in words, with its unit.</param>
/// <param name="LowerIsBetter">True for fat and race times: keeping it means not gaining.</param>
public sealed record GoalMeasure(string Name, string Description, bool LowerIsBetter)
{
    private static readonly string[] SystemicNames = ["vo2max", "bone", "fat", "mass"];

    /// <summary>Every measure name a goal accepts.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. Muscles.All.SelectMany(m => new[] { m.Name(), m.Name() + ".strength", m.Name() + ".endurance" }), .. SystemicNames, .. Race.Standard.Select(r => r.Key)];

    /// <summary>The race whose predicted time this measure is, or <c>null</c>.</summary>
    public Race? Race => Race.Find(Name);

    /// <summary>The measure by name.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <exception cref="ArgumentException">Not a known measure.</exception>
    public static GoalMeasure Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Trim().ToLowerInvariant();
        var (muscle, aspect) = key.Split('.') is [var m, var a] ? (m, a) : (key, "size");
        if (Muscles.All.Any(x => x.Name() == muscle) && aspect is "size" or "strength" or "endurance")
        {
            return new GoalMeasure(key, $"{muscle} {aspect} change, %", false);
        }

        if (Race.Find(key) is { } race)
        {
            return new GoalMeasure(race.Key, $"predicted {race.Name} time change, %", true);
        }

        return key switch
        {
            "vo2max" => new GoalMeasure(key, "VO2max change, %", false),
            "bone" => new GoalMeasure(key, "bone density change, %", false),
            "fat" => new GoalMeasure(key, "fat mass change, %", true),
            "mass" => new GoalMeasure(key, "body mass change, %", false),
            _ => throw new ArgumentException($"unknown measure '{name}' (known: {string.Join(", ", Names)})", nameof(name)),
        };
    }

    /// <summary>The measure's value at the end of an outcome: percent change from its start.</summary>
    /// <param name="outcome">A simulation's outcome.</param>
    public double Read(SimulationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        static double Change(double end, double start) => start == 0 ? 0 : ((end / start) - 1) * 100;
        var (start, end) = (outcome.Start, outcome.Final);
        if (Race is { } race)
        {
            return Change(RaceTimes.Seconds(race, end), RaceTimes.Seconds(race, start));
        }

        var (muscle, aspect) = Name.Split('.') is [var m, var a] ? (m, a) : (Name, "size");
        return Name switch
        {
            "vo2max" => Change(end.Vo2MaxMillilitresPerKilogramPerMinute, start.Vo2MaxMillilitresPerKilogramPerMinute),
            "bone" => end.BoneDensityChangePercent,
            "fat" => Change(end.FatMassKilograms, start.FatMassKilograms),
            "mass" => Change(end.BodyMassKilograms, start.BodyMassKilograms),
            _ => aspect switch
            {
                "strength" => end.Muscles[muscle].StrengthChangePercent,
                "endurance" => end.Muscles[muscle].EnduranceChangePercent,
                _ => end.Muscles[muscle].SizeChangePercent,
            },
        };
    }
}

/// <summary>How a want's target is given.</summary>
public enum WantForm
{
    /// <summary>A percent change from the start (<c>glutes:+5</c>, <c>fat:-5</c>, <c>10k:-3</c>).</summary>
    Percent,

    /// <summary>A race's predicted finishing time, in seconds (<c>10k:47:00</c>): at most it.</summary>
    FinishTime,

    /// <summary>A change in a race's predicted time from the start, in seconds (<c>marathon:-5:00</c>): at least that much faster.</summary>
    TimeChange,
}

/// <summary>
/// A wanted result: a measure reaching a percent change (at least it when positive, at most it when negative), or a race
/// reaching a predicted time or a time faster than at the start.
/// </summary>
/// <param name="Measure">What is wanted.</param>
/// <param name="Target">The target: a percent change (+5 = grow 5 %, −3 = lose 3 %), or seconds for a race time (<see cref="Form"/>).</param>
/// <param name="Form">How the target is given.</param>
public sealed record Want(GoalMeasure Measure, double Target, WantForm Form = WantForm.Percent)
{
    /// <summary>
    /// Parses <c>MEASURE:+N</c> (e.g. <c>glutes:+5</c>, <c>fat:-5</c>), or a race time <c>RACE:M:SS</c> / <c>RACE:H:MM:SS</c>
    /// (<c>10k:47:00</c>) or a time faster <c>RACE:-M:SS</c> (<c>marathon:-5:00</c>).
    /// </summary>
    /// <param name="text">The wanted change.</param>
    /// <exception cref="ArgumentException">Not of that form, or an unknown measure.</exception>
    public static Want Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':', 2);
        if (parts.Length == 2 && parts[1].Contains(':', StringComparison.Ordinal))
        {
            return ParseRaceTime(text, parts[0], parts[1].Trim());
        }

        if (parts.Length != 2 || !double.TryParse(parts[1].Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var target) || !double.IsFinite(target) || target == 0)
        {
            throw new ArgumentException($"'{text}' is not of the form MEASURE:+N (a percent change, e.g. glutes:+5 or fat:-5) or RACE:TIME (e.g. 10k:47:00 or marathon:-5:00)", nameof(text));
        }

        return new Want(GoalMeasure.Parse(parts[0]), target);
    }

    private static Want ParseRaceTime(string text, string name, string time)
    {
        var measure = GoalMeasure.Parse(name);
        if (measure.Race is null)
        {
            throw new ArgumentException($"'{text}': a time is a target for a race ({string.Join(", ", Race.Standard.Select(r => r.Key))}), not for {measure.Name}", nameof(text));
        }

        var faster = time.StartsWith('-');
        if (time.StartsWith('+') || Durations.Seconds(faster ? time[1..] : time) is not (> 0 and var seconds))
        {
            throw new ArgumentException($"'{text}' is not a race time (e.g. 10k:47:00, marathon:3:15:00) or a time faster than now (marathon:-5:00)", nameof(text));
        }

        return faster ? new Want(measure, -seconds, WantForm.TimeChange) : new Want(measure, seconds, WantForm.FinishTime);
    }

    /// <summary>The wanted measure's value at the end of an outcome, in the target's terms (percent, or seconds).</summary>
    /// <param name="outcome">A simulation's outcome.</param>
    public double Read(SimulationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return Form switch
        {
            WantForm.FinishTime => RaceTimes.Seconds(Measure.Race!, outcome.Final),
            WantForm.TimeChange => RaceTimes.Seconds(Measure.Race!, outcome.Final) - RaceTimes.Seconds(Measure.Race!, outcome.Start),
            _ => Measure.Read(outcome),
        };
    }

    /// <summary>How far a value falls short of the target, as a fraction of it (0 when reached).</summary>
    /// <param name="value">The measure's value.</param>
    public double Shortfall(double value) => Math.Max(0, -Margin(value));

    /// <summary>How far a value is past the target (negative: short of it), as a fraction of the target.</summary>
    /// <param name="value">The measure's value.</param>
    public double Margin(double value) =>
        (Form == WantForm.Percent && Target > 0 ? value - Target : Target - value) / Math.Max(1, Math.Abs(Target));

    /// <summary>A value of this want in its terms: <c>+5.0 %</c>, a time <c>47:00</c>, or a time change <c>-5:00</c>.</summary>
    /// <param name="value">The measure's value (from <see cref="Read"/>).</param>
    public string Format(double value) => Form switch
    {
        WantForm.FinishTime => Durations.Clock(value),
        WantForm.TimeChange => Durations.SignedClock(value),
        _ => $"{Numbers.Signed(value, 1)} %",
    };

    /// <inheritdoc/>
    public override string ToString() => Form switch
    {
        WantForm.FinishTime => $"{Measure.Name} in {Durations.Clock(Target)}",
        WantForm.TimeChange => $"{Measure.Name} {Durations.Clock(-Target)} faster",
        _ => string.Create(CultureInfo.InvariantCulture, $"{Measure.Name} {Target:+0.##;-0.##} %"),
    };
}
