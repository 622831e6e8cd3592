namespace RunAdapt.Evidence.Tests;

/// <summary>Writing a fit back into parameters.yaml text.</summary>
public sealed class ParameterFileTests
{
    private const string Text = """
        # a comment
        vo2.half_load:             { unit: TRIMP per day, value: 30, min: 5, max: 100, source: "HERITAGE dose", guess: true, fit: true }
        vo2.other:                 { unit: x, value: 1.5, min: 0, max: 3, source: "kept" }
        """;

    [Fact]
    public void TheValueIsReplacedAndTheFitRecordedInTheSource()
    {
        var written = ParameterFile.WithFit(Text, new Dictionary<string, double> { ["vo2.half_load"] = 41.23456 }, "to 3 studies");
        Assert.Contains("value: 41.23, prior: 30, min: 5", written, StringComparison.Ordinal);
        Assert.Contains("source: \"fitted by runadapt calibrate to 3 studies, was 30; HERITAGE dose\"", written, StringComparison.Ordinal);
        Assert.Contains("vo2.other:                 { unit: x, value: 1.5, min: 0, max: 3, source: \"kept\" }", written, StringComparison.Ordinal);
        Assert.StartsWith("# a comment", written, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecondFitReplacesTheFirstNote()
    {
        var once = ParameterFile.WithFit(Text, new Dictionary<string, double> { ["vo2.half_load"] = 41 }, "first");
        var twice = ParameterFile.WithFit(once, new Dictionary<string, double> { ["vo2.half_load"] = 50 }, "second");
        Assert.Contains("source: \"fitted by runadapt calibrate second, was 41; HERITAGE dose\"", twice, StringComparison.Ordinal);
        // The prior stays the value before the first fit: no later fit starts from what an earlier one learned.
        Assert.Contains("value: 50, prior: 30, min: 5", twice, StringComparison.Ordinal);
        var measured = ParameterFile.WithFit(Text, new Dictionary<string, double> { ["vo2.other"] = 2 }, "measured");
        Assert.Contains("vo2.other:                 { unit: x, value: 2, min: 0", measured, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryFittedParameterKeepsItsPriorInsideItsRange() =>
        Assert.All(RunAdapt.Core.Model.ModelParameters.Default.All.Where(p => p.Fit), p =>
            Assert.InRange(p.Prior ?? double.NaN, p.Minimum, p.Maximum));

    [Fact]
    public void ThePosteriorSdIsWrittenBesideTheValueAndReplacedByTheNextFit()
    {
        var sd = new Dictionary<string, double> { ["vo2.half_load"] = 3.21 };
        var once = ParameterFile.WithFit(Text, new Dictionary<string, double> { ["vo2.half_load"] = 41 }, "first", sd);
        Assert.Contains("value: 41, posterior_sd: 3.21, prior: 30, min: 5", once, StringComparison.Ordinal);
        var twice = ParameterFile.WithFit(once, new Dictionary<string, double> { ["vo2.half_load"] = 42 }, "second", new Dictionary<string, double> { ["vo2.half_load"] = 1.5 });
        Assert.Contains("value: 42, posterior_sd: 1.5, prior: 30, min: 5", twice, StringComparison.Ordinal);
        Assert.DoesNotContain("3.21", twice, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownParameterIsAnError() =>
        Assert.Throws<ArgumentException>(() => ParameterFile.WithFit(Text, new Dictionary<string, double> { ["nope"] = 1 }, "x"));

    [Fact]
    public void TheRealParameterFileTakesAFitOfEveryFlaggedParameter()
    {
        var path = Path.Combine(Repo.Root, "src", "RunAdapt.Core", "Model", "parameters.yaml");
        var flagged = RunAdapt.Core.Model.ModelParameters.Default.All.Where(p => p.Fit).ToDictionary(p => p.Name, p => p.Value);
        var written = ParameterFile.WithFit(File.ReadAllText(path), flagged, "test");
        Assert.Equal(flagged.Count, written.Split('\n').Count(l => l.Contains("fitted by runadapt calibrate test", StringComparison.Ordinal)));
    }
}
