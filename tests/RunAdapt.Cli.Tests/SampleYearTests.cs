using System.Globalization;
using System.Text.Json.Nodes;
using RunAdapt.Core.Outcomes;
using static RunAdapt.Cli.Tests.CliRun;

namespace RunAdapt.Cli.Tests;

/// <summary>The bundled sample year (what <c>demo.sh</c> shows) says what RunAdapt is for.</summary>
public sealed class SampleYearTests
{
    private static string Samples(params string[] parts) => Path.Combine([Root, "samples", .. parts]);

    /// <summary>
    /// A year of running then a weekly gym session: the legs grow early and then plateau, fibres drift toward type I,
    /// VO2max and hip bone rise, fat falls; the terminal shows it over time with the load by month; the next block's
    /// goal gets an answer.
    /// </summary>
    [Fact]
    public void TheSampleYearShowsEarlyGrowthThePlateauAndWhatAPlanChangeWouldDo()
    {
        var db = Path.Combine(TempDir(), "year.db");
        var files = Directory.GetFiles(Samples("activities"), "*.gz", SearchOption.AllDirectories);
        var import = Run("import", Samples("activities"), "--db", db);
        Assert.Equal(CliApp.Success, import.Status);
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"imported {files.Length}, skipped as duplicate 0"), import.Output, StringComparison.Ordinal);
        Assert.Equal(CliApp.Success, Run("log", Samples("strength-log.yaml"), "--db", db).Status);

        var json = JsonNode.Parse(Run("history", "--db", db, "--json").Output)!;
        var series = json["series"]!.AsArray();
        Assert.InRange(series.Count, 50, 56);
        double Size(JsonNode week) => week["muscles"]!.AsObject().Average(m => (double)m.Value!["size_change_pct"]!);
        // Running alone (before July's gym sessions): most of the growth comes in the first quarter, little in the second.
        var (quarter, half) = (Size(series[12]!), Size(series[25]!));
        Assert.True(quarter > 1, $"the legs grew {quarter:0.0} % in the first quarter");
        Assert.True(half - quarter < (quarter / 2), $"the second quarter added {half - quarter:0.0} % to {quarter:0.0} %: no plateau");
        double Type1(JsonNode s) => s["muscles"]!.AsObject().Average(m => (double)m.Value!["type1_pct"]!);
        Assert.True(Type1(json["final"]!) > Type1(json["start"]!) + 2, "fibres should drift toward type I");
        Assert.True((double)json["final"]!["vo2max_ml_kg_min"]! > (double)json["start"]!["vo2max_ml_kg_min"]!);
        Assert.True((double)json["final"]!["bone_density_change_pct"]! > 0);
        Assert.True((double)json["final"]!["fat_mass_kg"]! < (double)json["start"]!["fat_mass_kg"]!);

        var text = Run("history", "--db", db).Output;
        Assert.Contains("Over time (a muscle's measure is the mean of the leg muscles)", text, StringComparison.Ordinal);
        Assert.Contains(MeasureCatalogue.Standard["vo2max"].Label, text, StringComparison.Ordinal);
        Assert.Contains("Training load by month (TRIMP)", text, StringComparison.Ordinal);
        Assert.Contains("2025-07", text, StringComparison.Ordinal);

        var goal = Run("goal", Samples("next-block.yaml"), "--want", "glutes:+1", "--keep", "vo2max", "--db", db);
        Assert.Equal(CliApp.Success, goal.Status);
        Assert.Contains("Goal for next block", goal.Output, StringComparison.Ordinal);
        Assert.Contains("│ yes", goal.Output, StringComparison.Ordinal);
    }
}
