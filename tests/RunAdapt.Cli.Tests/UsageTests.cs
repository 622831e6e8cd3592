using RunAdapt.Cli;

namespace RunAdapt.Cli.Tests;

public sealed class UsageTests
{
    private static (int Status, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var status = CliApp.Run(args, output, error);
        return (status, output.ToString(), error.ToString());
    }

    [Fact]
    public void UnknownCommandExitsTwoWithOneLine()
    {
        var (status, _, error) = Run("frobnicate");
        Assert.Equal(CliApp.BadUsage, status);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("frobnicate", error);
    }

    [Fact]
    public void MissingFileExitsOneNamingIt()
    {
        var (status, _, error) = Run("inspect", "/nonexistent/run.fit", "--json");
        Assert.Equal(CliApp.BadInput, status);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("/nonexistent/run.fit", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void HelpListsTheCommands()
    {
        var (status, output, _) = Run("--help");
        Assert.Equal(CliApp.Success, status);
        Assert.Contains("inspect", output);
    }
}
