using CsCheck;
using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Training;

namespace RunAdapt.Core.Tests;

/// <summary>Invariants of the adaptation model over random athletes and programmes.</summary>
public sealed class ModelPropertyTests
{
    private static readonly DateOnly Start = new(2025, 1, 6);

    private static readonly Gen<Athlete> Athletes =
        Gen.Select(Gen.Int[0, 1], Gen.Double[18, 70], Gen.Double[45, 110], Gen.Int[0, 3], Gen.Int[0, 2], Gen.Int[0, 2])
            .Select((sex, age, mass, status, lifting, strike) => new Athlete
            {
                Sex = (Sex)sex, AgeYears = age, MassKilograms = mass, TrainingStatus = (TrainingStatus)status,
                LiftingStatus = (TrainingStatus)lifting, FootStrike = (FootStrike)strike,
            });

    private static readonly Gen<TrainingSession> Sessions =
        Gen.Select(Gen.Int[0, 55], Gen.Double[300, 5400], Gen.Double[1.5, 8.5], Gen.Double[-0.15, 0.15], Gen.Double[0, 15], Gen.Int[0, 3])
            .Select((day, seconds, speed, grade, load, lift) => new TrainingSession(
                Start.AddDays(day),
                [new RunSegment(seconds, speed, grade, load)],
                lift == 0 ? [new StrengthSet("back_squat", 3, 8, 0.75)] : [],
                []));

    private static void AllSnapshots(SimulationOutcome o, Action<BodySnapshot> check)
    {
        check(o.Start);
        check(o.Final);
        foreach (var week in o.Series)
        {
            check(week);
        }
    }

    /// <summary>Longer steps at the same speed never lower the knee's load per kilometre, and never raise the steps taken.</summary>
    [Fact]
    public void LongerStepsNeverLowerTheKneeLoadPerKilometre()
    {
        var bio = new Biomechanics(ModelParameters.Default);
        Gen.Select(Gen.Double[1.5, 8.5], Gen.Double[-0.2, 0.2], Gen.Double[0.7, 1.3], Gen.Double[0.7, 1.3], Gen.Double[150, 200], Gen.Int[0, 2])
            .Sample((speed, grade, a, b, height, strike) =>
            {
                var (shorter, longer) = (Math.Min(a, b), Math.Max(a, b));
                var s = (FootStrike)strike;
                Assert.True(bio.KneeLoadPerKilometre(speed, grade, s, 70, 0, height, longer) >= bio.KneeLoadPerKilometre(speed, grade, s, 70, 0, height, shorter));
                Assert.True(bio.StepsPerSecond(speed, height, longer) <= bio.StepsPerSecond(speed, height, shorter));
            });
    }

    [Fact]
    public void NoNegativeSizesOrSharesAndSharesSumTo100() =>
        Gen.Select(Athletes, Sessions.List[0, 40]).Sample((athlete, sessions) =>
        {
            var o = Simulator.Run(new SimulationInput(athlete, Start, 56, sessions));
            AllSnapshots(o, s =>
            {
                Assert.True(s.BodyMassKilograms > 0 && s.FatMassKilograms > 0 && s.Vo2MaxMillilitresPerKilogramPerMinute > 0);
                foreach (var m in s.Muscles.Values)
                {
                    Assert.True(m.SizeChangePercent > -100);
                    Assert.True(m.Type1Percent >= 0 && m.Type2APercent >= 0 && m.Type2XPercent >= 0);
                    Assert.Equal(100, m.Type1Percent + m.Type2APercent + m.Type2XPercent, 0.05);
                }
            });
        }, iter: 60);

    [Fact]
    public void MoreOfTheSameStimulusNeverShrinksAMuscle() =>
        Gen.Select(Athletes, Gen.Int[1, 4], Gen.Double[20, 50], Gen.Double[0.6, 0.85]).Sample((athlete, perWeek, minutes, load) =>
        {
            // Within the normal range (below the volume that remodels fibres smaller): twice the sessions, same kind.
            TrainingSession Lift(int day) => TrainingSession.Lifting(Start.AddDays(day), new StrengthSet("back_squat", 3, 8, load), new StrengthSet("romanian_deadlift", 3, 8, load));
            var fewer = Enumerable.Range(0, 8).SelectMany(w => Enumerable.Range(0, perWeek).Select(d => Lift((w * 7) + d))).ToList();
            var more = Enumerable.Range(0, 8).SelectMany(w => Enumerable.Range(0, perWeek * 2 > 7 ? 7 : perWeek * 2).Select(d => Lift((w * 7) + d))).ToList();
            var a = Simulator.Run(new SimulationInput(athlete, Start, 56, fewer)).Final;
            var b = Simulator.Run(new SimulationInput(athlete, Start, 56, more)).Final;
            foreach (var name in a.Muscles.Keys)
            {
                // (Sizes are reported to 0.01 %.)
                Assert.True(b.Muscles[name].SizeChangePercent >= a.Muscles[name].SizeChangePercent - 0.01, $"{name}: more {b.Muscles[name].SizeChangePercent} < fewer {a.Muscles[name].SizeChangePercent}");
            }
        }, iter: 100);

    [Fact]
    public void NoTrainingDetrainsTowardBaseline() =>
        Athletes.Where(a => a.LiftingStatus == TrainingStatus.Untrained && a.TrainingStatus == TrainingStatus.Untrained).Sample(athlete =>
        {
            // (A trained runner or lifter who stops loses fitness and size toward the untrained level, below the
            // start: a different baseline, tested in TrainedAthletesWhoStopLoseFitnessBelowTheirStart.)
            var training = Enumerable.Range(0, 84).Where(d => d % 2 == 0)
                .Select(d => new TrainingSession(Start.AddDays(d), [new RunSegment(1800, 3)], [new StrengthSet("back_squat", 4, 8, 0.8)], [])).ToList();
            var o = Simulator.Run(new SimulationInput(athlete, Start, 84 + 364, training));
            var peak = o.Series[11];
            var end = o.Final;
            foreach (var name in end.Muscles.Keys)
            {
                Assert.True(Math.Abs(end.Muscles[name].SizeChangePercent) <= Math.Abs(peak.Muscles[name].SizeChangePercent) + 0.01, $"{name}: {peak.Muscles[name].SizeChangePercent} → {end.Muscles[name].SizeChangePercent}");
            }

            // Absolute VO2max (ml/min): per-kilogram values also move with body mass, which is not fitness.
            static double Absolute(BodySnapshot s) => s.Vo2MaxMillilitresPerKilogramPerMinute * s.BodyMassKilograms;
            Assert.True(Math.Abs(Absolute(end) - Absolute(o.Start)) <= Math.Abs(Absolute(peak) - Absolute(o.Start)) + 1, $"VO2max {Absolute(o.Start)} → {Absolute(peak)} → {Absolute(end)}");
        }, iter: 30);

    [Fact]
    public void TrainedAthletesWhoStopLoseFitnessBelowTheirStart() =>
        Athletes.Where(a => a.TrainingStatus >= TrainingStatus.Recreational).Sample(athlete =>
        {
            var o = Simulator.Run(new SimulationInput(athlete, Start, 56, []));
            Assert.True(o.Final.Vo2MaxMillilitresPerMinute < o.Start.Vo2MaxMillilitresPerMinute, $"VO2max {o.Start.Vo2MaxMillilitresPerMinute} → {o.Final.Vo2MaxMillilitresPerMinute}");
            foreach (var (name, muscle) in o.Final.Muscles)
            {
                Assert.True(muscle.SizeChangePercent <= 0, $"{name} grew at rest: {muscle.SizeChangePercent}");
            }
        }, iter: 30);

    [Fact]
    public void TheSameInputGivesTheSameOutcome() =>
        Gen.Select(Athletes, Sessions.List[0, 30]).Sample((athlete, sessions) =>
        {
            var input = new SimulationInput(athlete, Start, 56, sessions);
            Assert.Equal(Simulator.Run(input).ToJson(), Simulator.Run(input).ToJson());
        }, iter: 20);
}
