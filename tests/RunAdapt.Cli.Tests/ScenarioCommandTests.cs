using System.Text.Json.Nodes;
using static RunAdapt.Cli.Tests.CliRun;

namespace RunAdapt.Cli.Tests;

public sealed class ScenarioCommandTests
{
    [Fact]
    public void SimulateJsonHasThePublicShape()
    {
        var (status, output, _) = Run("simulate", "novice", "--json");
        Assert.Equal(CliApp.Success, status);
        var json = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(["days", "start", "final", "series"], json.Select(p => p.Key));
        Assert.Equal(364, (int)json["days"]!);
        var series = json["series"]!.AsArray();
        Assert.Equal(52, series.Count);
        Assert.Equal(1, (int)series[0]!["week"]!);
        foreach (var snapshot in new[] { json["start"]!, json["final"]!, series[10]! })
        {
            Assert.Equal(["quadriceps", "hamstrings", "calves", "glutes"], snapshot["muscles"]!.AsObject().Select(p => p.Key));
            foreach (var key in new[] { "vo2max_ml_kg_min", "vo2max_ml_min", "body_mass_kg", "fat_mass_kg", "lean_mass_kg", "bone_density_change_pct", "joint_load_index", "injury_risk", "knee_cartilage_change_pct", "tissue_loads" })
            {
                Assert.NotNull(snapshot[key]);
            }

            var muscle = snapshot["muscles"]!["calves"]!.AsObject();
            // DESIGN's keys first, then what matches what studies measure (fibre area by biopsy).
            Assert.Equal(["size_change_pct", "type1_pct", "type2a_pct", "type2x_pct", "endurance_change_pct", "strength_change_pct",
                "fibre_area_type1_change_pct", "fibre_area_type2_change_pct", "fibre_area_mean_change_pct", "strength_1rm_change_pct"], muscle.Select(p => p.Key));
            Assert.Equal(["knee", "achilles", "tibia"], snapshot["tissue_loads"]!.AsObject().Select(p => p.Key));
        }
    }

    /// <summary>--uncertainty adds the bands: in the terminal a table and the drivers, in JSON one more key (the rest unchanged).</summary>
    [Fact]
    public void SimulateWithUncertaintyShowsHowSureTheModelIs()
    {
        var (status, output, error) = Run("simulate", "novice", "--uncertainty", "--samples", "40");
        Assert.True(status == CliApp.Success, error);
        Assert.Contains("How sure (model, and the likely range)", output);
        Assert.Contains("10th to 90th percentile of 40 simulated people", System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " "));
        Assert.Contains("person.vo2_response_cv", output);
        // The novice's muscles may grow or shrink within the parameters' plausible ranges: the headline says so in words.
        var words = System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");
        Assert.Matches(@"Your calves grew most: \+\d+\.\d % in size.*?%\. Not sure: the [a-z, ]+ may grow or shrink \(the likely range spans no change\)", words);

        // The race times the VO2max gives, with the likely range from its 90th (fast) to its 10th (slow) percentile.
        var tenK = System.Text.RegularExpressions.Regex.Match(output, @"│ 10 km +│ +(\d+:\d\d) │ +(\d+:\d\d) │ +(\d+:\d\d)–(\d+:\d\d) │ +(\d+:\d\d) │");
        Assert.True(tenK.Success, output);
        var (start, end, fast, slow) = (Seconds(tenK.Groups[1].Value), Seconds(tenK.Groups[2].Value), Seconds(tenK.Groups[3].Value), Seconds(tenK.Groups[4].Value));
        Assert.True(fast < end && end < slow && end < start, $"10 km: start {start}, end {end}, likely {fast}–{slow}");
        Assert.InRange(Seconds(tenK.Groups[5].Value), (end / 10) - 0.5, (end / 10) + 0.5); // the pace per km, to the second

        var json = JsonNode.Parse(Run("simulate", "novice", "--json", "--uncertainty", "--samples", "40").Output)!.AsObject();
        Assert.Equal(["days", "start", "final", "series", "uncertainty"], json.Select(p => p.Key));
        var bands = json["uncertainty"]!;
        Assert.Equal(40, (int)bands["samples"]!);
        foreach (var muscle in new[] { "quadriceps", "hamstrings", "calves", "glutes" })
        {
            Assert.True((double)bands["p10"]!["muscles"]![muscle]!["size_change_pct"]! <= (double)bands["p90"]!["muscles"]![muscle]!["size_change_pct"]!);
        }

        var (bad, _, badError) = Run("simulate", "novice", "--uncertainty", "--samples", "5");
        Assert.Equal(CliApp.BadUsage, bad);
        Assert.Contains("--samples must be between 10 and 10000", badError);
    }

    /// <summary>--why: each kind of session taken out in turn; the hills carry the glutes' extra growth in novice-hills.</summary>
    [Fact]
    public void SimulateWithWhyShowsWhatEachKindOfSessionContributed()
    {
        var (status, output, error) = Run("simulate", "novice-hills", "--why");
        Assert.True(status == CliApp.Success, error);
        Assert.Contains("Why: what each kind of session contributed", output);
        Assert.Contains("│ Hills ", output);

        var json = JsonNode.Parse(Run("simulate", "novice-hills", "--json", "--why").Output)!.AsObject();
        Assert.Equal(["days", "start", "final", "series", "why"], json.Select(p => p.Key));
        var hills = json["why"]!.AsArray().Single(k => (string)k!["kind"]! == "Hills")!;
        Assert.Equal(40, (int)hills["sessions"]!);
        Assert.True((double)json["final"]!["muscles"]!["glutes"]!["size_change_pct"]! > (double)hills["without"]!["muscles"]!["glutes"]!["size_change_pct"]!);
    }

    [Fact]
    public void SimulateIsDeterministic() =>
        Assert.Equal(Run("simulate", "novice-hills", "--json").Output, Run("simulate", "novice-hills", "--json").Output);

    [Fact]
    public void CompareGivesEachScenarioByName()
    {
        var (status, output, _) = Run("compare", "elite-marathoner", "sprinter-who-lifts", "--json");
        Assert.Equal(CliApp.Success, status);
        var json = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(["elite-marathoner", "sprinter-who-lifts"], json.Select(p => p.Key));
        var (textStatus, text, _) = Run("compare", "novice", "novice-forefoot");
        Assert.Equal(CliApp.Success, textStatus);
        Assert.Contains("calves size (%)", text);
        Assert.Contains("novice-forefoot", text);
        Assert.Matches(@"│ leg strength \(%\) +│ +\+\d+\.\d │ +\+\d+\.\d │", text);
        Assert.Matches(@"│ 10 km time \(VO2max as VDOT\) +│ +50:07 → 4\d:\d\d │ +50:07 → 4\d:\d\d │", text);
        Assert.Matches(@"│ peak injury risk +│ +\d\.\d\d │ +\d\.\d\d │", text);
    }

    [Fact]
    public void ScenariosListsTheBuiltIns()
    {
        var (status, output, _) = Run("scenarios");
        Assert.Equal(CliApp.Success, status);
        foreach (var name in new[] { "novice", "novice-forefoot", "novice-hills", "novice-sprints", "novice-weighted-vest", "elite-marathoner", "olympic-10000m", "sprinter-who-lifts", "recreational-adds-lifting" })
        {
            Assert.Contains(name, output);
        }
    }

    [Fact]
    public void ScenariosSaysTheDistancesInTheRunnersUnit()
    {
        Assert.Contains("170 km a week", Run("scenarios").Output, StringComparison.Ordinal);
        var (status, output, _) = Run("scenarios", "--units", "mi");
        Assert.Equal(CliApp.Success, status);
        Assert.DoesNotContain(" km", output, StringComparison.Ordinal);
        Assert.Contains("mi a week", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedScenarioGivesOneLineWithLineAndColumn()
    {
        var file = Path.Combine(TempDir(), "bad.yaml");
        File.WriteAllText(file, "weeks: 4\nweek:\n  - { day: mon, run: { km: 5, pase: \"6:00/km\" } }\n");
        var (status, _, error) = Run("simulate", file);
        Assert.Equal(CliApp.BadInput, status);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains($"{file}:3:31: unknown key 'pase' (did you mean 'pace'?)", error);
    }

    [Fact]
    public void AnUnknownScenarioNameIsABadInput()
    {
        var (status, _, error) = Run("simulate", "no-such-scenario");
        Assert.Equal(CliApp.BadInput, status);
        Assert.Contains("no-such-scenario: no such file, and not a built-in scenario", error);
    }

    [Fact]
    public void InspectPrintsJsonLinesForAFitFile()
    {
        var (status, output, _) = Run("inspect", Fixture("fit", "garmin-fenix-5-run.fit"), "--json");
        Assert.Equal(CliApp.Success, status);
        var lines = output.TrimEnd().Split('\n').Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(21, lines.Count(l => (string)l["type"]! == "record"));
        Assert.Equal("2017-06-11T14:34:09.000Z", (string)lines[0]["timestamp"]!);
        Assert.Equal(1, lines.Count(l => (string)l["type"]! == "session"));
    }

    [Fact]
    public void InspectOfACorruptFileExitsOneNamingFileAndOffset()
    {
        var (status, _, error) = Run("inspect", Fixture("fit", "activity-unexpected-eof.fit"));
        Assert.Equal(CliApp.BadInput, status);
        Assert.Matches(@"activity-unexpected-eof\.fit: at byte \d+: ", error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    private static double Seconds(string clock) => RunAdapt.Core.Durations.Seconds(clock)!.Value;

    /// <summary>A built-in scenario says its runs by kind as the plan sets them, and its description's kilometres in the runner's unit.</summary>
    [Fact]
    public void AScenarioSaysItsRunsByKindAndItsDistancesInTheRunnersUnit()
    {
        var hills = Run("simulate", "novice-hills");
        Assert.Equal(CliApp.Success, hills.Status);
        Assert.Matches(@"Runs by kind:\s+easy\s+\d+,\s+hills\s+\d+\.", hills.Output);
        var miles = System.Text.RegularExpressions.Regex.Replace(Run("simulate", "recreational-adds-lifting", "--units", "mi").Output, @"\s+", " ");
        Assert.Contains("(about 22 mi a week)", miles, StringComparison.Ordinal);
        Assert.DoesNotContain("km", miles, StringComparison.Ordinal);
    }
}
