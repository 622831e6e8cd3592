using System.Buffers.Binary;
using CsCheck;
using RunAdapt.Activities.Fit;

namespace RunAdapt.Activities.Tests.Fit;

/// <summary>Damaged and hostile inputs: one clear problem with a byte offset, never another exception, never a hang.</summary>
public sealed class FitDecoderBadInputTests
{
    private static byte[] Run() => File.ReadAllBytes(Corpus.Fit("activity-small-fenix2-run.fit"));

    private static InvalidActivityFileException Rejects(byte[] bytes) =>
        Assert.Throws<InvalidActivityFileException>(() => FitDecoder.DecodeActivities(bytes, "bad.fit"));

    /// <summary>
    /// Field-less records behind 1-byte compressed-timestamp headers carry nothing: they become no samples (each was
    /// one ~216-byte sample, so an 8 MB file took ~8 GB).
    /// </summary>
    [Fact]
    public void FieldLessRecordsBecomeNoSamples()
    {
        const int records = 200_000;
        var body = new List<byte> { 0x40, 0, 0, 20, 0, 0 }; // definition: local 0 = record (global 20), no fields
        for (var i = 0; i < records; i++)
        {
            body.Add((byte)(0x80 | (i & 0x1F))); // compressed timestamp header, local 0, offset i
        }

        var header = new byte[14];
        header[0] = 14;
        header[1] = 0x20;
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(2), 2132);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)body.Count);
        ".FIT"u8.CopyTo(header.AsSpan(8));
        var file = header.Concat(body).Concat(new byte[2]).ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(file.Length - 2), Crc(file.AsSpan(0, file.Length - 2)));
        var activities = FitDecoder.DecodeActivities(file, "empty-records.fit");
        Assert.All(activities, a => Assert.Empty(a.Samples));
    }

    /// <summary>The FIT CRC-16, as the protocol document gives it.</summary>
    private static ushort Crc(ReadOnlySpan<byte> data)
    {
        ushort[] table = [0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400];
        ushort crc = 0;
        foreach (var b in data)
        {
            var t = table[crc & 0xF];
            crc = (ushort)(((crc >> 4) & 0x0FFF) ^ t ^ table[b & 0xF]);
            t = table[crc & 0xF];
            crc = (ushort)(((crc >> 4) & 0x0FFF) ^ t ^ table[(b >> 4) & 0xF]);
        }

        return crc;
    }

    [Fact]
    public void ZeroLengthFile()
    {
        var e = Rejects([]);
        Assert.Equal(0, e.ByteOffset);
        Assert.Contains("empty", e.Message);
        Assert.StartsWith("bad.fit: at byte 0:", e.UserMessage);
    }

    [Fact]
    public void WrongMagic()
    {
        var bytes = Run();
        bytes[8] = (byte)'X';
        Assert.Contains("not a FIT file", Rejects(bytes).Message);
        Assert.Null(ActivityFormats.Detect(bytes));
    }

    [Fact]
    public void TruncatedHeader() => Assert.Contains("truncated FIT header", Rejects(Run()[..7]).Message);

    [Fact]
    public void TruncatedBodyKeepsWhatWasSoundAndReportsWhere()
    {
        var whole = Run();
        var cut = whole[..(whole.Length / 2)];
        var activity = Assert.Single(FitDecoder.DecodeActivities(cut, "cut.fit"));
        var problem = Assert.IsType<InvalidActivityFileException>(Assert.Single(activity.Problems));
        Assert.Contains("truncated", problem.Message);
        Assert.InRange(problem.ByteOffset, 14, cut.Length);
        Assert.InRange(activity.Samples.Count, 100, 2808);
    }

    [Fact]
    public void OversizedDataSizeDeclaration()
    {
        var bytes = Run();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), uint.MaxValue);
        var activity = Assert.Single(FitDecoder.DecodeActivities(bytes, "big.fit"));
        Assert.Contains(activity.Problems, p => p.Message.Contains("truncated"));
    }

    [Fact]
    public void BadFileCrcIsReportedAndDataKept()
    {
        var bytes = Run();
        bytes[^1] ^= 0xFF;
        var activity = Assert.Single(FitDecoder.DecodeActivities(bytes, "crc.fit"));
        var problem = Assert.IsType<InvalidActivityFileException>(Assert.Single(activity.Problems));
        Assert.Equal(bytes.Length - 2, problem.ByteOffset);
        Assert.Equal(2809, activity.Samples.Count);
    }

    [Fact]
    public void BadCrcIsFatalWhenAskedTo()
    {
        var bytes = Run();
        bytes[^1] ^= 0xFF;
        Assert.Throws<InvalidActivityFileException>(() =>
            FitDecoder.DecodeActivities(bytes, "crc.fit", new FitDecoderOptions { CrcHandling = FitCrcHandling.Throw }));
    }

    [Fact]
    public void StreamLargerThanTheLimitIsRejectedBeforeReading()
    {
        using var stream = new MemoryStream(Run());
        var e = Assert.Throws<InvalidActivityFileException>(() =>
            FitDecoder.DecodeActivities(stream, "huge.fit", new FitDecoderOptions { MaxFileBytes = 1000 }));
        Assert.Contains("limit", e.Message);
    }

    [Fact]
    public void RandomDamageOnlyEverGivesFormatProblems()
    {
        var corpus = new[] { "activity-small-fenix2-run.fit", "developer-types-sample.fit", "compressed-speed-distance.fit", "sample_mulitple_header.fit" }
            .Select(n => File.ReadAllBytes(Corpus.Fit(n))).ToArray();
        var damage = Gen.Select(Gen.Int[0, corpus.Length - 1], Gen.Int[0, 40], Gen.Int[0, 200000], Gen.Int[0, int.MaxValue]);
        damage.Sample((file, flips, cut, seed) =>
        {
            var bytes = (byte[])corpus[file].Clone();
            var random = new Random(seed);
            for (var i = 0; i < flips; i++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            bytes = bytes[..Math.Min(bytes.Length, Math.Max(1, cut))];
            try
            {
                var activities = FitDecoder.DecodeActivities(bytes, "fuzz.fit");
                Assert.All(activities, a => Assert.All(a.Samples, s => Assert.Equal(DateTimeKind.Utc, s.TimestampUtc.Kind)));
            }
            catch (InvalidActivityFileException)
            {
                // A clear rejection is the expected outcome for much of the damage.
            }
        }, iter: 300);
    }
}
