using System.Globalization;
using RunAdapt.Core.Outcomes;

namespace RunAdapt.Reports;

/// <summary>
/// The plain-language answer to "what did my running build?", written by fixed rules from the outcome's numbers
/// (never canned per scenario), one sentence per finding, most important first.
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
    public static IReadOnlyList<string> Findings(SimulationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var start = outcome.Start;
        var final = outcome.Final;
        var muscles = MuscleNames.Sorted(final.Muscles.Keys);
        var findings = new List<string> { Size(final, muscles) };

        var shrank = muscles.Where(m => final.Muscles[m].SizeChangePercent <= -NoticeableSizePercent).ToList();
        if (shrank.Count > 0)
        {
            findings.Add(Invariant($"Smaller: {string.Join(", ", shrank.Select(m => $"{m} ({Signed(final.Muscles[m].SizeChangePercent)} %)"))}."));
        }

        findings.Add(Fibres(start, final, muscles));
        var endurance = muscles.MaxBy(m => final.Muscles[m].EnduranceChangePercent)!;
        var strength = muscles.MaxBy(m => final.Muscles[m].StrengthChangePercent)!;
        findings.Add(Invariant($"Muscular endurance rose most in the {endurance} ({Signed(final.Muscles[endurance].EnduranceChangePercent)} %); maximal strength changed most in the {strength} ({Signed(final.Muscles[strength].StrengthChangePercent)} %)."));

        var vo2Change = Percent(final.Vo2MaxMillilitresPerKilogramPerMinute, start.Vo2MaxMillilitresPerKilogramPerMinute);
        findings.Add(Math.Abs(vo2Change) < NoticeableVo2Percent
            ? Invariant($"Aerobic fitness held steady: VO2max {final.Vo2MaxMillilitresPerKilogramPerMinute:0.0} ml/kg/min.")
            : Invariant($"Aerobic fitness {(vo2Change > 0 ? "improved" : "declined")}: VO2max {start.Vo2MaxMillilitresPerKilogramPerMinute:0.0} → {final.Vo2MaxMillilitresPerKilogramPerMinute:0.0} ml/kg/min ({Signed(vo2Change)} %)."));

        var mass = final.BodyMassKilograms - start.BodyMassKilograms;
        var fat = final.FatMassKilograms - start.FatMassKilograms;
        var lean = mass - fat;
        findings.Add(Math.Abs(mass) < NoticeableMassKilograms && Math.Abs(fat) < NoticeableMassKilograms
            ? Invariant($"Body mass stayed about the same ({final.BodyMassKilograms:0.0} kg).")
            : Invariant($"Body mass {start.BodyMassKilograms:0.0} → {final.BodyMassKilograms:0.0} kg ({Signed(mass)} kg): fat {Signed(fat)} kg, fat-free mass {Signed(lean)} kg."));

        findings.Add(Math.Abs(final.BoneDensityChangePercent) < NoticeableBonePercent
            ? "Bone density at the hip did not change measurably."
            : Invariant($"Bone density at the hip {(final.BoneDensityChangePercent > 0 ? "rose" : "fell")} {Math.Abs(final.BoneDensityChangePercent):0.0} %."));

        var peak = outcome.Series.Select((s, i) => (s.InjuryRisk, Week: s.Week ?? (i + 1))).DefaultIfEmpty((InjuryRisk: final.InjuryRisk, Week: 0)).MaxBy(p => p.InjuryRisk);
        findings.Add(peak.InjuryRisk >= RaisedRisk
            ? Invariant($"Watch the load: injury risk peaked at ×{peak.InjuryRisk:0.00} of baseline in week {peak.Week} (a jump in load the body was not yet used to); it ends at ×{final.InjuryRisk:0.00}.")
            : Invariant($"Load rose gradually enough: injury risk stayed near baseline (peak ×{peak.InjuryRisk:0.00}); knee load ends at {final.JointLoadIndex:0.00}× what the joint is used to."));
        return findings;
    }

    private static string Size(BodySnapshot final, IReadOnlyList<string> muscles)
    {
        var grew = muscles.Where(m => final.Muscles[m].SizeChangePercent >= NoticeableSizePercent)
            .OrderByDescending(m => final.Muscles[m].SizeChangePercent).ToList();
        if (grew.Count == 0)
        {
            return "No leg muscle grew appreciably (every group changed by less than 0.5 % in size).";
        }

        var most = grew[0];
        var rest = grew.Skip(1).Select(m => Invariant($"{m} {Signed(final.Muscles[m].SizeChangePercent)} %")).ToList();
        return Invariant($"Your {most} grew most: {Signed(final.Muscles[most].SizeChangePercent)} % in size")
            + (rest.Count > 0 ? $", then {string.Join(", ", rest)}." : ".");
    }

    private static string Fibres(BodySnapshot start, BodySnapshot final, IReadOnlyList<string> muscles)
    {
        double Mean(BodySnapshot s, Func<MuscleSnapshot, double> f) => muscles.Where(s.Muscles.ContainsKey).Select(m => f(s.Muscles[m])).DefaultIfEmpty(0).Average();
        var type1 = Mean(final, m => m.Type1Percent) - Mean(start, m => m.Type1Percent);
        var type2a = Mean(final, m => m.Type2APercent) - Mean(start, m => m.Type2APercent);
        var type2x = Mean(final, m => m.Type2XPercent) - Mean(start, m => m.Type2XPercent);
        if (Math.Max(Math.Abs(type1), Math.Max(Math.Abs(type2a), Math.Abs(type2x))) < NoticeableFibrePoints)
        {
            return Invariant($"Fibre make-up barely moved (type I {Mean(final, m => m.Type1Percent):0} % on average across the leg).");
        }

        var direction = type2x < 0 && type2a > 0
            ? "from fast, fatigable IIx toward fatigue-resistant IIa"
            : type2x > 0 ? "toward the fast IIx type" : type1 >= 0 ? "toward slow-twitch type I" : "toward fast-twitch type II";
        return Invariant($"Fibres shifted {direction}: on average type I {Signed(type1)}, IIa {Signed(type2a)}, IIx {Signed(type2x)} percentage points (now {Mean(final, m => m.Type1Percent):0} % type I).");
    }

    private static double Percent(double value, double reference) => reference == 0 ? 0 : ((value / reference) - 1) * 100;

    private static string Signed(double value) => value.ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
