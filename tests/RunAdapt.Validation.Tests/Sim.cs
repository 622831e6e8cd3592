using System.Globalization;
using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Scenarios;

namespace RunAdapt.Validation.Tests;

/// <summary>Runs scenario YAML (the same text users write) through the real model, and records validation results.</summary>
internal static class Sim
{
    private static readonly Lock Gate = new();

    public static SimulationOutcome Run(string yaml, string name = "scenario.yaml") =>
        RunAdapt.Core.Model.Simulator.Run(ScenarioParser.Parse(yaml, name).ToInput());

    public static MuscleSnapshot Muscle(this BodySnapshot body, string name) => body.Muscles[name];

    public static double Size(this SimulationOutcome o, string muscle) => o.Final.Muscles[muscle].SizeChangePercent;

    public static double Week(this SimulationOutcome o, int week, string muscle) =>
        week == 0 ? 0 : o.Series[week - 1].Muscles[muscle].SizeChangePercent;

    public static double Vo2ChangePercent(this SimulationOutcome o) =>
        ((o.Final.Vo2MaxMillilitresPerKilogramPerMinute / o.Start.Vo2MaxMillilitresPerKilogramPerMinute) - 1) * 100;

    /// <summary>
    /// Asserts a model value lies within a published value's tolerance, and records the row for docs/MODEL.md when
    /// RUNADAPT_VALIDATION_REPORT names a file.
    /// </summary>
    public static void Within(string @case, string what, double model, double published, double tolerance, string source)
    {
        var pass = Math.Abs(model - published) <= tolerance;
        Record(@case, what, model, $"{Num(published)} ± {Num(tolerance)}", pass, source);
        Assert.True(pass, $"{@case} {what}: model {Num(model)}, published {Num(published)} ± {Num(tolerance)} ({source})");
    }

    /// <summary>Asserts a model value lies in a range, and records it.</summary>
    public static void InRange(string @case, string what, double model, double low, double high, string source)
    {
        var pass = model >= low && model <= high;
        Record(@case, what, model, $"{Num(low)} to {Num(high)}", pass, source);
        Assert.True(pass, $"{@case} {what}: model {Num(model)}, expected {Num(low)} to {Num(high)} ({source})");
    }

    private static void Record(string @case, string what, double model, string published, bool pass, string source)
    {
        var file = Environment.GetEnvironmentVariable("RUNADAPT_VALIDATION_REPORT");
        if (string.IsNullOrEmpty(file))
        {
            return;
        }

        lock (Gate)
        {
            File.AppendAllText(file, $"| {@case} | {what} | {Num(model)} | {published} | {(pass ? "pass" : "FAIL")} | {source} |\n");
        }
    }

    private static string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
