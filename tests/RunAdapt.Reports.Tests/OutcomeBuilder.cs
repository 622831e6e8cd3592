using RunAdapt.Core.Outcomes;

namespace RunAdapt.Reports.Tests;

/// <summary>Builds outcomes for tests: linear change from a fixed start to the final values over the weeks.</summary>
internal sealed class OutcomeBuilder
{
    private readonly Dictionary<string, double> _sizeChange = new(StringComparer.Ordinal)
    {
        ["quadriceps"] = 2, ["hamstrings"] = 1, ["calves"] = 4, ["glutes"] = 1.5,
    };

    private int _weeks = 12;
    private double _vo2Start = 38, _vo2End = 43;
    private double _massEnd = 73.5, _fatEnd = 14;
    private double _peakRisk = 1.1;
    private double _type2XEnd = 6;

    public OutcomeBuilder Weeks(int weeks) { _weeks = weeks; return this; }

    public OutcomeBuilder Size(string muscle, double changePercent) { _sizeChange[muscle] = changePercent; return this; }

    public OutcomeBuilder Vo2(double start, double end) { (_vo2Start, _vo2End) = (start, end); return this; }

    public OutcomeBuilder Mass(double body, double fat) { (_massEnd, _fatEnd) = (body, fat); return this; }

    public OutcomeBuilder PeakRisk(double risk) { _peakRisk = risk; return this; }

    public OutcomeBuilder FinalType2X(double percent) { _type2XEnd = percent; return this; }

    public SimulationOutcome Build()
    {
        var start = Snapshot(0, null);
        var series = Enumerable.Range(1, _weeks).Select(w => Snapshot((double)w / _weeks, w)).ToList();
        return new SimulationOutcome { Days = _weeks * 7, Start = start, Final = series[^1] with { Week = null }, Series = series };
    }

    private BodySnapshot Snapshot(double t, int? week)
    {
        // Type IIx falls from 12 % to the final share, becoming IIa; type I gains a little.
        var type2x = 12 + ((_type2XEnd - 12) * t);
        var type1 = 50 + (2 * t);
        var muscles = _sizeChange.ToDictionary(
            m => m.Key,
            m => new MuscleSnapshot(m.Value * t, type1, 100 - type1 - type2x, type2x, 20 * t, m.Value * 1.5 * t));
        var risk = week == 2 ? _peakRisk : 1.0;
        return new BodySnapshot
        {
            Week = week,
            Muscles = muscles,
            Vo2MaxMillilitresPerKilogramPerMinute = _vo2Start + ((_vo2End - _vo2Start) * t),
            BodyMassKilograms = 75 + ((_massEnd - 75) * t),
            FatMassKilograms = 15 + ((_fatEnd - 15) * t),
            BoneDensityChangePercent = 1.2 * t,
            JointLoadIndex = 1 + (0.1 * t),
            InjuryRisk = risk,
        };
    }
}
