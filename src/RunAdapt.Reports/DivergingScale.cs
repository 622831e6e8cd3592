using System.Globalization;

namespace RunAdapt.Reports;

/// <summary>
/// A diverging colour scale for percent changes: blue for loss, near-white for no change, warm red for growth
/// (the ColorBrewer RdBu scheme, which stays readable for the common colour-vision deficiencies).
/// </summary>
public sealed class DivergingScale
{
    // RdBu, 7 classes, from loss (-1) through neutral (0) to growth (+1).
    private static readonly (double At, byte R, byte G, byte B)[] Stops =
    [
        (-1.0, 0x21, 0x66, 0xac), (-2 / 3.0, 0x43, 0x93, 0xc3), (-1 / 3.0, 0x92, 0xc5, 0xde), (0.0, 0xf7, 0xf7, 0xf7),
        (1 / 3.0, 0xf4, 0xa5, 0x82), (2 / 3.0, 0xd6, 0x60, 0x4d), (1.0, 0xb2, 0x18, 0x2b),
    ];

    private DivergingScale(double limitPercent) => LimitPercent = limitPercent;

    /// <summary>The change, in percent, that gets the darkest colour (the scale is symmetric: ±limit).</summary>
    public double LimitPercent { get; }

    /// <summary>A scale whose limit is the smallest "nice" value (1, 2, 5, 10, 20, ...) covering every change given.</summary>
    /// <param name="changesPercent">The changes to be shown, in percent.</param>
    public static DivergingScale Covering(IEnumerable<double> changesPercent)
    {
        var largest = changesPercent.Select(Math.Abs).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var limit = 1.0;
        for (var decade = 1.0; limit < largest; decade *= 10)
        {
            foreach (var step in (double[])[1, 2, 5])
            {
                limit = step * decade;
                if (limit >= largest)
                {
                    break;
                }
            }
        }

        return new DivergingScale(limit);
    }

    /// <summary>The colour for a change, as <c>#rrggbb</c>; changes beyond the limit get the end colour.</summary>
    /// <param name="changePercent">The change, in percent.</param>
    public string Colour(double changePercent)
    {
        var t = double.IsFinite(changePercent) ? Math.Clamp(changePercent / LimitPercent, -1, 1) : 0;
        var i = 1;
        while (i < Stops.Length - 1 && Stops[i].At < t)
        {
            i++;
        }

        var (a, b) = (Stops[i - 1], Stops[i]);
        var f = (t - a.At) / (b.At - a.At);
        byte Mix(byte x, byte y) => (byte)Math.Round(x + ((y - x) * f));
        return string.Create(CultureInfo.InvariantCulture, $"#{Mix(a.R, b.R):x2}{Mix(a.G, b.G):x2}{Mix(a.B, b.B):x2}");
    }

    /// <summary>Whether dark text reads better than white text on the colour for this change.</summary>
    /// <param name="changePercent">The change, in percent.</param>
    public bool NeedsDarkText(double changePercent) => Math.Abs(changePercent) < 0.55 * LimitPercent;
}
