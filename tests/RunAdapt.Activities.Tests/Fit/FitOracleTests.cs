using System.Diagnostics;
using System.Text.Json.Nodes;
using RunAdapt.Activities.Fit;

namespace RunAdapt.Activities.Tests.Fit;

/// <summary>
/// Our decoder against Garmin's own JavaScript SDK (tools/fit-oracle) on every FIT file of the corpus: same records,
/// same timestamps, values equal within the profile's resolution. Where the SDK stops early we must decode at least
/// as much, and what it returns must agree.
/// </summary>
public sealed class FitOracleTests
{
    private static readonly Dictionary<string, double> Tolerance = new()
    {
        ["lat"] = 1e-6, ["lon"] = 1e-6, ["distance_m"] = 0.011, ["speed_mps"] = 0.0011, ["altitude_m"] = 0.21,
        ["heart_rate"] = 0.5, ["cadence"] = 0.5, ["power"] = 0.5, ["total_elapsed_time_s"] = 0.0011,
        ["total_timer_time_s"] = 0.0011, ["total_distance_m"] = 0.011, ["total_ascent_m"] = 0.5,
        ["avg_heart_rate"] = 0.5, ["max_heart_rate"] = 0.5,
    };

    public static TheoryData<string> Files() => [.. Corpus.FitFiles().Select(f => Path.GetFileName(f))];

    [Theory]
    [MemberData(nameof(Files))]
    public void AgreesWithGarminSdk(string name)
    {
        var path = Corpus.Fit(name);
        var (sdkLines, sdkFailed) = RunOracle(path);
        var ours = Ours(path);

        // Records that carry nothing but their time are dropped by design (a file of field-less records behind 1-byte
        // headers was a memory bomb, issue 12): the SDK's are compared without them.
        var sdkRecords = sdkLines.Where(l => (string)l["type"]! == "record" && l.Any(p => p.Key is not ("type" or "timestamp"))).ToList();
        var ourRecords = ours.Where(l => (string)l["type"]! == "record").ToList();
        if (sdkFailed)
        {
            Assert.True(ourRecords.Count >= sdkRecords.Count, $"{name}: we decoded {ourRecords.Count} records, the SDK {sdkRecords.Count}");
        }
        else
        {
            Assert.Equal(sdkRecords.Count, ourRecords.Count);
        }

        for (var i = 0; i < sdkRecords.Count; i++)
        {
            AssertSame(name, i, sdkRecords[i], ourRecords[i]);
        }

        var sdkSummaries = sdkLines.Where(l => (string)l["type"]! != "record").ToList();
        var ourSummaries = ours.Where(l => (string)l["type"]! != "record").ToList();
        Assert.Equal(sdkSummaries.Count, ourSummaries.Count);
        for (var i = 0; i < sdkSummaries.Count; i++)
        {
            AssertSame(name, i, sdkSummaries[i], ourSummaries[i]);
        }
    }

    /// <summary>What our encoder writes, Garmin's SDK reads without an error, as the same records and summaries as the original.</summary>
    [Theory]
    [InlineData("activity-small-fenix2-run.fit")]
    [InlineData("hrv-activity.fit")]
    [InlineData("2013-02-06-12-11-14.fit")]
    public void GarminSdkReadsWhatTheEncoderWrites(string name)
    {
        var original = Assert.Single(FitDecoder.DecodeActivities(File.ReadAllBytes(Corpus.Fit(name)), name));
        var path = Path.Combine(Path.GetTempPath(), $"encoded-{Guid.NewGuid():N}.fit");
        File.WriteAllBytes(path, FitEncoder.Encode(original));
        try
        {
            var (sdkLines, sdkFailed) = RunOracle(path);
            Assert.False(sdkFailed, $"the SDK reported errors on the encoded {name}");
            var expected = new StringWriter();
            ActivityJsonLines.Write([original], expected);
            var originalLines = Parse(expected.ToString());
            var laps = originalLines.Where(l => (string)l["type"]! != "session").ToList();
            var sdkLaps = sdkLines.Where(l => (string)l["type"]! != "session").ToList();
            Assert.Equal(laps.Count, sdkLaps.Count);
            for (var i = 0; i < laps.Count; i++)
            {
                // The encoder writes timestamps in whole seconds, as FIT does.
                laps[i].Remove("timestamp");
                sdkLaps[i].Remove("timestamp");
                laps[i].Remove("start_time");
                sdkLaps[i].Remove("start_time");
                AssertSame(name, i, laps[i], sdkLaps[i]);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static void AssertSame(string file, int index, JsonObject sdk, JsonObject ours)
    {
        var keys = sdk.Select(p => p.Key).Union(ours.Select(p => p.Key));
        foreach (var key in keys)
        {
            var where = $"{file} #{index} {key}";
            Assert.True(sdk.ContainsKey(key) && ours.ContainsKey(key), $"{where}: present in one decoder only (sdk {sdk[key]}, ours {ours[key]})");
            if (Tolerance.TryGetValue(key, out var tolerance))
            {
                var difference = Math.Abs((double)sdk[key]! - (double)ours[key]!);
                Assert.True(difference <= tolerance, $"{where}: sdk {sdk[key]} vs ours {ours[key]}");
            }
            else
            {
                Assert.Equal((string?)sdk[key], (string?)ours[key]);
            }
        }
    }

    private static List<JsonObject> Ours(string path)
    {
        IReadOnlyList<Activity> activities;
        try
        {
            activities = FitDecoder.DecodeActivities(File.ReadAllBytes(path), path);
        }
        catch (InvalidActivityFileException)
        {
            activities = [];
        }

        var text = new StringWriter();
        ActivityJsonLines.Write(activities, text);
        return Parse(text.ToString());
    }

    private static (List<JsonObject> Lines, bool Failed) RunOracle(string path)
    {
        var oracle = Path.Combine(Corpus.Root, "tools", "fit-oracle");
        Assert.True(Directory.Exists(Path.Combine(oracle, "node_modules")), "tools/fit-oracle/node_modules is missing: run `npm ci` there (ci/test.sh does)");
        // dump.mjs ends with process.exit(), which cuts off piped stdout in Node: let it write to a file instead.
        var output = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo("sh", ["-c", "node dump.mjs \"$1\" > \"$2\" 2>/dev/null", "sh", path, output])
            {
                WorkingDirectory = oracle,
            };
            using var process = Process.Start(start)!;
            process.WaitForExit();
            return (Parse(File.ReadAllText(output)), process.ExitCode != 0);
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static List<JsonObject> Parse(string lines) =>
        [.. lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject())];
}
