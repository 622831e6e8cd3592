using RunAdapt.Core.Model;

namespace RunAdapt.Core.Tests;

public sealed class ParametersTests
{
    /// <summary>The generated ParameterNames hold exactly the parameters of parameters.yaml (regenerate with tools/parameter-names).</summary>
    [Fact]
    public void GeneratedParameterNamesAreCurrent()
    {
        var type = typeof(ModelParameters).Assembly.GetType("RunAdapt.Core.Model.ParameterNames", throwOnError: true)!;
        var generated = type.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal);
        Assert.Equal(ModelParameters.Default.All.Select(p => p.Name).Order(StringComparer.Ordinal), generated);
    }

    [Fact]
    public void EveryParameterHasUnitSourceAndLiesInItsRange()
    {
        Assert.NotEmpty(ModelParameters.Default.All);
        foreach (var p in ModelParameters.Default.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Unit), $"{p.Name} has no unit");
            Assert.False(string.IsNullOrWhiteSpace(p.Source), $"{p.Name} has no source");
            Assert.True(p.Minimum < p.Maximum, $"{p.Name} has no plausible range");
            Assert.All(p.Values, v => Assert.InRange(v, p.Minimum, p.Maximum));
            Assert.True(!p.Guessed || !string.IsNullOrWhiteSpace(p.Why), $"{p.Name} is a guess without a reason");
        }
    }

    [Fact]
    public void AnOverrideOutsideTheRangeIsRefusedNamingTheFile()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "growth.tension_rate: { value: 5 }\n");
        var e = Assert.Throws<ModelParameterException>(() => ModelParameters.Default.WithOverrides(file));
        Assert.Contains(file, e.Message);
        Assert.Contains("growth.tension_rate", e.Message);
    }

    [Fact]
    public void AnOverrideChangesTheValue()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "vo2.half_load: { value: 40 }\n");
        Assert.Equal(40, ModelParameters.Default.WithOverrides(file).Get("vo2.half_load"));
    }
}
