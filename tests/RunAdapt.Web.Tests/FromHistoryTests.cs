using System.Text.Json.Nodes;
using RunAdapt.Cli;
using RunAdapt.Core.Outcomes;

namespace RunAdapt.Web.Tests;

/// <summary>A plan <c>from: history</c> starts from the stored athlete and history in every face, with the same numbers.</summary>
public sealed class FromHistoryTests
{
    private const string Plan = "from: history\nname: next block\nweeks: 6\nweek:\n  - { day: mon, run: { minutes: 40, effort: easy } }\n  - { day: thu, run: { minutes: 30, effort: tempo } }\n  - { day: sat, strength: [ { exercise: hip_thrust, sets: 3, reps: 8, load_pct_1rm: 75 } ] }\n";

    private static string Cli(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var status = CliApp.Run(args, output, error);
        Assert.True(status == CliApp.Success, $"runadapt {string.Join(' ', args)}: {error}");
        return output.ToString();
    }

    [Fact]
    public async Task TheTerminalTheReportAndTheDashboardGiveTheSameNumbers()
    {
        await using var dashboard = await LoopbackDashboard.StartAsync();
        var db = dashboard.StorePath;
        Cli("import", Path.Combine(DashboardFixture.RepositoryRoot(), "samples", "activities"), "--db", db);
        Cli("athlete", "--db", db, "--sex", "female", "--age", "41", "--mass", "58");
        var plan = Path.Combine(dashboard.Folder, "next.yaml");
        await File.WriteAllTextAsync(plan, Plan, TestContext.Current.CancellationToken);

        var terminal = JsonNode.Parse(Cli("simulate", plan, "--db", db, "--json"))!;
        Cli("report", plan, "--db", db, "--out", Path.Combine(dashboard.Folder, "report"));
        var html = await File.ReadAllTextAsync(Path.Combine(dashboard.Folder, "report", "report.html"), TestContext.Current.CancellationToken);
        using var response = await dashboard.Http.PostAsync("/api/simulate", new StringContent(Plan), TestContext.Current.CancellationToken);
        var page = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        // The stored 58 kg runner, not the default 75 kg athlete, after the imported runs.
        var start = (double)terminal["start"]!["body_mass_kg"]!;
        Assert.InRange(start, 56, 60);
        Assert.Equal(terminal.ToJsonString(), page["outcome"]!.ToJsonString());
        var mass = MeasureCatalogue.Standard["body_mass"];
        Assert.Contains($"<tr><th scope=\"row\">body mass</th><td>{mass.Format(start)}</td><td>{mass.Format((double)terminal["final"]!["body_mass_kg"]!)}</td>", html, StringComparison.Ordinal);
        var glutes = MeasureCatalogue.Standard["size"].Format((double)terminal["final"]!["muscles"]!["glutes"]!["size_change_pct"]!);
        Assert.Contains($"<tr><th scope=\"row\">glutes</th><td class=\"up\">{glutes}</td>", html, StringComparison.Ordinal);
        Assert.Contains(page["sheet"]!["findings"]![0]!.GetValue<string>(), System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }
}
