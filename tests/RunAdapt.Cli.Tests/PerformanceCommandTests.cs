using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;
using RunAdapt.Analysis;
using RunAdapt.Core.Model;
using RunAdapt.Core.Scenarios;
using RunAdapt.Core.Training;
using static RunAdapt.Cli.Tests.CliRun;

namespace RunAdapt.Cli.Tests;

public sealed class PerformanceCommandTests
{
    private static string ClarkeSkiba => Path.Combine(Root, "tests", "fixtures", "banister", "clarke-skiba-2013-bikescore.csv");

    [Fact]
    public void AWholeDailySeriesIsFittedAndShownWithTheTimingOfTheEffect()
    {
        var (status, output, error) = Run("performance", ClarkeSkiba);
        Assert.True(status == CliApp.Success, error);
        var text = System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " "); // sentences wrap at the console width
        Assert.Contains("fitted to 9 tests over 165 days of the file's loads", text);
        Assert.Contains("Fit: R² 0.980", text);
        Assert.Contains("lowers performance for the first 12 days and helps most 39 days later", text);
        Assert.Contains("│ 132 │ 302.0    │ 304.4 │ -2.4       │", output);

        var json = JsonNode.Parse(Run("performance", ClarkeSkiba, "--json").Output)!;
        Assert.Equal(9, (int)json["tests"]!);
        Assert.Equal(165, (int)json["days"]!);
        Assert.InRange((double)json["r_squared"]!, 0.975, 1);
        Assert.InRange((double)json["tau1_days"]!, 28, 44);
        Assert.Equal(9, json["fitted"]!.AsArray().Count);
    }

    /// <summary>
    /// Tests given by date take their loads from the store: runs logged by hand, tests made by a known model from those
    /// very loads; the fit finds that model again, so the loads and the tests line up day by day.
    /// </summary>
    [Fact]
    public void DatedTestsAreFittedToTheImportedHistorysLoads()
    {
        var dir = TempDir();
        var db = Path.Combine(dir, "p.db");
        var start = new DateOnly(2025, 1, 6);
        var runDays = Enumerable.Range(0, 150).Where(d => d % 7 is 0 or 2 or 4 or 5).ToList();
        var log = Path.Combine(dir, "runs.yaml");
        File.WriteAllText(log, string.Join('\n', ["sessions:", .. runDays.Select(d =>
            $"  - {{ date: {start.AddDays(d):yyyy-MM-dd}, run: {{ minutes: {30 + (15 * ((d / 7) % 4)) + (d % 3 * 10)}, pace: \"5:30/km\" }} }}")]));
        Assert.Equal(CliApp.Success, Run("log", log, "--db", db).Status);

        var loads = new double[150];
        foreach (var s in ScenarioParser.ParseLog(File.ReadAllText(log), log, new Athlete()))
        {
            loads[s.Date.DayNumber - start.DayNumber] += TrainingLoad.Of(s, Thresholds.FromAthlete(new Athlete(), s.Date), Sex.Male).Trimp;
        }

        var truth = new Banister(40, 0.02, 0.05, 42, 8).Predict(loads);
        var tests = Path.Combine(dir, "tests.csv");
        File.WriteAllLines(tests, ["date,performance", .. Enumerable.Range(2, 14).Select(k => k * 10 - 3).Select(d =>
            string.Create(CultureInfo.InvariantCulture, $"{start.AddDays(d):yyyy-MM-dd},{truth[d]:0.000000}"))]);
        var (status, output, error) = Run("performance", tests, "--db", db, "--json");
        Assert.True(status == CliApp.Success, error);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(14, (int)json["tests"]!);
        Assert.InRange((double)json["r_squared"]!, 0.9999, 1);
        Assert.InRange((double)json["tau1_days"]!, 41, 43);
        Assert.InRange((double)json["tau2_days"]!, 7.5, 8.5);
        Assert.Equal(start.AddDays(17).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), (string)json["fitted"]![0]!["day"]!);
    }

    /// <summary>Time trials given as distance and time are fitted as speeds: the model that made the times is found again.</summary>
    [Fact]
    public void TimeTrialsAreFittedAsTheirSpeed()
    {
        var loads = File.ReadAllLines(ClarkeSkiba).Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        var speed = new Banister(4.0, 0.0008, 0.0016, 40, 10).Predict(loads);
        var file = Path.Combine(TempDir(), "trials.csv");
        File.WriteAllLines(file, ["day,load,distance_km,time", .. loads.Select((w, d) => d % 12 == 5
            ? string.Create(CultureInfo.InvariantCulture, $"{d},{w},5,{(int)(5000 / speed[d]) / 60}:{5000 / speed[d] % 60:00.00}")
            : string.Create(CultureInfo.InvariantCulture, $"{d},{w},,"))]);
        var (status, output, error) = Run("performance", file, "--json");
        Assert.True(status == CliApp.Success, error);
        var json = JsonNode.Parse(output)!;
        Assert.Equal(14, (int)json["tests"]!);
        Assert.InRange((double)json["r_squared"]!, 0.999, 1);
        Assert.InRange((double)json["tau1_days"]!, 38, 42);
        Assert.InRange((double)json["tau2_days"]!, 9, 11);
        // Shown as a runner reads them: each trial's time against the model's, and paces per km (not m/s).
        var text = Run("performance", file).Output;
        Assert.Matches(@"│ 5   │ 5 km     │ \d\d:\d\d │ \d\d:\d\d │ [+-]?\d:\d\d +│ \d:\d\d +│ \d:\d\d +│", text);
        Assert.Matches(@"p0 +│ 4\.0\d\d m/s = 4:\d\d /km", text);
        Assert.Matches(@"Model pace on the last day \(164\): \d:\d\d /km\.", text);
        Assert.DoesNotContain("τ1/τ2 is at the smallest plausible ratio", text);
        var trial = json["fitted"]![0]!;
        Assert.Equal(5000, (double)trial["distance_m"]!);
        Assert.Equal(5000 / (double)trial["observed"]!, (double)trial["time_s"]!, 6);

        File.WriteAllText(file, "day,load,distance_km,time\n1,40,5,fast\n");
        Assert.Contains(":2: time 'fast' is not M:SS or H:MM:SS", Run("performance", file).Error);
    }

    /// <summary>
    /// Time constants stay in their documented plausible range (parameters.yaml, banister.*): tests made by fatigue that
    /// lasts almost as long as fitness (τ 15 and 12 days) are fitted with fitness outlasting fatigue 1.5 times, and the
    /// output says the range, not the tests, set it.
    /// </summary>
    [Fact]
    public void FittedTimeConstantsStayPlausibleAndABoundIsSaid()
    {
        var loads = File.ReadAllLines(ClarkeSkiba).Skip(1).Select(l => double.Parse(l.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
        var performance = new Banister(100, 0.1, 0.12, 15, 12).Predict(loads);
        var file = Path.Combine(TempDir(), "tests.csv");
        File.WriteAllLines(file, ["day,load,performance", .. loads.Select((w, d) => string.Create(CultureInfo.InvariantCulture, $"{d},{w},{(d % 10 == 3 ? performance[d] : "")}"))]);
        var json = JsonNode.Parse(Run("performance", file, "--json").Output)!;
        Assert.InRange((double)json["tau1_days"]! / (double)json["tau2_days"]!, 1.5, 1.51);
        Assert.InRange((double)json["tau1_days"]!, 1, 120);
        Assert.Contains("τ1/τ2 is at the smallest plausible ratio (1.5: fitness outlasts fatigue): the tests do not pin it down, the range does",
            System.Text.RegularExpressions.Regex.Replace(Run("performance", file).Output, @"\s+", " "));
    }

    /// <summary>Whatever the tests file holds, the command fits it or names the file in one line: it never crashes.</summary>
    [Fact]
    public void AHostileTestsFileNeverCrashesTheCommand()
    {
        var dir = TempDir();
        var file = Path.Combine(dir, "tests.csv");
        // Dated tests take their loads from a store: a store of its own with a few logged runs (never the user's).
        var db = Path.Combine(dir, "h.db");
        var log = Path.Combine(dir, "runs.yaml");
        File.WriteAllLines(log, ["sessions:", .. Enumerable.Range(0, 12).Select(k => $"  - {{ date: {new DateOnly(2024, 12, 2).AddDays(3 * k):yyyy-MM-dd}, run: {{ minutes: 40, pace: \"5:30/km\" }} }}")]);
        Assert.Equal(CliApp.Success, Run("log", log, "--db", db).Status);
        string[] headers = ["day,load,performance", "date,performance", "date,load,performance", "performance", ""];
        var cells = Gen.OneOf<string>("", "1", "-1", "0", "1e308", "NaN", "∞", "2025-01-01", "99999", "1000000", "3.5", "x,y", "\"", " ");
        Gen.Select(Gen.Int[0, headers.Length - 1], cells.Array[0, 4].Array[0, 40]).Sample((header, rows) =>
        {
            File.WriteAllLines(file, [headers[header], .. rows.Select(r => string.Join(',', r))]);
            var (status, _, error) = Run("performance", file, "--db", db);
            Assert.True(status == CliApp.Success || (status == CliApp.BadInput && error.StartsWith(file, StringComparison.Ordinal) && error.TrimEnd().Split('\n').Length == 1), $"status {status}: {error}");
        }, iter: 300);
    }

    [Theory]
    [InlineData("when,how\n2025-01-01,3\n", ":1: the header needs 'performance'")]
    [InlineData("day,load,performance\n1,40,\n2,abc,\n", ":3: load 'abc' is not a number")]
    [InlineData("day,load,performance\n1,40,100\n2,30,101\n3,0,102\n", "needs at least 6 performance tests; 3 given")]
    [InlineData("date,load,performance\n2025-02-30,40,100\n", ":2: date '2025-02-30' is not a date")]
    [InlineData("", "empty")]
    public void ABadTestsFileGivesOneLineNamingTheFile(string text, string problem)
    {
        var file = Path.Combine(TempDir(), "tests.csv");
        File.WriteAllText(file, text);
        var (status, output, error) = Run("performance", file);
        Assert.Equal(CliApp.BadInput, status);
        Assert.Equal("", output);
        Assert.StartsWith(file, error);
        Assert.Contains(problem, error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }
}
