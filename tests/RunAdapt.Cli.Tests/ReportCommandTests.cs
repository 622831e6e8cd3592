using System.Xml;
using System.Xml.Linq;
using RunAdapt.Cli;

namespace RunAdapt.Cli.Tests;

public sealed class ReportCommandTests : IDisposable
{
    private readonly DirectoryInfo _out = Directory.CreateTempSubdirectory("runadapt-report-");

    public void Dispose() => _out.Delete(recursive: true);

    private static (int Status, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var status = CliApp.Run(args, output, error);
        return (status, output.ToString(), error.ToString());
    }

    private static string SnapshotPath(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "RunAdapt.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "tests/RunAdapt.Cli.Tests/Snapshots", name);
    }

    [Fact]
    public void WritesTheReportChartsAndBodyMapForABuiltInScenario()
    {
        var (status, output, error) = Run("report", "novice-hills", "--out", _out.FullName);
        Assert.Equal(CliApp.Success, status);
        Assert.Empty(error);

        // The console summary is a checked-in snapshot (with the output folder replaced).
        var expected = File.ReadAllText(SnapshotPath("report-novice-hills.txt"));
        Assert.Equal(expected, output.Replace(_out.FullName, "{OUT}", StringComparison.Ordinal));

        var html = File.ReadAllText(Path.Combine(_out.FullName, "report.html"));
        Assert.DoesNotContain("http", html, StringComparison.Ordinal);
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        var document = XDocument.Load(reader);
        Assert.Equal("novice-hills", document.Descendants("h1").Single().Value);
        // How sure: a row per muscle and the systemic measures, each model value with its 10th–90th percentile.
        var howSure = document.Descendants("section").Single(e => (string?)e.Attribute("id") == "how-sure");
        Assert.Equal(4 * 2 + 5, howSure.Descendants("tbody").Single().Elements("tr").Count()); // size and type I of 4 muscles, 5 body measures
        Assert.Contains("person.vo2_response_cv", howSure.Value, StringComparison.Ordinal);
        // Why: the plan without its hill sessions has smaller glutes — the hills' row says so.
        var why = document.Descendants("section").Single(e => (string?)e.Attribute("id") == "why");
        var hills = why.Descendants("tr").Single(r => r.Element("th")?.Value == "Hills").Elements("td").ToList();
        Assert.Equal("40", hills[0].Value);
        Assert.StartsWith("+", hills[1].Value, StringComparison.Ordinal); // glutes (first muscle column)
        Assert.Equal("svg", XDocument.Load(Path.Combine(_out.FullName, "body-map.svg")).Root!.Name.LocalName);
        var pngs = Directory.GetFiles(Path.Combine(_out.FullName, "charts"), "*.png");
        Assert.Contains(pngs, p => Path.GetFileName(p) == "weekly-volume.png");
        Assert.Contains(pngs, p => Path.GetFileName(p) == "fitness-fatigue.png");
        Assert.Equal(pngs.Length, Directory.GetFiles(Path.Combine(_out.FullName, "charts"), "*.svg").Length);
    }

    [Fact]
    public void ReportsTheImportedHistory()
    {
        var db = Path.Combine(_out.FullName, "store.db");
        var fit = SnapshotPath("../../fixtures/activities/fit/2013-02-06-12-11-14.fit");
        Assert.Equal(CliApp.Success, Run("import", fit, "--db", db).Status);
        var (status, output, _) = Run("report", "--db", db, "--out", Path.Combine(_out.FullName, "r"));
        Assert.Equal(CliApp.Success, status);
        Assert.StartsWith("Report: Your history", output, StringComparison.Ordinal);
        var html = File.ReadAllText(Path.Combine(_out.FullName, "r", "report.html"));
        Assert.Contains("1 activities (4.8 km run) imported", html, StringComparison.Ordinal);
        Assert.Contains("<summary>Each session (1)</summary>", html, StringComparison.Ordinal);
        Assert.Matches(@"<th scope=""row"">2013-02-06</th><td class=""text"">running</td><td>4\.8</td><td>\d+</td><td>\d+ \(HR\)</td>", html);
    }

    [Fact]
    public void APlanFromTheHistoryIsReportedFromTheStoreItNames()
    {
        var plan = Path.Combine(_out.FullName, "next.yaml");
        File.WriteAllText(plan, "from: history\nweeks: 4\nweek:\n  - { day: mon, run: { minutes: 40, effort: easy } }\n");
        var (status, _, error) = Run("report", plan, "--db", Path.Combine(_out.FullName, "empty.db"), "--out", _out.FullName);
        Assert.Equal(CliApp.BadInput, status);
        Assert.Contains("starts 'from: history', but", error, StringComparison.Ordinal);

        var db = Path.Combine(_out.FullName, "store.db");
        Assert.Equal(CliApp.Success, Run("import", SnapshotPath("../../fixtures/activities/fit/2013-02-06-12-11-14.fit"), "--db", db).Status);
        var (reported, output, reportError) = Run("report", plan, "--db", db, "--out", Path.Combine(_out.FullName, "r"));
        Assert.True(reported == CliApp.Success, reportError);
        Assert.StartsWith("Report: next (4 weeks, 4 sessions)", output, StringComparison.Ordinal);
        Assert.Contains("From the imported history (1 sessions) on", File.ReadAllText(Path.Combine(_out.FullName, "r", "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingOutIsAUsageError()
    {
        var (status, _, error) = Run("report", "novice");
        Assert.Equal(CliApp.BadUsage, status);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownScenarioIsBadInputInOneLine()
    {
        var (status, _, error) = Run("report", "no-such-scenario", "--out", _out.FullName);
        Assert.Equal(CliApp.BadInput, status);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("no-such-scenario", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ServeRejectsAnAddressThatIsNotAUrl()
    {
        var (status, _, error) = Run("serve", "--urls", "localhost-5000");
        Assert.Equal(CliApp.BadUsage, status);
        Assert.Contains("--urls localhost-5000", error, StringComparison.Ordinal);
    }
}
