using System.Globalization;
using RunAdapt.Core.Scenarios;
using YamlDotNet.RepresentationModel;

namespace RunAdapt.Evidence;

/// <summary>An evidence file is malformed; the message is one line naming the file and the problem.</summary>
public sealed class EvidenceException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file.</param>
    /// <param name="problem">What is wrong.</param>
    public EvidenceException(string file, string problem)
        : base($"{file}: {OneLine(problem)}")
    {
        File = file;
    }

    /// <summary>The file at fault.</summary>
    public string File { get; }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>
/// The evidence library: one YAML file per published study under <c>evidence/&lt;area&gt;/</c> (evidence/README.md).
/// Loading checks every file: known areas, measures and units, a source and a spread for every outcome, scenarios
/// that parse, unique ids, the study id equal to the file name.
/// </summary>
public sealed class EvidenceLibrary
{
    /// <summary>The areas (folder names) of evidence/README.md.</summary>
    public static IReadOnlyList<string> Areas { get; } =
        ["endurance", "concurrent", "resistance", "detraining", "disuse", "vo2max", "interval", "bone", "energy", "injury", "fibre", "ageing", "women", "joint"];

    private EvidenceLibrary(string directory, IReadOnlyList<Study> studies)
    {
        Directory = directory;
        Studies = studies;
    }

    /// <summary>The directory the library was read from.</summary>
    public string Directory { get; }

    /// <summary>Every study, ordered by area then id.</summary>
    public IReadOnlyList<Study> Studies { get; }

    /// <summary>The library's study files under a directory (<c>&lt;area&gt;/*.yaml</c>), in a stable order.</summary>
    /// <param name="directory">The <c>evidence/</c> directory.</param>
    public static IReadOnlyList<string> Files(string directory) =>
        [.. System.IO.Directory.GetFiles(directory, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    /// <summary>Loads every study file under a directory.</summary>
    /// <param name="directory">The <c>evidence/</c> directory.</param>
    /// <exception cref="EvidenceException">A file is malformed, or two files share a study id.</exception>
    public static EvidenceLibrary Load(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new EvidenceException(directory, "no such directory");
        }

        var studies = new List<Study>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Files(directory))
        {
            var study = LoadFile(file);
            if (!seen.TryAdd(study.Id, file))
            {
                throw new EvidenceException(file, $"duplicate study id '{study.Id}' (also in {seen[study.Id]})");
            }

            studies.Add(study);
        }

        return new EvidenceLibrary(directory, [.. studies.OrderBy(s => s.Area, StringComparer.Ordinal).ThenBy(s => s.Id, StringComparer.Ordinal)]);
    }

    /// <summary>Loads one study file; its folder must be its area and its name its id.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="EvidenceException">The file is malformed.</exception>
    public static Study LoadFile(string path)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EvidenceException(path, e.Message);
        }

        var study = Parse(text, path);
        var expected = Path.GetFileNameWithoutExtension(path);
        if (study.Id != expected)
        {
            throw new EvidenceException(path, $"study id '{study.Id}' is not the file name '{expected}'");
        }

        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)));
        return folder == study.Area ? study : throw new EvidenceException(path, $"area '{study.Area}' is not the folder '{folder}'");
    }

    /// <summary>Parses study text (without the file-name and folder checks of <see cref="LoadFile"/>).</summary>
    /// <param name="text">The YAML.</param>
    /// <param name="file">The file name for messages.</param>
    /// <exception cref="EvidenceException">The text is not a valid study.</exception>
    public static Study Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return new Reader(file).Study(text);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new EvidenceException(file, $"line {e.Start.Line}: {e.Message}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException && e.Source == "YamlDotNet")
        {
            // YamlDotNet's scanner and node loader throw these on some malformed text.
            throw new EvidenceException(file, $"not valid YAML ({e.Message.Split(" (Parameter", StringSplitOptions.None)[0]})");
        }
    }

    /// <summary>The study with an id, or <c>null</c>.</summary>
    /// <param name="id">The study id.</param>
    public Study? Find(string id) => Studies.FirstOrDefault(s => s.Id == id);

    private sealed class Reader(string file)
    {
        private static readonly string[] TopKeys = ["study", "arms"];
        private static readonly string[] StudyKeys = ["id", "citation", "area", "design", "notes"];
        private static readonly string[] CitationKeys = ["authors", "year", "title", "journal", "doi", "pmid", "pmcid"];
        private static readonly string[] ArmKeys = ["id", "population", "scenario", "outcomes"];
        private static readonly string[] OutcomeKeys = ["measure", "measured_by", "week", "unit", "versus", "mean", "sd", "se", "ci95", "sd_between", "n", "tolerance", "source", "note"];
        private static readonly string[] SourceKeys = ["id", "where"];

        public Study Study(string text)
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(text));
            if (yaml.Documents.Count != 1 || yaml.Documents[0].RootNode is not YamlMappingNode root)
            {
                throw Fail("expected one YAML document: a mapping with 'study' and 'arms'");
            }

            Keys(root, TopKeys, "the file");
            var study = Mapping(root, "study", "the file");
            Keys(study, StudyKeys, "study");
            var id = Text(study, "id", "study");
            var citationNode = Mapping(study, "citation", "study");
            Keys(citationNode, CitationKeys, "study.citation");
            var year = Number(citationNode, "year", "study.citation");
            var citation = new Citation(
                Text(citationNode, "authors", "study.citation"),
                year is >= 1900 and <= 2100 && year == Math.Floor(year) ? (int)year : throw Fail($"study.citation: year {year.ToString(CultureInfo.InvariantCulture)} is not a year"),
                Text(citationNode, "title", "study.citation"),
                Text(citationNode, "journal", "study.citation"),
                OptionalText(citationNode, "doi"),
                OptionalText(citationNode, "pmid"),
                OptionalText(citationNode, "pmcid"));
            if (citation.Doi is null && citation.Pmid is null)
            {
                throw Fail("study.citation: give at least one of doi / pmid");
            }

            var area = Text(study, "area", "study");
            if (!Areas.Contains(area))
            {
                throw Fail($"study.area: unknown area '{area}' (one of {string.Join(", ", Areas)})");
            }

            var armsNode = root.Children.TryGetValue(new YamlScalarNode("arms"), out var a) ? a as YamlSequenceNode : null;
            if (armsNode is null || armsNode.Children.Count == 0)
            {
                throw Fail("'arms' must be a non-empty list");
            }

            var arms = new List<Arm>();
            foreach (var node in armsNode.Children)
            {
                var arm = Arm(node as YamlMappingNode ?? throw Fail($"line {node.Start.Line}: each arm must be a mapping"));
                if (arms.Any(x => x.Id == arm.Id))
                {
                    throw Fail($"duplicate arm id '{arm.Id}'");
                }

                arms.Add(arm);
            }

            foreach (var arm in arms)
            {
                foreach (var outcome in arm.Outcomes.Where(o => o.Versus is not null))
                {
                    if (outcome.Versus == arm.Id || arms.All(x => x.Id != outcome.Versus))
                    {
                        throw Fail($"arm '{arm.Id}', {outcome.Measure}: versus '{outcome.Versus}' is not another arm of this study");
                    }
                }
            }

            return new Study(id, file, citation, area, Text(study, "design", "study"), OptionalText(study, "notes"), arms);
        }

        private Arm Arm(YamlMappingNode node)
        {
            var where = $"line {node.Start.Line}: arm";
            Keys(node, ArmKeys, where);
            var id = Text(node, "id", where);
            where = $"arm '{id}'";
            var population = new Dictionary<string, string>(StringComparer.Ordinal);
            if (node.Children.TryGetValue(new YamlScalarNode("population"), out var pop))
            {
                foreach (var (k, v) in pop as YamlMappingNode ?? throw Fail($"{where}: population must be a mapping"))
                {
                    population[Scalar(k, where)] = Scalar(v, $"{where}: population");
                }
            }

            var scenario = Text(node, "scenario", where);
            int days;
            try
            {
                days = ScenarioParser.Parse(scenario, $"{where} scenario").Days;
            }
            catch (ScenarioException e)
            {
                throw Fail($"scenario does not parse: {e.Message}");
            }
            catch (ArgumentException e)
            {
                throw Fail($"{where} scenario does not parse: {e.Message}");
            }

            var outcomes = new List<Outcome>();
            if (node.Children.TryGetValue(new YamlScalarNode("outcomes"), out var list))
            {
                foreach (var o in (list as YamlSequenceNode ?? throw Fail($"{where}: outcomes must be a list")).Children)
                {
                    var outcome = Outcome(o as YamlMappingNode ?? throw Fail($"{where}: line {o.Start.Line}: each outcome must be a mapping"), where);
                    if (outcome.Week * 7 > days)
                    {
                        throw Fail($"{where}, {outcome.Measure}: week {outcome.Week} is after the scenario's end ({days / 7} weeks)");
                    }

                    outcomes.Add(outcome);
                }
            }
            else
            {
                throw Fail($"{where}: no 'outcomes' (write 'outcomes: []' for a reference arm)");
            }

            return new Arm(id, population, scenario, outcomes);
        }

        private Outcome Outcome(YamlMappingNode node, string arm)
        {
            var where = $"{arm}, line {node.Start.Line}";
            Keys(node, OutcomeKeys, where);
            var name = Text(node, "measure", where);
            var measure = Measure.TryParse(name) ?? throw Fail($"{where}: unknown measure '{name}' (known: {string.Join(", ", Measure.Names)}; muscles {string.Join(", ", Measure.Muscles)})");
            where = $"{arm}, {name}";
            var unitName = Text(node, "unit", where);
            var unit = Units.TryParse(unitName) ?? throw Fail($"{where}: unknown unit '{unitName}' (pct, points, kg, ml_kg_min, ml_min, ratio)");
            if (!measure.AllowedUnits.Contains(unit))
            {
                throw Fail($"{where}: unit '{unitName}' does not fit {name} (use {string.Join(" or ", measure.AllowedUnits.Select(u => u.Name()))})");
            }

            var versus = OptionalText(node, "versus");
            if (measure.Kind == MeasureKind.InjuryRisk && versus is null)
            {
                throw Fail($"{where}: injury_risk is a comparison: give 'versus: <arm id>'");
            }

            if (unit == Unit.Ratio && versus is null)
            {
                throw Fail($"{where}: a ratio compares two arms: give 'versus: <arm id>'");
            }

            double? week = node.Children.ContainsKey(new YamlScalarNode("week")) ? Number(node, "week", where) : null;
            if (week is { } w && (w < 1 || w > 10_000 || w != Math.Floor(w)))
            {
                throw Fail($"{where}: week must be a whole number of weeks ≥ 1, not {w.ToString(CultureInfo.InvariantCulture)}");
            }

            double? n = Optional(node, "n", where);
            if (n is { } count && (count < 1 || count != Math.Floor(count) || count > 10_000_000))
            {
                throw Fail($"{where}: n must be a whole number ≥ 1");
            }

            (double, double)? ci = null;
            if (node.Children.TryGetValue(new YamlScalarNode("ci95"), out var ciNode))
            {
                var bounds = (ciNode as YamlSequenceNode)?.Children.Select(c => ParseNumber(Scalar(c, where), $"{where}: ci95")).ToArray();
                ci = bounds is [var lo, var hi] && lo <= hi ? (lo, hi) : throw Fail($"{where}: ci95 must be [low, high] with low ≤ high");
            }

            var spread = new Spread(Positive(node, "sd", where), Positive(node, "se", where), ci, Positive(node, "sd_between", where), n is { } c ? (int)c : null, Positive(node, "tolerance", where));
            var mean = Number(node, "mean", where);
            var sourceNode = node.Children.TryGetValue(new YamlScalarNode("source"), out var s) ? s as YamlMappingNode : null;
            if (sourceNode is null)
            {
                throw Fail($"{where}: missing source (source: {{ id: PMID:… or PMC… or doi, where: abstract / table N / figure N / text }})");
            }

            Keys(sourceNode, SourceKeys, $"{where}: source");
            var outcome = new Outcome(measure, Text(node, "measured_by", where), week is { } wk ? (int)wk : null, unit, versus, mean,
                spread, new SourceRef(Text(sourceNode, "id", $"{where}: source"), Text(sourceNode, "where", $"{where}: source")));
            try
            {
                ToleranceRule.For(outcome);
            }
            catch (ArgumentException e)
            {
                throw Fail($"{where}: {e.Message.Split(" (Parameter", StringSplitOptions.None)[0]}");
            }

            return outcome;
        }

        private EvidenceException Fail(string problem) => new(file, problem);

        private void Keys(YamlMappingNode node, string[] allowed, string where)
        {
            foreach (var key in node.Children.Keys)
            {
                var k = Scalar(key, where);
                if (!allowed.Contains(k))
                {
                    throw Fail($"{where}: unknown key '{k}' (expected {string.Join(", ", allowed)})");
                }
            }
        }

        private YamlMappingNode Mapping(YamlMappingNode node, string key, string where) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var n) && n is YamlMappingNode m ? m : throw Fail($"{where}: '{key}' must be a mapping");

        private string Scalar(YamlNode node, string where) =>
            node is YamlScalarNode { Value: { } v } ? v : throw Fail($"{where}: line {node.Start.Line}: expected a plain value");

        private string Text(YamlMappingNode node, string key, string where) =>
            OptionalText(node, key) is { Length: > 0 } t ? t : throw Fail($"{where}: missing '{key}'");

        private string? OptionalText(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var n) ? Scalar(n, key) : null;

        private double Number(YamlMappingNode node, string key, string where) =>
            Optional(node, key, where) ?? throw Fail($"{where}: missing '{key}'");

        private double? Optional(YamlMappingNode node, string key, string where) =>
            OptionalText(node, key) is { } t ? ParseNumber(t, $"{where}: {key}") : null;

        private double? Positive(YamlMappingNode node, string key, string where) =>
            Optional(node, key, where) is { } v ? (v >= 0 ? v : throw Fail($"{where}: {key} must not be negative")) : null;

        private double ParseNumber(string text, string where) =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : throw Fail($"{where}: '{text}' is not a number");
    }
}
