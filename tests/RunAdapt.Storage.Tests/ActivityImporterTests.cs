using RunAdapt.Activities;
using RunAdapt.Core.Training;

namespace RunAdapt.Storage.Tests;

public sealed class ActivityImporterTests
{
    private static readonly byte[] Run = File.ReadAllBytes(AthleteStoreTests.Fixture("activity-small-fenix2-run.fit"));

    /// <summary>
    /// Prepared files come back in input order, and a slow consumer (the store) never has more than the window plus one
    /// file per worker read ahead of it: memory stays bounded however large the export.
    /// </summary>
    [Fact]
    public void PreparedFilesComeInOrderAndNeverRunFarAhead()
    {
        var read = 0;
        var inputs = Enumerable.Range(0, 40).Select(i => new ActivityInput($"run-{i:D2}.fit", () =>
        {
            Interlocked.Increment(ref read);
            return i % 7 == 3 ? [1, 2, 3] : Run; // every seventh is junk
        })).ToList();

        var consumed = 0;
        var names = new List<string>();
        foreach (var file in ActivityImporter.PrepareAll(inputs, new HashSet<string>(), new Athlete(), workers: 2, window: 3, TestContext.Current.CancellationToken))
        {
            consumed++;
            names.Add(file.Name);
            Thread.Sleep(5); // a slow store
            Assert.InRange(Volatile.Read(ref read) - consumed, 0, 3 + 2);
            Assert.Equal(int.Parse(file.Name[4..6], System.Globalization.CultureInfo.InvariantCulture) % 7 == 3, file.Problem is not null);
        }

        Assert.Equal(inputs.Select(i => i.Name), names);
    }

    [Fact]
    public void StoppingEarlyEndsTheWorkers()
    {
        var inputs = Enumerable.Range(0, 100).Select(i => new ActivityInput($"run-{i}.fit", () => Run)).ToList();
        var first = ActivityImporter.PrepareAll(inputs, new HashSet<string>(), new Athlete(), workers: 2, window: 2, TestContext.Current.CancellationToken).Take(3).ToList();
        Assert.Equal(3, first.Count);
        Assert.All(first, f => Assert.NotNull(f.Activities));
    }

    [Fact]
    public void ABugInPreparingReachesTheConsumer()
    {
        var inputs = new[] { new ActivityInput("ok.fit", () => Run), new ActivityInput("bug.fit", () => throw new InvalidOperationException("bug")) };
        var prepared = ActivityImporter.PrepareAll(inputs, new HashSet<string>(), new Athlete(), workers: 2, window: 2, TestContext.Current.CancellationToken);
        Assert.Equal("bug", Assert.Throws<InvalidOperationException>(() => prepared.ToList()).Message);
    }
}
