using System.Globalization;

namespace RunAdapt.Evidence;

/// <summary>The band an outcome's model value must fall in to pass, and how it was derived.</summary>
/// <param name="Mean">The published mean.</param>
/// <param name="Low">The lowest passing value.</param>
/// <param name="High">The highest passing value.</param>
/// <param name="Basis">Where the width came from (SD, SE·√n, 95 % CI → SD, between-subject SD, CI of the ratio, published tolerance), and "floor" when the floor set it.</param>
public sealed record ToleranceBand(double Mean, double Low, double High, string Basis)
{
    /// <summary>Whether a model value passes.</summary>
    /// <param name="model">The model's value.</param>
    public bool Contains(double model) => model >= Low && model <= High;

    /// <summary>The band's half-width on the side of the model value (the scale of the standardized error).</summary>
    /// <param name="model">The model's value.</param>
    public double HalfWidthToward(double model) => model >= Mean ? High - Mean : Mean - Low;

    /// <summary>The band as the tables show it: <c>± 2.6</c> or <c>1.31–2.05</c>.</summary>
    public override string ToString() =>
        Math.Abs((High - Mean) - (Mean - Low)) < 1e-9
            ? string.Create(CultureInfo.InvariantCulture, $"± {High - Mean:0.##}")
            : string.Create(CultureInfo.InvariantCulture, $"{Low:0.##}–{High:0.##}");
}

/// <summary>
/// The library's tolerance rule (evidence/README.md, fixed before any fitting): an outcome passes when
/// |model − published mean| ≤ max(SD of the individual change, floor of the unit); the SD is taken from <c>sd</c>, else
/// <c>se</c>·√n, else a 95 % CI as (hi − lo) / 3.92 · √n, else <c>sd_between</c> as it is. A between-arm comparison
/// (<c>versus:</c>) with a 95 % CI uses the CI itself as the band, widened to at least ± the floor about the mean.
/// The cases moved from VALIDATION.md keep the tolerance published there.
/// </summary>
public static class ToleranceRule
{
    /// <summary>The band of an outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <exception cref="ArgumentException">The outcome has no spread (the loader rejects such files).</exception>
    public static ToleranceBand For(Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var (mean, spread, floor) = (outcome.Mean, outcome.Spread, outcome.Unit.Floor());
        if (spread.Published is { } published)
        {
            return new ToleranceBand(mean, mean - published, mean + published, "published tolerance (VALIDATION.md)");
        }

        if (outcome.Versus is not null && spread.Ci95 is { } ci)
        {
            var widened = ci.Low > mean - floor || ci.High < mean + floor;
            return new ToleranceBand(mean, Math.Min(ci.Low, mean - floor), Math.Max(ci.High, mean + floor), widened ? "95 % CI (widened to the floor)" : "95 % CI");
        }

        var (sd, basis) = StandardDeviation(spread);
        return sd >= floor
            ? new ToleranceBand(mean, mean - sd, mean + sd, basis)
            : new ToleranceBand(mean, mean - floor, mean + floor, $"{basis} (floor)");
    }

    /// <summary>The SD of the individual change a spread implies, and from which field.</summary>
    /// <param name="spread">The published spread.</param>
    /// <exception cref="ArgumentException">Nothing usable was published (or <c>n</c> is missing where needed).</exception>
    public static (double Sd, string Basis) StandardDeviation(Spread spread)
    {
        ArgumentNullException.ThrowIfNull(spread);
        if (spread.Sd is { } sd)
        {
            return (sd, "SD");
        }

        if (spread.Se is { } se && spread.N is { } n)
        {
            return (se * Math.Sqrt(n), "SE·√n");
        }

        if (spread.Ci95 is { } ci && spread.N is { } m)
        {
            return ((ci.High - ci.Low) / 3.92 * Math.Sqrt(m), "95 % CI → SD");
        }

        if (spread.SdBetween is { } between)
        {
            return (between, "between-subject SD");
        }

        throw new ArgumentException("no spread: give sd, se with n, ci95 with n, or sd_between", nameof(spread));
    }
}
