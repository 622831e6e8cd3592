using System.Globalization;
using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;

namespace RunAdapt.Core.Planning;

/// <summary>
/// Something the outcome can be asked about: a muscle's size, strength or endurance, VO2max, bone, fat or body mass,
/// each as a percent change from the start of the simulation.
/// </summary>
/// <param name="Name">The name a goal uses (<c>glutes</c>, <c>glutes.strength</c>, <c>vo2max</c>, <c>fat</c>, ...).</param>
/// <param name="Description">What it is, in words, with its unit.</param>
/// <param name="LowerIsBetter">True for fat: keeping it means not gaining.</param>
public sealed record GoalMeasure(string Name, string Description, bool LowerIsBetter)
{
    private static readonly string[] SystemicNames = ["vo2max", "bone", "fat", "mass"];

    /// <summary>Every measure name a goal accepts.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. Muscles.All.SelectMany(m => new[] { m.Name(), m.Name() + ".strength", m.Name() + ".endurance" }), .. SystemicNames];

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

/// <summary>A wanted result: a measure reaching a percent change (at least it when positive, at most it when negative).</summary>
/// <param name="Measure">What is wanted.</param>
/// <param name="TargetPercent">The change wanted by the end, in percent (+5 = grow 5 %, −3 = lose 3 %).</param>
public sealed record Want(GoalMeasure Measure, double TargetPercent)
{
    /// <summary>Parses <c>MEASURE:+N</c> (e.g. <c>glutes:+5</c>, <c>fat:-5</c>).</summary>
    /// <param name="text">The wanted change.</param>
    /// <exception cref="ArgumentException">Not of that form, or an unknown measure.</exception>
    public static Want Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        if (parts.Length != 2 || !double.TryParse(parts[1].Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var target) || !double.IsFinite(target) || target == 0)
        {
            throw new ArgumentException($"'{text}' is not of the form MEASURE:+N (a percent change, e.g. glutes:+5 or fat:-5)", nameof(text));
        }

        return new Want(GoalMeasure.Parse(parts[0]), target);
    }

    /// <summary>How far a value falls short of the target, as a fraction of it (0 when reached).</summary>
    /// <param name="value">The measure's value.</param>
    public double Shortfall(double value) => Math.Max(0, -Margin(value));

    /// <summary>How far a value is past the target (negative: short of it), as a fraction of the target.</summary>
    /// <param name="value">The measure's value.</param>
    public double Margin(double value) =>
        (TargetPercent > 0 ? value - TargetPercent : TargetPercent - value) / Math.Max(1, Math.Abs(TargetPercent));

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Measure.Name} {TargetPercent:+0.##;-0.##} %");
}
