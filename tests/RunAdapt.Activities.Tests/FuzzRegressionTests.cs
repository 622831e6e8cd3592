namespace RunAdapt.Activities.Tests;

/// <summary>Every input the fuzzer found that once crashed a decoder: now decoded or rejected with a format problem.</summary>
public sealed class FuzzRegressionTests
{
    public static TheoryData<string> Crashers() =>
        [.. Directory.GetFiles(Path.Combine(Corpus.Activities, "bad")).Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Crashers))]
    public void DecodesOrRejectsCleanly(string name)
    {
        using var stream = File.OpenRead(Path.Combine(Corpus.Activities, "bad", name));
        try
        {
            var activities = ActivityFormats.Decode(stream, name);
            Assert.All(activities.SelectMany(a => a.Samples), s => Assert.Equal(DateTimeKind.Utc, s.TimestampUtc.Kind));
        }
        catch (ActivityFormatException e)
        {
            Assert.StartsWith(name, e.UserMessage);
        }
    }
}
