using RunAdapt.Core.Training;

namespace RunAdapt.Core.Tests;

public sealed class RunSegmentTests
{
    [Theory]
    [InlineData(600, 3.0, 1800)]
    [InlineData(0, 5.0, 0)]
    [InlineData(120, 0, 0)]
    public void DistanceIsDurationTimesSpeed(double seconds, double speed, double metres) =>
        Assert.Equal(metres, new RunSegment(seconds, speed).DistanceMetres, 9);
}
