namespace RunAdapt.Core.Outcomes;

/// <summary>Which direction of a measure is good for the runner.</summary>
public enum Better
{
    /// <summary>More is better (VO2max, muscle size, bone density).</summary>
    Higher,

    /// <summary>Less is better (fat mass, injury risk).</summary>
    Lower,

    /// <summary>Neither direction is good or bad in itself (body mass, fibre-type shares).</summary>
    Neither,
}

/// <summary>The summary tables a measure appears in, beside its own table (muscles or whole body).</summary>
[Flags]
public enum Summaries
{
    /// <summary>Only its own table.</summary>
    None = 0,

    /// <summary>The "how sure" table, and the headline's check for an answer that is not sure.</summary>
    Bands = 1,

    /// <summary>The "why" table: what each kind of session contributed.</summary>
    Why = 2,

    /// <summary>The side-by-side comparison of scenarios.</summary>
    Compare = 4,

    /// <summary>The table of how the body changed over time (a row every few weeks; a muscle measure as the legs' mean).</summary>
    OverTime = 8,
}

/// <summary>How a measure's value relates to the start of the simulation.</summary>
public enum MeasureKind
{
    /// <summary>The value is already a percent change since the start (the start is 0).</summary>
    Change,

    /// <summary>The value is a level (ml/kg/min, kg, a share of fibres); its change is the end minus the start.</summary>
    Level,
}

/// <summary>Whether a measure belongs to each muscle group or to the whole body.</summary>
public enum MeasureScope
{
    /// <summary>One value per muscle group (<c>muscles.&lt;name&gt;.&lt;json&gt;</c>).</summary>
    Muscle,

    /// <summary>One value for the body (<c>&lt;json&gt;</c> beside <c>muscles</c>).</summary>
    Body,
}

/// <summary>
/// One thing an outcome can tell, describing itself (after GoldenCheetah's <c>RideMetric</c>): its key, its JSON name,
/// label, unit, precision, which direction is good, and the words for its change. Every face lays out measures from
/// the <see cref="MeasureCatalogue"/> instead of knowing them one by one.
/// </summary>
public sealed record Measure
{
    private readonly Func<BodySnapshot, string?, double> _read;

    private Measure(MeasureScope scope, string key, string json, string label, Func<BodySnapshot, string?, double> read)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        (Scope, Key, Json, Label, _read) = (scope, key, json, label, read);
    }

    /// <summary>The catalogue's key (<c>size</c>, <c>vo2max</c>, <c>body_mass</c>, ...): also the name the uncertainty drivers use for body measures.</summary>
    public string Key { get; }

    /// <summary>The name of its value in the public JSON (<c>size_change_pct</c>, <c>body_mass_kg</c>, ...).</summary>
    public string Json { get; }

    /// <summary>What a table calls it (<c>size</c>, <c>VO2max</c>, <c>body mass</c>).</summary>
    public string Label { get; }

    /// <summary>The unit as shown after a value (<c>%</c>, <c>ml/kg/min</c>, <c>kg</c>), or an empty string for an index.</summary>
    public string Unit { get; init; } = "";

    /// <summary>Digits shown after the point.</summary>
    public int Decimals { get; init; } = 1;

    /// <summary>Which direction is good.</summary>
    public Better Better { get; init; } = Better.Neither;

    /// <summary>Whether the value is a change since the start or a level.</summary>
    public MeasureKind Kind { get; init; } = MeasureKind.Level;

    /// <summary>Per muscle group or for the whole body.</summary>
    public MeasureScope Scope { get; }

    /// <summary>The summary tables it appears in.</summary>
    public Summaries In { get; init; }

    /// <summary>The verb for a rise, in its base form (<c>grow</c> for a muscle's size, <c>rise</c> otherwise).</summary>
    public string Up { get; init; } = "rise";

    /// <summary>The verb for a fall, in its base form (<c>shrink</c>, <c>fall</c>).</summary>
    public string Down { get; init; } = "fall";

    /// <summary>A measure of each muscle group.</summary>
    /// <param name="key">The catalogue's key.</param>
    /// <param name="json">The name of its value in the JSON.</param>
    /// <param name="label">What a table calls it.</param>
    /// <param name="read">Its value in a muscle's snapshot.</param>
    public static Measure OfMuscle(string key, string json, string label, Func<MuscleSnapshot, double> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return new Measure(MeasureScope.Muscle, key, json, label, (body, muscle) => read(body.Muscles[muscle ?? throw new ArgumentNullException(nameof(muscle), "a muscle measure needs the muscle")]));
    }

    /// <summary>A measure of the whole body.</summary>
    /// <param name="key">The catalogue's key.</param>
    /// <param name="json">The name of its value in the JSON.</param>
    /// <param name="label">What a table calls it.</param>
    /// <param name="read">Its value in a snapshot.</param>
    public static Measure OfBody(string key, string json, string label, Func<BodySnapshot, double> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return new Measure(MeasureScope.Body, key, json, label, (body, _) => read(body));
    }

    /// <summary>The value in a snapshot.</summary>
    /// <param name="body">The snapshot.</param>
    /// <param name="muscle">The muscle group, for a muscle measure; <c>null</c> for a body measure.</param>
    public double Read(BodySnapshot body, string? muscle = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return _read(body, muscle);
    }

    /// <summary>The change from <paramref name="start"/> to <paramref name="end"/> in the measure's own unit.</summary>
    /// <param name="start">The state at the start.</param>
    /// <param name="end">The later state.</param>
    /// <param name="muscle">The muscle group, for a muscle measure.</param>
    public double Change(BodySnapshot start, BodySnapshot end, string? muscle = null) =>
        Kind == MeasureKind.Change ? Read(end, muscle) : Read(end, muscle) - Read(start, muscle);

    /// <summary>A value as shown, with its unit: a change signed (<c>+1.2 %</c>), a level plain (<c>45.3 ml/kg/min</c>).</summary>
    /// <param name="value">The value.</param>
    public string Format(double value) =>
        Numbers.WithUnit(Kind == MeasureKind.Change ? Numbers.Signed(value, Decimals) : Numbers.Fixed(value, Decimals), Unit);

    /// <summary>A change as shown, signed, with its unit (<c>+4.2 ml/kg/min</c>).</summary>
    /// <param name="change">The change.</param>
    public string FormatChange(double change) => Numbers.WithUnit(Numbers.Signed(change, Decimals), Unit);

    /// <summary>
    /// What a sentence calls it: <c>VO2max</c> for a body measure; for a muscle measure the muscles first
    /// (<c>the glutes and calves</c> for size, <c>glutes strength</c> otherwise).
    /// </summary>
    /// <param name="muscles">The muscle groups, for a muscle measure; none for a body measure.</param>
    public string Subject(params IReadOnlyList<string> muscles)
    {
        ArgumentNullException.ThrowIfNull(muscles);
        if (muscles.Count == 0)
        {
            return Label;
        }

        var names = muscles.Count == 1 ? muscles[0] : $"{string.Join(", ", muscles.Take(muscles.Count - 1))} and {muscles[^1]}";
        return Key == MeasureCatalogue.SizeKey ? $"the {names}" : $"{names} {Label}";
    }

    /// <summary>The words for an answer whose direction is not sure: "<c>the glutes and calves may grow or shrink</c>".</summary>
    /// <param name="muscles">The muscle groups, for a muscle measure; none for a body measure.</param>
    public string MayGoEitherWay(params IReadOnlyList<string> muscles) => $"{Subject(muscles)} may {Up} or {Down}";

    /// <summary>Whether the change is good for the runner (<c>null</c> when neither direction is).</summary>
    /// <param name="change">The change.</param>
    public bool? IsGood(double change) => Better switch
    {
        Better.Higher => change > 0,
        Better.Lower => change < 0,
        _ => null,
    };
}
