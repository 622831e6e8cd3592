using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;
using static RunAdapt.Core.Outcomes.Numbers;

namespace RunAdapt.Reports;

/// <summary>
/// The plain-language answer to "what did my running build?", written by fixed rules from the outcome's numbers
/// (never canned per scenario), one sentence per finding, most important first. The first finding is the headline;
/// when the likely range of a measure spans zero, the headline says so. Every face shows these sentences.
/// </summary>
public static class Narrative
{
    // Changes smaller than these are reported as "no appreciable change": below what the model resolves
    // meaningfully and below what a runner could notice or measure.
    private const double NoticeableSizePercent = 0.5;
    private const double NoticeableFibrePoints = 1.0;
    private const double NoticeableVo2Percent = 1.0;
    private const double NoticeableMassKilograms = 0.3;
    private const double NoticeableBonePercent = 0.2;
    private const double RaisedRisk = 1.2;

    /// <summary>The findings, as sentences.</summary>
    /// <param name="outcome">The outcome to describe.</param>
    /// <param name="bands">How sure the model is, if known: the headline then names the measures whose direction is not sure.</param>
    /// <param name="catalogue">The measures; <c>null</c> for <see cref="MeasureCatalogue.Standard"/>.</param>
    public static IReadOnlyList<string> Findings(SimulationOutcome outcome, OutcomeBands? bands = null, MeasureCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        catalogue ??= MeasureCatalogue.Standard;
        var start = outcome.Start;
        var final = outcome.Final;
        var size = catalogue[MeasureCatalogue.SizeKey];
        var muscles = MuscleNames.Sorted(final.Muscles.Keys);
        var findings = new List<string> { Size(final, muscles, size) + NotSure(outcome, bands, catalogue) };

        var shrank = muscles.Where(m => size.Read(final, m) <= -NoticeableSizePercent).ToList();
        if (shrank.Count > 0)
        {
            findings.Add($"Smaller: {string.Join(", ", shrank.Select(m => $"{m} ({size.Format(size.Read(final, m))})"))}.");
        }

        findings.Add(Fibres(start, final, muscles, catalogue));
        var (endurance, strength) = (catalogue["endurance"], catalogue["strength"]);
        var mostEndurance = muscles.MaxBy(m => endurance.Read(final, m))!;
        var mostStrength = muscles.MaxBy(m => strength.Read(final, m))!;
        findings.Add($"Muscular endurance rose most in the {mostEndurance} ({endurance.Format(endurance.Read(final, mostEndurance))}); maximal strength changed most in the {mostStrength} ({strength.Format(strength.Read(final, mostStrength))}).");

        var vo2 = catalogue["vo2max"];
        var vo2Change = Percent(vo2.Read(final), vo2.Read(start));
        findings.Add(Math.Abs(vo2Change) < NoticeableVo2Percent
            ? $"Aerobic fitness held steady: VO2max {vo2.Format(vo2.Read(final))}."
            : $"Aerobic fitness {(vo2Change > 0 ? "improved" : "declined")}: VO2max {Fixed(vo2.Read(start), vo2.Decimals)} → {vo2.Format(vo2.Read(final))} ({Signed(vo2Change, 1)} %).");

        var (mass, fat) = (catalogue["body_mass"], catalogue["fat_mass"]);
        var massChange = mass.Change(start, final);
        var fatChange = fat.Change(start, final);
        findings.Add(Math.Abs(massChange) < NoticeableMassKilograms && Math.Abs(fatChange) < NoticeableMassKilograms
            ? $"Body mass stayed about the same ({mass.Format(mass.Read(final))})."
            : $"Body mass {Fixed(mass.Read(start), mass.Decimals)} → {mass.Format(mass.Read(final))} ({mass.FormatChange(massChange)}): fat {fat.FormatChange(fatChange)}, fat-free mass {mass.FormatChange(massChange - fatChange)}.");

        var bone = catalogue["bone"];
        var boneChange = bone.Read(final);
        findings.Add(Math.Abs(boneChange) < NoticeableBonePercent
            ? "Bone density at the hip did not change measurably."
            : $"Bone density at the hip {(boneChange > 0 ? "rose" : "fell")} {Fixed(Math.Abs(boneChange), bone.Decimals)} %.");

        var risk = catalogue["injury_risk"];
        var peak = outcome.Series.Select((s, i) => (Risk: risk.Read(s), Week: s.Week ?? (i + 1))).DefaultIfEmpty((Risk: risk.Read(final), Week: 0)).MaxBy(p => p.Risk);
        findings.Add(peak.Risk >= RaisedRisk
            ? $"Watch the load: injury risk peaked at ×{Fixed(peak.Risk, 2)} of baseline in week {peak.Week} (a jump in load the body was not yet used to); it ends at ×{Fixed(risk.Read(final), 2)}."
            : $"Load rose gradually enough: injury risk stayed near baseline (peak ×{Fixed(peak.Risk, 2)}); knee load ends at {Fixed(final.JointLoadIndex, 2)}× what the joint is used to.");
        return findings;
    }

    /// <summary>
    /// The measures whose likely range (10th to 90th percentile) spans no change, said in words: the model cannot tell
    /// their direction. Empty when there are no bands or every direction is sure.
    /// </summary>
    private static string NotSure(SimulationOutcome outcome, OutcomeBands? bands, MeasureCatalogue catalogue)
    {
        if (bands is null)
        {
            return "";
        }

        var start = outcome.Start;
        var unsure = new List<string>();
        bool SpansNoChange(Measure measure, string? muscle) => measure.Change(start, bands.Low, muscle) < 0 && measure.Change(start, bands.High, muscle) > 0;
        foreach (var measure in catalogue.In(Summaries.Bands))
        {
            if (measure.Scope == MeasureScope.Body)
            {
                if (SpansNoChange(measure, null))
                {
                    unsure.Add($"{measure.MayGoEitherWay()} (likely {measure.FormatChange(measure.Change(start, bands.Low))} to {measure.FormatChange(measure.Change(start, bands.High))})");
                }

                continue;
            }

            var muscles = MuscleNames.Sorted(outcome.Final.Muscles.Keys).Where(m => SpansNoChange(measure, m)).ToList();
            if (muscles.Count > 0)
            {
                unsure.Add($"{measure.MayGoEitherWay(muscles)} (the likely range spans no change)");
            }
        }

        return unsure.Count == 0 ? "" : $" Not sure: {string.Join("; ", unsure)}.";
    }

    private static string Size(BodySnapshot final, IReadOnlyList<string> muscles, Measure size)
    {
        var grew = muscles.Where(m => size.Read(final, m) >= NoticeableSizePercent).OrderByDescending(m => size.Read(final, m)).ToList();
        if (grew.Count == 0)
        {
            return "No leg muscle grew appreciably (every group changed by less than 0.5 % in size).";
        }

        var most = grew[0];
        var rest = grew.Skip(1).Select(m => $"{m} {size.Format(size.Read(final, m))}").ToList();
        return $"Your {most} grew most: {size.Format(size.Read(final, most))} in size" + (rest.Count > 0 ? $", then {string.Join(", ", rest)}." : ".");
    }

    private static string Fibres(BodySnapshot start, BodySnapshot final, IReadOnlyList<string> muscles, MeasureCatalogue catalogue)
    {
        var (i, iia, iix) = (catalogue["type1"], catalogue["type2a"], catalogue["type2x"]);
        double Mean(BodySnapshot s, Measure m) => muscles.Where(s.Muscles.ContainsKey).Select(x => m.Read(s, x)).DefaultIfEmpty(0).Average();
        var type1 = Mean(final, i) - Mean(start, i);
        var type2a = Mean(final, iia) - Mean(start, iia);
        var type2x = Mean(final, iix) - Mean(start, iix);
        var now = Fixed(Mean(final, i), 0);
        if (Math.Max(Math.Abs(type1), Math.Max(Math.Abs(type2a), Math.Abs(type2x))) < NoticeableFibrePoints)
        {
            return $"Fibre make-up barely moved (type I {now} % on average across the leg).";
        }

        var direction = type2x < 0 && type2a > 0
            ? "from fast, fatigable IIx toward fatigue-resistant IIa"
            : type2x > 0 ? "toward the fast IIx type" : type1 >= 0 ? "toward slow-twitch type I" : "toward fast-twitch type II";
        return $"Fibres shifted {direction}: on average type I {Signed(type1, 1)}, IIa {Signed(type2a, 1)}, IIx {Signed(type2x, 1)} percentage points (now {now} % type I).";
    }

    private static double Percent(double value, double reference) => reference == 0 ? 0 : ((value / reference) - 1) * 100;
}
