using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using static RunAdapt.Cli.Tests.CliRun;

namespace RunAdapt.Cli.Tests;

/// <summary>
/// Small hostile files, each imported by a real <c>runadapt</c> process whose peak memory is measured: each ends in
/// seconds with one-line rejections or bounded work, under 500 MB (issue 12: 8 GB, 2.6 GB, out of memory).
/// </summary>
public sealed class HostileInputTests
{
    private const long PeakLimitBytes = 500L * 1024 * 1024;

    public static TheoryData<string> Inputs() => ["amplifying-fit", "nested-zip-bomb", "many-large-entries", "yaml-alias-bomb", "symlink-loop"];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void EachHostileInputEndsInSecondsInBoundedMemory(string kind)
    {
        var dir = TempDir();
        var db = Path.Combine(dir, "store.db");
        string[] args = kind switch
        {
            "amplifying-fit" => ["import", AmplifyingFit(dir), "--db", db],
            "nested-zip-bomb" => ["import", NestedZipBomb(dir), "--db", db],
            "yaml-alias-bomb" => ["simulate", AliasBomb(dir)],
            "symlink-loop" => ["import", SymlinkLoop(dir), "--db", db],
            _ => ["import", ManyLargeEntries(dir), "--db", db],
        };
        try
        {
            var (status, peak, error) = RunMeasured(args);
            Assert.True(status is CliApp.Success or CliApp.BadInput, $"exit {status}: {error}");
            Assert.True(peak < PeakLimitBytes, $"peak working set {peak / (1024 * 1024)} MB");
            Assert.DoesNotContain("internal error", error);
            Assert.True(error.Split('\n', StringSplitOptions.RemoveEmptyEntries).All(line => !line.StartsWith("   at ", StringComparison.Ordinal)), error);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Runs <c>runadapt</c> in its own process, sampling its peak working set until it exits (within two minutes).</summary>
    private static (int Status, long Peak, string Error) RunMeasured(string[] args)
    {
        var runadapt = Path.Combine(AppContext.BaseDirectory, "runadapt.dll");
        using var child = Process.Start(new ProcessStartInfo("dotnet", ["exec", runadapt, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var error = child.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var output = child.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        long peak = 0;
        var watch = Stopwatch.StartNew();
        while (!child.HasExited && watch.Elapsed < TimeSpan.FromSeconds(120))
        {
            try
            {
                child.Refresh();
                peak = Math.Max(peak, child.PeakWorkingSet64); // VmHWM: the peak so far, so sampling misses nothing
            }
            catch (InvalidOperationException)
            {
                break; // exited between the check and the read
            }

            Thread.Sleep(50);
        }

        var ended = child.HasExited;
        if (!ended)
        {
            child.Kill(entireProcessTree: true);
        }

        Assert.True(ended, $"'runadapt {args[0]}' did not end within two minutes");
        child.WaitForExit();
        _ = output.Result;
        return (child.ExitCode, peak, error.Result);
    }

    /// <summary>A scenario of nested aliases: nine levels of ten, a billion nodes from a few hundred bytes (a "billion laughs").</summary>
    private static string AliasBomb(string dir)
    {
        var levels = Enumerable.Range(0, 9).Select(i => i == 0 ? "l0: &l0 [x, x, x, x, x, x, x, x, x, x]" : $"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]");
        var path = Path.Combine(dir, "bomb.yaml");
        File.WriteAllLines(path, [.. levels, "athlete: { sex: male, age: 30, mass_kg: 70 }", "weeks: 1", "week: [ { day: mon, run: { km: 5, effort: easy } } ]"]);
        return path;
    }

    /// <summary>A folder holding a run and a link to itself (the walk never ended and memory grew).</summary>
    private static string SymlinkLoop(string dir)
    {
        var folder = Path.Combine(dir, "export");
        Directory.CreateDirectory(folder);
        File.Copy(Fixture("fit", "activity-small-fenix2-run.fit"), Path.Combine(folder, "run.fit"));
        Directory.CreateSymbolicLink(Path.Combine(folder, "loop"), folder);
        return folder;
    }

    /// <summary>4 MB of field-less records behind 1-byte compressed-timestamp headers, gzipped (about 20 KB).</summary>
    private static string AmplifyingFit(string dir)
    {
        const int records = 4 * 1024 * 1024;
        var file = new byte[14 + 6 + records + 2];
        file[0] = 14;
        file[1] = 0x20;
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(2), 2132);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(6 + records));
        ".FIT"u8.CopyTo(file.AsSpan(8));
        file[14] = 0x40; // definition: local 0 = record (global 20), no fields
        file[17] = 20;
        for (var i = 0; i < records; i++)
        {
            file[20 + i] = (byte)(0x80 | (i & 0x1F));
        }

        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(file.Length - 2), Crc(file.AsSpan(0, file.Length - 2)));
        var path = Path.Combine(dir, "amplifying.fit.gz");
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.SmallestSize);
        gzip.Write(file);
        return path;
    }

    /// <summary>Zips of zips, each level ten copies of the one below, at the bottom 100 MB of zeros: a few KB that expand to terabytes.</summary>
    private static string NestedZipBomb(string dir)
    {
        var level = Zip([("zeros.fit", new byte[100 * 1024 * 1024])]);
        for (var depth = 0; depth < 3; depth++)
        {
            level = Zip([.. Enumerable.Range(0, 10).Select(i => ($"part{i}.zip", level))]);
        }

        var path = Path.Combine(dir, "bomb.zip");
        File.WriteAllBytes(path, level);
        return path;
    }

    /// <summary>Twelve stored entries of 40 MB each (480 MB): read one at a time, never held together.</summary>
    private static string ManyLargeEntries(string dir)
    {
        var path = Path.Combine(dir, "many.zip");
        var random = new Random(7);
        var chunk = new byte[1024 * 1024];
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        for (var i = 0; i < 12; i++)
        {
            using var entry = zip.CreateEntry($"activities/{i}.fit", CompressionLevel.NoCompression).Open();
            for (var megabyte = 0; megabyte < 40; megabyte++)
            {
                random.NextBytes(chunk);
                entry.Write(chunk);
            }
        }

        return path;
    }

    private static byte[] Zip((string Name, byte[] Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                entry.Write(content);
            }
        }

        return output.ToArray();
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
}
