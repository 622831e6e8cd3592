using System.Text;
using CsCheck;
using RunAdapt.Activities.Xml;

namespace RunAdapt.Activities.Tests.Xml;

public sealed class XmlDecoderTests
{
    private static Activity Decode(string folder, string name)
    {
        using var stream = File.OpenRead(Path.Combine(Corpus.Activities, folder, name));
        return Assert.Single(ActivityFormats.Decode(stream, name));
    }

    [Fact]
    public void TcxRunHasLapsHeartRateAndDevice()
    {
        var run = Decode("tcx", "test.tcx");
        Assert.Equal("tcx", run.SourceFormat);
        Assert.Equal(Sport.Running, run.Sport);
        Assert.Equal(3, run.Summaries.Count);
        Assert.Equal(1609.34399414, run.Summaries[0].TotalDistanceMetres!.Value, 6);
        Assert.Equal(139, run.Summaries[0].AverageHeartRateBeatsPerMinute);
        Assert.All(run.Summaries, lap => Assert.Equal(LapIntensity.Active, lap.Intensity));
        Assert.Equal(62, run.Samples[0].HeartRateBeatsPerMinute);
        Assert.StartsWith("Forerunner 410", run.Device);
        Assert.Equal(new DateTime(2012, 12, 26, 21, 29, 53, DateTimeKind.Utc), run.StartTimeUtc);
    }

    [Fact]
    public void TcxWithoutHeartRateHasNone() =>
        Assert.All(Decode("tcx", "no_hr.tcx").Samples, s => Assert.Null(s.HeartRateBeatsPerMinute));

    [Fact]
    public void GpxTrackGetsDistanceFromPositionsAndUtcTimes()
    {
        var ride = Decode("gpx", "cerknicko-jezero.gpx");
        Assert.Equal(296, ride.Samples.Count);
        Assert.InRange(ride.Samples[^1].DistanceMetres!.Value, 13000, 14500);
        Assert.All(ride.Samples, s => Assert.Equal(DateTimeKind.Utc, s.TimestampUtc.Kind));
    }

    [Fact]
    public void GpxPointsWithoutTimeAreLeftOut() =>
        Assert.Equal(5, Decode("gpx", "cerknicko-without-times.gpx").Samples.Count);

    [Fact]
    public void EveryCorpusXmlFileDecodes()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Corpus.Activities, "gpx")).Concat(Directory.GetFiles(Path.Combine(Corpus.Activities, "tcx"))))
        {
            using var stream = File.OpenRead(file);
            Assert.NotEmpty(ActivityFormats.Decode(stream, file));
        }
    }

    [Fact]
    public void TimeZoneOffsetsBecomeUtc()
    {
        const string Gpx = """<?xml version="1.0"?><gpx version="1.1" creator="t"><trk><trkseg><trkpt lat="1" lon="2"><time>2020-05-01T10:00:00+02:00</time></trkpt></trkseg></trk></gpx>""";
        var activity = Assert.Single(new GpxFormat().Decode(new MemoryStream(Encoding.UTF8.GetBytes(Gpx)), "tz.gpx"));
        Assert.Equal(new DateTime(2020, 5, 1, 8, 0, 0, DateTimeKind.Utc), activity.Samples[0].TimestampUtc);
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><gpx>&b;</gpx>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY x SYSTEM "file:///etc/passwd">]><gpx>&x;</gpx>""")]
    [InlineData("""<?xml version="1.0"?><gpx><trk><trkseg><trkpt lat="1" lon="2"><time>2020""")]
    [InlineData("""<?xml version="1.0"?><gpx><trk><trkseg><trkpt lat="north" lon="2"><time>2020-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>""")]
    public void HostileOrBrokenXmlIsRejectedWithItsPlace(string xml)
    {
        var e = Assert.Throws<InvalidActivityFileException>(() => new GpxFormat().Decode(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "bad.gpx"));
        Assert.StartsWith("bad.gpx: at byte", e.UserMessage);
    }

    [Fact]
    public void RandomDamageOnlyEverGivesFormatProblems()
    {
        var corpus = new[] { ("tcx", "test.tcx"), ("gpx", "cerknicko-jezero.gpx"), ("gpx", "gpx1.1_with_all_fields.gpx") }
            .Select(f => File.ReadAllBytes(Path.Combine(Corpus.Activities, f.Item1, f.Item2))).ToArray();
        Gen.Select(Gen.Int[0, corpus.Length - 1], Gen.Int[1, 20], Gen.Int[0, int.MaxValue]).Sample((file, flips, seed) =>
        {
            var bytes = (byte[])corpus[file].Clone();
            var random = new Random(seed);
            for (var i = 0; i < flips; i++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(32, 127);
            }

            bytes = bytes[..random.Next(1, bytes.Length + 1)];
            try
            {
                ActivityFormats.Decode(new MemoryStream(bytes), "fuzz");
            }
            catch (ActivityFormatException)
            {
                // A clear rejection is expected for much of the damage.
            }
        }, iter: 300);
    }
}
