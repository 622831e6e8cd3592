using System.Globalization;
using System.Text.RegularExpressions;

namespace RunAdapt.Evidence;

/// <summary>Writes fitted values back into <c>parameters.yaml</c> text, line by line, keeping everything else as it is.</summary>
public static partial class ParameterFile
{
    private const string FitMark = "fitted by runadapt calibrate";

    /// <summary>
    /// The text with each named parameter's <c>value</c> replaced and the fit recorded at the start of its
    /// <c>source</c> (a previous fit's note is replaced, not stacked).
    /// </summary>
    /// <param name="text">The parameters.yaml text.</param>
    /// <param name="values">Parameter name → fitted value.</param>
    /// <param name="note">What the fit was, e.g. "to 40 studies of the evidence library, 5-fold CV by study".</param>
    /// <param name="posteriorSd">The fitted values' uncertainty, written as each one's <c>posterior_sd</c> (none: left as it is).</param>
    /// <exception cref="ArgumentException">A parameter is not a one-line single-valued entry of the file.</exception>
    public static string WithFit(string text, IReadOnlyDictionary<string, double> values, string note, IReadOnlyDictionary<string, double>? posteriorSd = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        var lines = text.Split('\n');
        foreach (var (name, value) in values)
        {
            var index = Array.FindIndex(lines, l => l.StartsWith(name + ":", StringComparison.Ordinal));
            if (index < 0)
            {
                throw new ArgumentException($"parameters.yaml has no line for '{name}'", nameof(values));
            }

            var line = lines[index];
            var valueMatch = ValuePattern().Match(line);
            var sourceMatch = SourcePattern().Match(line);
            if (!valueMatch.Success || !sourceMatch.Success)
            {
                throw new ArgumentException($"parameters.yaml: '{name}' is not a one-line entry with a single value and a quoted source", nameof(values));
            }

            var old = valueMatch.Groups[1].Value;
            if (line.Contains("fit: true", StringComparison.Ordinal) && !PriorPattern().IsMatch(line))
            {
                // The first fit keeps the value it replaces as the prior every later fit is centred on and starts from
                // (a spread measured from the library, not fitted, has none).
                line = line.Insert(valueMatch.Index + valueMatch.Length, $" prior: {old},");
                valueMatch = ValuePattern().Match(line);
            }

            var source = sourceMatch.Groups[1].Value;
            var kept = source.StartsWith(FitMark, StringComparison.Ordinal) && source.IndexOf("; ", StringComparison.Ordinal) is var semi and >= 0
                ? source[(semi + 2)..]
                : source;
            var recorded = $"{FitMark} {note}, was {old}; {kept}";
            var formatted = value.ToString("G4", CultureInfo.InvariantCulture);
            line = line[..valueMatch.Groups[1].Index] + formatted + line[(valueMatch.Groups[1].Index + old.Length)..];
            if (posteriorSd is not null && posteriorSd.TryGetValue(name, out var sd))
            {
                var sdText = sd.ToString("G3", CultureInfo.InvariantCulture);
                var sdMatch = PosteriorPattern().Match(line);
                line = sdMatch.Success
                    ? line[..sdMatch.Groups[1].Index] + sdText + line[(sdMatch.Groups[1].Index + sdMatch.Groups[1].Length)..]
                    : line.Insert(valueMatch.Groups[1].Index + formatted.Length, $", posterior_sd: {sdText}");
            }

            sourceMatch = SourcePattern().Match(line);
            lines[index] = line[..sourceMatch.Groups[1].Index] + recorded.Replace("\"", "'", StringComparison.Ordinal) + line[(sourceMatch.Groups[1].Index + sourceMatch.Groups[1].Length)..];
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"\bvalue:\s*([-+0-9.eE]+)\s*,")]
    private static partial Regex ValuePattern();

    [GeneratedRegex(@"\bprior:\s*([-+0-9.eE]+)")]
    private static partial Regex PriorPattern();

    [GeneratedRegex(@"\bposterior_sd:\s*([-+0-9.eE]+)")]
    private static partial Regex PosteriorPattern();

    [GeneratedRegex("\\bsource:\\s*\"([^\"]*)\"")]
    private static partial Regex SourcePattern();
}
