using System.Text.Json.Nodes;

namespace RunAdapt.Cli.Tests;

/// <summary><c>runadapt evidence</c> and <c>runadapt calibrate</c> through the command line.</summary>
public sealed class EvidenceCommandTests
{
    private static string Library => Path.Combine(CliRun.Root, "evidence");

    [Fact]
    public void EvidenceJsonHasARowPerOutcome()
    {
        var (status, output, error) = CliRun.Run("evidence", "--json", "--library", Library);
        Assert.True(status == CliApp.Success, error);
        var rows = JsonNode.Parse(output)!.AsArray();
        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            foreach (var key in new[] { "study", "arm", "measure", "measured_by", "model", "published_mean", "tolerance_low", "tolerance_high", "pass", "source" })
            {
                Assert.True(r!.AsObject().ContainsKey(key), key);
            }
        });
    }

    [Fact]
    public void EvidenceTableSummarisesEachArea()
    {
        var (status, output, _) = CliRun.Run("evidence", "--library", Library);
        Assert.Equal(CliApp.Success, status);
        Assert.Contains("all", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AMalformedLibraryIsBadInputNamingTheFile()
    {
        var dir = CliRun.TempDir();
        Directory.CreateDirectory(Path.Combine(dir, "endurance"));
        File.WriteAllText(Path.Combine(dir, "endurance", "x-2000.yaml"), "study: [");
        var (status, _, error) = CliRun.Run("evidence", "--library", dir);
        Assert.Equal(CliApp.BadInput, status);
        Assert.Contains("x-2000.yaml", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--fit", "no.such.parameter")]
    [InlineData("--folds", "1")]
    [InlineData("--evaluations", "5")]
    public void CalibrateRejectsBadUsage(string option, string value)
    {
        var (status, _, error) = CliRun.Run("calibrate", option, value, "--library", Library);
        Assert.Equal(CliApp.BadUsage, status);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void CalibrateWritesTheCrossValidationAndTheFit()
    {
        var dir = CliRun.TempDir();
        var library = Path.Combine(dir, "evidence");
        Directory.CreateDirectory(Path.Combine(library, "vo2max"));
        foreach (var file in Directory.GetFiles(Path.Combine(Library, "vo2max"), "*.yaml"))
        {
            File.Copy(file, Path.Combine(library, "vo2max", Path.GetFileName(file)));
        }

        var model = Path.Combine(dir, "src", "RunAdapt.Core", "Model");
        Directory.CreateDirectory(model);
        File.Copy(Path.Combine(CliRun.Root, "src", "RunAdapt.Core", "Model", "parameters.yaml"), Path.Combine(model, "parameters.yaml"));
        var (status, output, error) = CliRun.Run("calibrate", "--library", library, "--fit", "vo2.half_load", "--folds", "2", "--evaluations", "12", "--samples", "0", "--write");
        Assert.True(status == CliApp.Success, error);
        Assert.Contains("out-of-sample", output, StringComparison.Ordinal);
        var stored = JsonNode.Parse(File.ReadAllText(Path.Combine(library, "calibration.json")))!;
        Assert.Equal(2, stored["folds"]!.GetValue<int>());
        Assert.Contains("fitted by runadapt calibrate", File.ReadAllText(Path.Combine(model, "parameters.yaml")), StringComparison.Ordinal);
    }
}
