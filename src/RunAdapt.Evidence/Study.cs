namespace RunAdapt.Evidence;

/// <summary>Where a study was published.</summary>
/// <param name="Authors">The authors as the paper lists them.</param>
/// <param name="Year">Year of publication.</param>
/// <param name="Title">The title.</param>
/// <param name="Journal">Journal, volume and pages.</param>
/// <param name="Doi">The DOI, if any.</param>
/// <param name="Pmid">The PubMed id, if any.</param>
/// <param name="Pmcid">The PubMed Central id, if any.</param>
public sealed record Citation(string Authors, int Year, string Title, string Journal, string? Doi, string? Pmid, string? Pmcid);

/// <summary>One published study: its citation and its arms (file <c>evidence/&lt;area&gt;/&lt;id&gt;.yaml</c>).</summary>
/// <param name="Id">The study id (= the file name without <c>.yaml</c>).</param>
/// <param name="File">The file it was read from.</param>
/// <param name="Citation">Where it was published.</param>
/// <param name="Area">The area (folder name), e.g. <c>endurance</c>.</param>
/// <param name="Design">RCT, pre-post, cohort, cross-sectional …</param>
/// <param name="Notes">What a reader needs to know (what the scenario approximates).</param>
/// <param name="Arms">The study's groups.</param>
public sealed record Study(string Id, string File, Citation Citation, string Area, string Design, string? Notes, IReadOnlyList<Arm> Arms);

/// <summary>One group of a study: who, the protocol as a scenario, and what was measured.</summary>
/// <param name="Id">Unique within the study.</param>
/// <param name="Population">The published population (n, sex, age, status, baselines) as written.</param>
/// <param name="Scenario">The protocol as RunAdapt scenario YAML.</param>
/// <param name="Outcomes">The published outcomes of this arm.</param>
public sealed record Arm(string Id, IReadOnlyDictionary<string, string> Population, string Scenario, IReadOnlyList<Outcome> Outcomes);

/// <summary>Where a number was read.</summary>
/// <param name="Id">PMID:…, PMC…, or a DOI.</param>
/// <param name="Where">Abstract, table N, figure N, text.</param>
public sealed record SourceRef(string Id, string Where)
{
    /// <summary>The reference as the tables show it: <c>PMID:123 (table 2)</c>.</summary>
    public override string ToString() => $"{Id} ({Where})";
}

/// <summary>The spread a study published for an outcome (one of them; see the tolerance rule).</summary>
/// <param name="Sd">SD of the individual change.</param>
/// <param name="Se">Standard error of the mean change.</param>
/// <param name="Ci95">95 % confidence interval of the mean change (or of the ratio / difference for <c>versus:</c>).</param>
/// <param name="SdBetween">A between-subject SD of the pre/post values (used as it is).</param>
/// <param name="N">Number of participants (needed with <paramref name="Se"/> and <paramref name="Ci95"/>).</param>
/// <param name="Published">A published tolerance from VALIDATION.md (only for the cases moved from it), used instead of the rule.</param>
public sealed record Spread(double? Sd, double? Se, (double Low, double High)? Ci95, double? SdBetween, int? N, double? Published);

/// <summary>One published outcome of an arm.</summary>
/// <param name="Measure">The measure (README table), e.g. <c>quadriceps.size</c>.</param>
/// <param name="MeasuredBy">What was measured how (MRI, biopsy, DXA …).</param>
/// <param name="Week">Weeks after the start of the scenario; <c>null</c> = its end (or, for a <c>versus:</c> ratio, the mean over its weeks).</param>
/// <param name="Unit">The unit of <paramref name="Mean"/>.</param>
/// <param name="Versus">The arm this one is compared with, if the outcome is a between-arm comparison.</param>
/// <param name="Mean">The published mean change (or ratio / difference).</param>
/// <param name="Spread">The published spread.</param>
/// <param name="Source">Where the numbers were read.</param>
public sealed record Outcome(Measure Measure, string MeasuredBy, int? Week, Unit Unit, string? Versus, double Mean, Spread Spread, SourceRef Source);
