using CsCheck;

namespace RunAdapt.Reports.Tests;

public sealed class DivergingScaleTests
{
    [Theory]
    [InlineData(new[] { 0.0 }, 1)]
    [InlineData(new[] { 0.4, -0.9 }, 1)]
    [InlineData(new[] { 1.01 }, 2)]
    [InlineData(new[] { -3.0, 2.0 }, 5)]
    [InlineData(new[] { 7.5 }, 10)]
    [InlineData(new[] { 45.0 }, 50)]
    public void LimitIsTheSmallestNiceValueCoveringEveryChange(double[] changes, double expected) =>
        Assert.Equal(expected, DivergingScale.Covering(changes).LimitPercent);

    [Fact]
    public void ColoursAreValidHexAndEndsMatchTheScheme()
    {
        var scale = DivergingScale.Covering([5]);
        Assert.Equal("#b2182b", scale.Colour(5));
        Assert.Equal("#2166ac", scale.Colour(-5));
        Assert.Equal("#f7f7f7", scale.Colour(0));
        Assert.Equal("#b2182b", scale.Colour(500));
        Assert.Equal("#f7f7f7", scale.Colour(double.NaN));
    }

    [Fact]
    public void RednessNeverFallsAsGrowthRises() =>
        Gen.Double[-10, 10].Select(Gen.Double[-10, 10]).Sample((a, b) =>
        {
            var scale = DivergingScale.Covering([10]);
            var (low, high) = a <= b ? (a, b) : (b, a);
            int RedMinusBlue(double v)
            {
                var c = scale.Colour(v);
                return Convert.ToInt32(c[1..3], 16) - Convert.ToInt32(c[5..7], 16);
            }

            return RedMinusBlue(low) <= RedMinusBlue(high) + 1;
        });
}
