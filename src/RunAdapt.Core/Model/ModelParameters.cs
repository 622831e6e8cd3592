using System.Globalization;
using MathNet.Numerics.Distributions;
using YamlDotNet.RepresentationModel;

namespace RunAdapt.Core.Model;

/// <summary>One model parameter with its unit, plausible range and source.</summary>
/// <param name="Name">Dotted name, e.g. <c>growth.tension_rate</c>.</param>
/// <param name="Unit">Unit of the value.</param>
/// <param name="Values">The value (one element) or a table (several).</param>
/// <param name="Minimum">Smallest plausible value.</param>
/// <param name="Maximum">Largest plausible value.</param>
/// <param name="Source">Where the value comes from.</param>
/// <param name="Guessed">Whether the value is an assumption where the literature is silent.</param>
/// <param name="Why">How a guessed value was chosen.</param>
public sealed record ModelParameter(string Name, string Unit, IReadOnlyList<double> Values, double Minimum, double Maximum, string Source, bool Guessed, string? Why)
{
    /// <summary>The value of a single-valued parameter.</summary>
    public double Value => Values[0];

    /// <summary>Whether <c>runadapt calibrate</c> fits this parameter to the evidence library (<c>fit: true</c>).</summary>
    public bool Fit { get; init; }

    /// <summary>
    /// The SD of the fitted value (<c>posterior_sd</c>, written by <c>runadapt calibrate</c> from the spread of its
    /// cross-validation fits); <c>null</c> for a parameter the evidence has not narrowed, whose plausible range is its uncertainty.
    /// </summary>
    public double? PosteriorSd { get; init; }

    /// <summary>
    /// The value before any fit (<c>prior</c>: the literature's or the guess's): the centre of the fit's prior and where
    /// every fit starts, so no cross-validation fold starts from what an earlier fit learned from the studies it is then
    /// tested on; <c>null</c> for a parameter never fitted.
    /// </summary>
    public double? Prior { get; init; }
}

/// <summary>A parameter file was malformed or a value was outside its plausible range.</summary>
/// <param name="message">What was wrong, naming the file and parameter.</param>
public sealed class ModelParameterException(string message) : Exception(message);

/// <summary>
/// The model's parameters: the embedded <c>parameters.yaml</c>, optionally overridden by a user file of the same
/// shape. Every value is checked against its plausible range.
/// </summary>
public sealed class ModelParameters
{
    private readonly Dictionary<string, ModelParameter> _byName;

    private ModelParameters(Dictionary<string, ModelParameter> byName) => _byName = byName;

    /// <summary>The built-in parameters.</summary>
    public static ModelParameters Default { get; } = LoadDefault();

    /// <summary>Every parameter, in file order.</summary>
    public IEnumerable<ModelParameter> All => _byName.Values;

    /// <summary>A parameter by name.</summary>
    /// <param name="name">Dotted name.</param>
    /// <exception cref="KeyNotFoundException">No such parameter (a programming error).</exception>
    public ModelParameter this[string name] =>
        _byName.TryGetValue(name, out var p) ? p : throw new KeyNotFoundException($"model parameter '{name}' is not in parameters.yaml");

    /// <summary>The single value of a parameter.</summary>
    /// <param name="name">Dotted name.</param>
    public double Get(string name) => this[name].Value;

    /// <summary>These parameters with a user's file laid over them (values only; units and ranges stay the built-in ones).</summary>
    /// <param name="path">A YAML file of the same shape; only <c>value</c> is read, and it must lie in the range.</param>
    public ModelParameters WithOverrides(string path)
    {
        var overrides = Parse(File.ReadAllText(path), path);
        var merged = new Dictionary<string, ModelParameter>(_byName);
        foreach (var (name, p) in overrides)
        {
            if (!merged.TryGetValue(name, out var known))
            {
                throw new ModelParameterException($"{path}: unknown parameter '{name}'");
            }

            var updated = known with { Values = p.Values, Source = $"user override ({path})" };
            Check(updated, path);
            merged[name] = updated;
        }

        return new ModelParameters(merged);
    }

    /// <summary>These parameters with the posterior SDs of some replaced (a fold's fit keeps the spread of the fit to all the data).</summary>
    /// <param name="sds">Name → posterior SD.</param>
    public ModelParameters WithPosteriorSds(IReadOnlyDictionary<string, double> sds)
    {
        ArgumentNullException.ThrowIfNull(sds);
        var merged = new Dictionary<string, ModelParameter>(_byName);
        foreach (var (name, sd) in sds)
        {
            merged[name] = this[name] with { PosteriorSd = sd };
        }

        return new ModelParameters(merged);
    }

    /// <summary>These parameters with some values replaced (for sensitivity analyses and tests).</summary>
    /// <param name="values">Name → new single value.</param>
    public ModelParameters With(IReadOnlyDictionary<string, double> values)
    {
        var merged = new Dictionary<string, ModelParameter>(_byName);
        foreach (var (name, value) in values)
        {
            merged[name] = this[name] with { Values = [value] };
        }

        return new ModelParameters(merged);
    }

    /// <summary>
    /// One draw of these parameters, for uncertainty analyses. A fitted parameter with a <see cref="ModelParameter.PosteriorSd"/>
    /// is drawn from a normal distribution about its value with that SD (cut to its range): what the evidence left
    /// uncertain. Any other single-valued parameter whose range is finite and not excluded is drawn from a two-piece
    /// triangular distribution — mode and median at its documented value, falling to zero at its minimum and maximum — so
    /// a draw is as likely above the value as below, however lopsided the range. Tables (several values) are kept.
    /// </summary>
    /// <param name="random">The source of randomness (seeded, for reproducible bands).</param>
    /// <param name="keep">Whether a parameter stays at its value (e.g. settings that are not physiology).</param>
    public ModelParameters Sample(Random random, Func<ModelParameter, bool>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        var drawn = new Dictionary<string, ModelParameter>(_byName);
        foreach (var p in _byName.Values)
        {
            if (p.Values.Count != 1 || !double.IsFinite(p.Minimum) || !double.IsFinite(p.Maximum) || p.Maximum <= p.Minimum || (keep?.Invoke(p) ?? false))
            {
                continue;
            }

            double value;
            if (p.PosteriorSd is { } sd and > 0)
            {
                value = Normal.Sample(random, p.Value, sd);
            }
            else
            {
                // Half the draws fall on each side of the value; on a side, a triangle peaking at the value.
                var (low, high) = random.NextDouble() < 0.5 ? (p.Minimum, p.Value) : (p.Value, p.Maximum);
                var u = random.NextDouble();
                value = low == p.Value ? p.Value + ((high - p.Value) * (1 - Math.Sqrt(u))) : p.Value - ((p.Value - low) * (1 - Math.Sqrt(u)));
            }

            drawn[p.Name] = p with { Values = [Math.Clamp(value, p.Minimum, p.Maximum)] };
        }

        return new ModelParameters(drawn);
    }

    private static ModelParameters LoadDefault()
    {
        using var stream = typeof(ModelParameters).Assembly.GetManifestResourceStream("RunAdapt.Core.Model.parameters.yaml")
            ?? throw new InvalidOperationException("parameters.yaml is not embedded");
        using var reader = new StreamReader(stream);
        var parameters = Parse(reader.ReadToEnd(), "parameters.yaml");
        foreach (var p in parameters.Values)
        {
            Check(p, "parameters.yaml");
        }

        return new ModelParameters(parameters);
    }

    private static void Check(ModelParameter p, string file)
    {
        foreach (var v in p.Prior is { } prior ? [.. p.Values, prior] : p.Values)
        {
            if (!double.IsFinite(v) || v < p.Minimum || v > p.Maximum)
            {
                throw new ModelParameterException($"{file}: {p.Name} = {v.ToString(CultureInfo.InvariantCulture)} is outside its plausible range [{p.Minimum.ToString(CultureInfo.InvariantCulture)}, {p.Maximum.ToString(CultureInfo.InvariantCulture)}] {p.Unit}");
            }
        }
    }

    private static Dictionary<string, ModelParameter> Parse(string text, string file)
    {
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new ModelParameterException($"{file}:{e.Start.Line}:{e.Start.Column}: {e.Message}");
        }

        var result = new Dictionary<string, ModelParameter>();
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            return result;
        }

        foreach (var (key, node) in root.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (node is not YamlMappingNode entry)
            {
                throw new ModelParameterException($"{file}:{key.Start.Line}: parameter '{name}' must be a mapping with unit, value, min, max, source");
            }

            string? Text(string k) => entry.Children.TryGetValue(new YamlScalarNode(k), out var n) ? ((YamlScalarNode)n).Value : null;
            double Number(string k, double fallback) => Text(k) is { } t ? ParseNumber(t, file, name) : fallback;
            IReadOnlyList<double> values = entry.Children.TryGetValue(new YamlScalarNode("value"), out var valueNode) switch
            {
                true when valueNode is YamlSequenceNode seq => [.. seq.Children.Select(c => ParseNumber(((YamlScalarNode)c).Value!, file, name))],
                true => [ParseNumber(((YamlScalarNode)valueNode).Value!, file, name)],
                false => throw new ModelParameterException($"{file}:{key.Start.Line}: parameter '{name}' has no value"),
            };
            result[name] = new ModelParameter(name, Text("unit") ?? "", values, Number("min", double.NegativeInfinity), Number("max", double.PositiveInfinity),
                Text("source") ?? "", Text("guess") == "true", Text("why"))
            {
                Fit = Text("fit") == "true",
                PosteriorSd = Text("posterior_sd") is { } sd ? ParseNumber(sd, file, name) : null,
                Prior = Text("prior") is { } prior ? ParseNumber(prior, file, name) : null,
            };
        }

        return result;
    }

    private static double ParseNumber(string text, string file, string name) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new ModelParameterException($"{file}: parameter '{name}': '{text}' is not a number");
}
