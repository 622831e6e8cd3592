using RunAdapt.Activities.Fit;

namespace RunAdapt.Activities.Tests.Fit;

public sealed class FitDecoderTests
{
    private static Activity Single(string name) =>
        Assert.Single(FitDecoder.DecodeActivities(File.ReadAllBytes(Corpus.Fit(name)), name));

    [Fact]
    public void RunHasSportDeviceAndSummaries()
    {
        var run = Single("activity-small-fenix2-run.fit");
        Assert.Equal(Sport.Running, run.Sport);
        Assert.StartsWith("garmin", run.Device);
        Assert.Equal(2809, run.Samples.Count);
        Assert.Equal(4, run.Summaries.Count(s => s.Kind == SummaryKind.Lap));
        Assert.Empty(run.Problems);
        Assert.True(run.Samples.Zip(run.Samples.Skip(1)).All(p => p.First.TimestampUtc <= p.Second.TimestampUtc));
    }

    [Fact]
    public void LapsOfAStructuredWorkoutTakeTheirStepsIntensity()
    {
        // The laps carry wkt_step_index only; the file's workout_step messages say step 5 is active, step 6 recovery.
        var laps = Single("hrv-activity.fit").Summaries.Where(s => s.Kind == SummaryKind.Lap).ToList();
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 5, 6, 5, 6, 5, 6, 5], laps.Take(14).Select(l => l.WorkoutStepIndex ?? -1));
        Assert.Null(laps[^1].WorkoutStepIndex);
        Assert.Equal(LapIntensity.Warmup, laps[0].Intensity);
        Assert.Equal(LapIntensity.Active, laps[5].Intensity);
        Assert.Equal(LapIntensity.Recovery, laps[6].Intensity);
    }

    [Fact]
    public void ChainedFilesAreAllRead()
    {
        var result = FitDecoder.Decode(File.ReadAllBytes(Corpus.Fit("sample_mulitple_header.fit")), "x", _ => { });
        Assert.True(result.Files > 1, $"{result.Files} files");
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void CompressedTimestampsAreDecodedBeyondWhereTheSdkStops()
    {
        var run = Single("antfs-dump.63.fit");
        Assert.Equal(685, run.Samples.Count); // 686 records, one of them with nothing but its time
        var steps = run.Samples.Zip(run.Samples.Skip(1)).Select(p => (p.Second.TimestampUtc - p.First.TimestampUtc).TotalSeconds);
        Assert.All(steps, s => Assert.InRange(s, 0, 31));
    }

    [Fact]
    public void DeveloperFieldsCarryTheirDescriptions()
    {
        var names = new HashSet<string>();
        FitDecoder.Decode(File.ReadAllBytes(Corpus.Fit("developer-types-sample.fit")), "dev", m =>
        {
            foreach (var f in m.Fields)
            {
                if (f.IsDeveloperField && f.Name is { } n)
                {
                    names.Add(n);
                }
            }
        });
        Assert.NotEmpty(names);
    }

    [Fact]
    public void UnknownMessagesAreKeptByNumber()
    {
        var unknown = new HashSet<int>();
        foreach (var file in Corpus.FitFiles())
        {
            FitDecoder.Decode(File.ReadAllBytes(file), file, m =>
            {
                if (m.Name is null && m.FieldCount > 0)
                {
                    unknown.Add(m.GlobalNumber);
                }
            });
        }

        Assert.NotEmpty(unknown);
    }

    [Fact]
    public void RunningDynamicsAreInSiUnits()
    {
        var samples = FitDecoder.DecodeActivities(File.ReadAllBytes(Corpus.Fit("activity-large-fenxi2-multisport.fit")), "x")
            .SelectMany(a => a.Samples).Where(s => s.GroundContactTimeSeconds is not null).ToList();
        Assert.NotEmpty(samples);
        Assert.All(samples, s => Assert.InRange(s.GroundContactTimeSeconds!.Value, 0.05, 2.0));
    }
}
