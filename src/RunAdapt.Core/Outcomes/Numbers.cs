using System.Globalization;

namespace RunAdapt.Core.Outcomes;

/// <summary>
/// The one number formatter every face uses: invariant culture, an ASCII hyphen-minus for negatives, and a value that
/// rounds to zero written without a sign (never <c>+0.0</c> or <c>-0.0</c>).
/// </summary>
public static class Numbers
{
    /// <summary>A value with a fixed number of decimals: <c>42.5</c>, <c>-1.0</c>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="decimals">Digits after the point (0–4).</param>
    public static string Fixed(double value, int decimals) =>
        value.ToString(Pattern(decimals, signed: false), CultureInfo.InvariantCulture);

    /// <summary>A change with its sign: <c>+1.2</c>, <c>-0.4</c>, and <c>0.0</c> for what rounds to zero.</summary>
    /// <param name="value">The change.</param>
    /// <param name="decimals">Digits after the point (0–4).</param>
    public static string Signed(double value, int decimals) =>
        value.ToString(Pattern(decimals, signed: true), CultureInfo.InvariantCulture);

    /// <summary>A value followed by its unit, with a space unless the unit is empty: <c>42.5 ml/kg/min</c>, <c>+1.2 %</c>.</summary>
    /// <param name="number">The number as formatted.</param>
    /// <param name="unit">The unit, or an empty string.</param>
    public static string WithUnit(string number, string unit) => unit.Length == 0 ? number : $"{number} {unit}";

    /// <summary>Text with its numbers written in the invariant culture.</summary>
    /// <param name="text">An interpolated string.</param>
    public static string Invariant(FormattableString text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToString(CultureInfo.InvariantCulture);
    }

    private static string Pattern(int decimals, bool signed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, 4);
        var digits = decimals == 0 ? "0" : "0." + new string('0', decimals);
        // The third section formats values that round to zero: no sign on them.
        return signed ? $"+{digits};-{digits};{digits}" : $"{digits};-{digits};{digits}";
    }
}
