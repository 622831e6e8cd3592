using RunAdapt.Core.Outcomes;

namespace RunAdapt.Validation.Tests;

/// <summary>
/// The behaviours issue 11 names, each driven through a scenario: trained bodies detrain, distance runners' whole
/// muscles stay near untrained size while their fibres differ, low-fit people's heart-rate programmes work, single
/// long runs raise injury risk, the knee fares best with moderate running, and rest never grows a muscle.
/// </summary>
public sealed class DetrainingAndLoadTests
{
    private static double Change(double end, double start) => ((end / start) - 1) * 100;

    private static string Weeks(string athlete, int weeks, params string[] days) =>
        $"athlete: {athlete}\nweeks: {weeks}\nweek:\n" + string.Concat(days.Select(d => $"  - {d}\n"));

    private static string[] EasyWeek(double kmPerWeek)
    {
        string[] names = ["mon", "tue", "wed", "thu", "fri", "sat"];
        return [.. names.Select(d => $"{{ day: {d}, run: {{ km: {kmPerWeek / 6:0.##}, effort: easy }} }}")];
    }

    [Fact]
    public void AnEliteRunnerWhoStopsLosesVo2MaxWithinWeeks()
    {
        var o = Sim.Run("athlete: { sex: male, age: 27, mass_kg: 62, training_status: elite }\nweeks: 12\nweek: []\n");
        var threeWeeks = Change(o.Series[2].Vo2MaxMillilitresPerMinute, o.Start.Vo2MaxMillilitresPerMinute);
        var twelveWeeks = Change(o.Final.Vo2MaxMillilitresPerMinute, o.Start.Vo2MaxMillilitresPerMinute);

        // Coyle et al. 1984: −7 % by 3 weeks, −16 % by 8 weeks, then stable, still well above sedentary.
        Assert.InRange(threeWeeks, -14, -3);
        Assert.InRange(twelveWeeks, -25, -8);
    }

    [Fact]
    public void ATrainedAthleteWhoseOwnTrainingContinuesKeepsVo2MaxAndGainsFromAddedIntervals()
    {
        const string Athlete = "{ sex: male, age: 25, mass_kg: 70, training_status: trained, habitual_training: continues }";
        var nothingAdded = Sim.Run($"athlete: {Athlete}\nweeks: 8\nweek: []\n");
        var intervals = Sim.Run(Weeks(Athlete, 8, "{ day: tue, run: { repeats: 4, minutes: 4, effort: interval, rest: \"3:00\" } }", "{ day: thu, run: { repeats: 4, minutes: 4, effort: interval, rest: \"3:00\" } }"));
        var stopped = Sim.Run(Weeks("{ sex: male, age: 25, mass_kg: 70, training_status: trained }", 8, "{ day: tue, run: { repeats: 4, minutes: 4, effort: interval, rest: \"3:00\" } }", "{ day: thu, run: { repeats: 4, minutes: 4, effort: interval, rest: \"3:00\" } }"));
        var kept = Change(nothingAdded.Final.Vo2MaxMillilitresPerMinute, nothingAdded.Start.Vo2MaxMillilitresPerMinute);
        var added = Change(intervals.Final.Vo2MaxMillilitresPerMinute, intervals.Start.Vo2MaxMillilitresPerMinute);
        var replaced = Change(stopped.Final.Vo2MaxMillilitresPerMinute, stopped.Start.Vo2MaxMillilitresPerMinute);

        // In equilibrium with the week they keep doing; intervals on top of it are a new stimulus; the same intervals
        // as all of their training are less than the running they replace.
        Assert.InRange(kept, -0.5, 0.5);
        Assert.True(added > 1, $"intervals added to the habitual week: {added} %");
        Assert.True(replaced < added - 1, $"intervals instead of it: {replaced} %, added: {added} %");
    }

    [Fact]
    public void HabitualTrainingStopsWhileTheLegsAreOutOfUse()
    {
        const string Athlete = "{ sex: male, age: 25, mass_kg: 70, training_status: trained, habitual_training: continues }";
        var bedRest = Sim.Run($"athlete: {Athlete}\nphases:\n  - {{ weeks: 3, immobilised: bed_rest, week: [] }}\n");
        var stopped = Sim.Run($"athlete: {{ sex: male, age: 25, mass_kg: 70, training_status: trained }}\nphases:\n  - {{ weeks: 3, immobilised: bed_rest, week: [] }}\n");
        Assert.Equal(stopped.Final.Vo2MaxMillilitresPerMinute, bedRest.Final.Vo2MaxMillilitresPerMinute);
        Assert.Equal(stopped.Final.Muscles["quadriceps"].SizeChangePercent, bedRest.Final.Muscles["quadriceps"].SizeChangePercent);
    }

    [Fact]
    public void ADietLosesMoreLeanTissueThanTheSameDeficitFromRunning()
    {
        // Hall 2011: the same lasting deficit, half-way to its new steady state in about a year, whichever its cause;
        // exercise spares lean tissue, a diet loses it as Forbes found.
        var diet = Sim.Run("athlete: { sex: male, age: 40, mass_kg: 90, training_status: untrained, intake_change_kcal_per_day: -250 }\nweeks: 52\nweek: []\n");
        var running = Sim.Run(Weeks("{ sex: male, age: 40, mass_kg: 90, training_status: untrained, intake: unchanged }", 52,
            [.. new[] { "mon", "tue", "wed", "thu", "fri", "sat", "sun" }.Select(d => $"{{ day: {d}, run: {{ km: 3.228, pace: \"7:00/km\" }} }}")]));
        var dietLoss = diet.Start.BodyMassKilograms - diet.Final.BodyMassKilograms;
        var runLoss = running.Start.BodyMassKilograms - running.Final.BodyMassKilograms;
        Assert.InRange(dietLoss, 0.35 * 11.3, 0.65 * 11.3);
        Assert.InRange(runLoss, 0.7 * dietLoss, 1.3 * dietLoss);
        var dietLean = (diet.Start.LeanMassKilograms - diet.Final.LeanMassKilograms) / dietLoss;
        var runLean = (running.Start.LeanMassKilograms - running.Final.LeanMassKilograms) / runLoss;
        Assert.True(dietLean > runLean + 0.1, $"lean share of the loss: diet {dietLean:P0}, running {runLean:P0}");
    }

    [Fact]
    public void ANoviceWhoTrains12WeeksAndStops8KeepsLittleOfTheGain()
    {
        var o = Sim.Run("""
            athlete: { sex: male, age: 25, mass_kg: 75, training_status: untrained }
            phases:
              - { weeks: 12, week: [ { day: mon, run: { minutes: 40, hr_reserve_pct: 70 } }, { day: wed, run: { minutes: 40, hr_reserve_pct: 70 } }, { day: fri, run: { minutes: 40, hr_reserve_pct: 70 } } ] }
              - { weeks: 8, week: [] }
            """);
        var gain = o.Series[11].Vo2MaxMillilitresPerMinute - o.Start.Vo2MaxMillilitresPerMinute;
        var kept = o.Final.Vo2MaxMillilitresPerMinute - o.Start.Vo2MaxMillilitresPerMinute;
        Assert.True(gain > 0.08 * o.Start.Vo2MaxMillilitresPerMinute, $"gain {gain} ml/min");
        Assert.True(kept < 0.35 * gain, $"kept {kept} of {gain} ml/min");
    }

    [Fact]
    public void DistanceRunnersWholeMusclesStayNearUntrainedSizeWhileTheirFibresDiffer()
    {
        const string Athlete = "{ sex: male, age: 25, mass_kg: 68, training_status: untrained }";
        var sedentary = Sim.Run(Weeks(Athlete, 104));
        var fifty = Sim.Run(Weeks(Athlete, 104, EasyWeek(50)));
        var hundred = Sim.Run(Weeks(Athlete, 104, EasyWeek(100)));
        foreach (var muscle in sedentary.Final.Muscles.Keys)
        {
            var untrained = sedentary.Final.Muscles[muscle].SizeChangePercent;
            Assert.InRange(fifty.Final.Muscles[muscle].SizeChangePercent - untrained, -5, 8);
            Assert.InRange(hundred.Final.Muscles[muscle].SizeChangePercent - untrained, -5, 8);
        }

        // ... while the fibres do differ: more type I and smaller calf fibres at the higher volume.
        var calf50 = fifty.Final.Muscles["calves"];
        var calf100 = hundred.Final.Muscles["calves"];
        Assert.True(calf100.FibreAreaMeanChangePercent < calf50.FibreAreaMeanChangePercent - 3, $"calf fibre area 50 km {calf50.FibreAreaMeanChangePercent}, 100 km {calf100.FibreAreaMeanChangePercent}");
        Assert.True(calf100.Type1Percent > sedentary.Final.Muscles["calves"].Type1Percent + 10, "type I share up");
    }

    [Fact]
    public void AnOlderWomansHeartRatePrescribedProgrammeGrowsHerQuadriceps()
    {
        var o = Sim.Run(Weeks("{ sex: female, age: 71, mass_kg: 68, training_status: untrained }", 12,
            "{ day: mon, run: { minutes: 40, hr_reserve_pct: 70 } }", "{ day: wed, run: { minutes: 40, hr_reserve_pct: 70 } }", "{ day: fri, run: { minutes: 40, hr_reserve_pct: 70 } }"));
        Assert.True(o.Size("quadriceps") > 1, $"quadriceps {o.Size("quadriceps")} %");
        Assert.True(Change(o.Final.Vo2MaxMillilitresPerMinute, o.Start.Vo2MaxMillilitresPerMinute) > 8, "VO2max up");
    }

    [Fact]
    public void TheSameLiftingGrowsAnOlderWomansQuadricepsAboutAsMuchAsAYoungMans()
    {
        // Ahtiainen 2016 (287 untrained people aged 19–78): age and sex did not change the relative gain in size.
        string[] lifting = [.. new[] { "mon", "wed", "fri" }.Select(d => $"{{ day: {d}, strength: [ {{ exercise: leg_press, sets: 3, reps: 10, load_pct_1rm: 75 }} ] }}")];
        var young = Sim.Run(Weeks("{ sex: male, age: 22, mass_kg: 75, training_status: untrained }", 12, lifting)).Size("quadriceps");
        var older = Sim.Run(Weeks("{ sex: female, age: 68, mass_kg: 65, training_status: untrained }", 12, lifting)).Size("quadriceps");
        Assert.True(young > 2, $"young man {young} %");
        Assert.InRange(older, 0.75 * young, 1.25 * young);
    }

    [Fact]
    public void TwentySecondSprintsWithTenSecondRestsRaiseVo2MaxMoreThanWithLongRests()
    {
        // Oxygen uptake has no time to fall in a 10-s rest, so later sprints start near VO2max (Tabata's protocol).
        const string Athlete = "{ sex: male, age: 23, mass_kg: 72, training_status: recreational }";
        static string[] Days(string rest) => [.. new[] { "mon", "wed", "fri" }.Select(d => $"{{ day: {d}, run: {{ repeats: 8, seconds: 20, effort: sprint, rest: \"{rest}\" }} }}")];
        var shortRests = Sim.Run(Weeks(Athlete, 6, Days("0:10")));
        var longRests = Sim.Run(Weeks(Athlete, 6, Days("3:00")));
        var gainShort = Change(shortRests.Final.Vo2MaxMillilitresPerMinute, shortRests.Start.Vo2MaxMillilitresPerMinute);
        var gainLong = Change(longRests.Final.Vo2MaxMillilitresPerMinute, longRests.Start.Vo2MaxMillilitresPerMinute);
        Assert.True(gainShort > gainLong + 0.5, $"10-s rests {gainShort} %, 3-min rests {gainLong} %");
    }

    [Fact]
    public void ASingleRunHalfAsLongAgainAsTheLongestOfTheMonthRaisesInjuryRiskAtTheSameWeeklyVolume()
    {
        const string Athlete = "{ sex: male, age: 35, mass_kg: 72, training_status: recreational, habitual_km_per_week: 30 }";
        string[] even = ["{ day: mon, run: { km: 7.5, effort: easy } }", "{ day: wed, run: { km: 7.5, effort: easy } }", "{ day: fri, run: { km: 7.5, effort: easy } }", "{ day: sun, run: { km: 7.5, effort: easy } }"];
        var steady = Sim.Run(Weeks(Athlete, 8, even));

        // The same 30 km in the last week, one run of them 11.25 km: 50 % longer than any run of the month.
        var spiked = Sim.Run($"athlete: {Athlete}\nphases:\n  - {{ weeks: 7, week: [ {string.Join(", ", even)} ] }}\n"
            + "  - { weeks: 1, week: [ { day: mon, run: { km: 6.25, effort: easy } }, { day: wed, run: { km: 6.25, effort: easy } }, { day: fri, run: { km: 6.25, effort: easy } }, { day: sun, run: { km: 11.25, effort: easy } } ] }\n");
        Assert.True(spiked.Final.InjuryRisk > steady.Final.InjuryRisk * 1.3, $"risk {spiked.Final.InjuryRisk} vs {steady.Final.InjuryRisk}");
    }

    [Fact]
    public void RecreationalRunningKeepsTheKneeBetterThanSittingAndVeryHighVolumeWorse()
    {
        const string Athlete = "{ sex: male, age: 30, mass_kg: 70, training_status: untrained }";
        var sedentary = Sim.Run(Weeks(Athlete, 260)).Final.KneeCartilageChangePercent;
        var recreational = Sim.Run(Weeks(Athlete, 260, EasyWeek(20))).Final.KneeCartilageChangePercent;
        var competitive = Sim.Run(Weeks(Athlete, 260, EasyWeek(150))).Final.KneeCartilageChangePercent;
        Assert.True(recreational > sedentary && sedentary > competitive, $"knee cartilage: recreational {recreational}, sedentary {sedentary}, 150 km/wk {competitive}");
    }

    [Theory]
    [InlineData("untrained", "untrained", 25)]
    [InlineData("recreational", "untrained", 45)]
    [InlineData("elite", "untrained", 30)]
    [InlineData("trained", "trained", 35)]
    [InlineData("untrained", "untrained", 75)]
    public void NoMuscleGrowsWhileItsOwnerRests(string status, string lifting, int age)
    {
        var o = Sim.Run($"athlete: {{ sex: female, age: {age}, mass_kg: 60, training_status: {status}, lifting_status: {lifting} }}\nweeks: 104\nweek: []\n");
        foreach (var snapshot in o.Series.Prepend(o.Start))
        {
            foreach (var (name, muscle) in snapshot.Muscles)
            {
                Assert.True(muscle.SizeChangePercent <= 0.001, $"week {snapshot.Week}: {name} {muscle.SizeChangePercent} %");
            }
        }
    }

    [Fact]
    public void SprintIntervalTrainingRaisesVo2MaxClearly()
    {
        // Gist et al. 2014 (PMID 24129784, abstract: SIT ≈ +3.6 ml/kg/min, ≈ +8 %); Vollaard 2017 (7.8 ± 4.0 %, 90 % CL).
        // The issue asks for clear gains; the model's ≈ 15 % for this protocol is about twice the meta-analytic mean
        // (docs/MODEL.md §5), so only the lower bound is a behaviour here, the size is judged in the evidence library.
        var o = Sim.Run(Weeks("{ sex: male, age: 23, mass_kg: 78, training_status: untrained }", 6,
            "{ day: mon, cross: { mode: cycling, seconds: 30, repeats: 5, effort: sprint } }",
            "{ day: wed, cross: { mode: cycling, seconds: 30, repeats: 5, effort: sprint } }",
            "{ day: fri, cross: { mode: cycling, seconds: 30, repeats: 5, effort: sprint } }"));
        Assert.True(Change(o.Final.Vo2MaxMillilitresPerMinute, o.Start.Vo2MaxMillilitresPerMinute) > 3, "SIT raises VO2max clearly");
    }

    [Fact]
    public void BedRestCostsVo2MaxAndBoneAndTheLossSlowsWithTime()
    {
        var o = Sim.Run("athlete: { sex: male, age: 30, mass_kg: 75, training_status: untrained }\nphases:\n  - { weeks: 12, immobilised: true, week: [] }\n");
        static double Quadriceps(BodySnapshot s) => s.Muscles["quadriceps"].SizeChangePercent;
        var first4 = Quadriceps(o.Series[3]);
        var last4 = Quadriceps(o.Final) - Quadriceps(o.Series[7]);
        Assert.True(last4 > first4 / 2, $"quadriceps −{-first4:0.0} % in weeks 1–4, −{-last4:0.0} % in weeks 9–12");
        Assert.True(Change(o.Final.Vo2MaxMillilitresPerMinute, o.Start.Vo2MaxMillilitresPerMinute) < -10, "VO2max falls in bed rest");
        Assert.True(o.Final.BoneDensityChangePercent < -1, "bone lost");
    }

    [Fact]
    public void LongBedRestCostsTheCalvesMoreThanTheQuadricepsAndKeepsTakingMuscle()
    {
        var o = Sim.Run("athlete: { sex: male, age: 33, mass_kg: 75, training_status: recreational }\nphases:\n  - { weeks: 13, immobilised: true, week: [] }\n");
        double Size(BodySnapshot s, string m) => s.Muscles[m].SizeChangePercent;

        // Alkner & Tesch 2004, 90 days of bed rest: knee extensors −18 %, plantar flexors −29 % (MRI volume). The
        // postural calf loses more, and neither has stopped losing by the third month.
        Assert.True(Size(o.Final, "calves") < 1.3 * Size(o.Final, "quadriceps"), $"calves {Size(o.Final, "calves"):0.0} % vs quadriceps {Size(o.Final, "quadriceps"):0.0} %");
        Assert.InRange(Size(o.Final, "quadriceps"), -25, -10);
        Assert.InRange(Size(o.Final, "calves"), -40, -18);
        Assert.True(Size(o.Final, "calves") < Size(o.Series[7], "calves") - 0.5, "the calves still lose muscle after 8 weeks");
    }

    [Fact]
    public void ALegInACastLosesMuscleFasterThanBedRestButOnlyBedRestCostsVo2Max()
    {
        static SimulationOutcome Disuse(string kind) =>
            Sim.Run($"athlete: {{ sex: male, age: 23, mass_kg: 75, training_status: recreational }}\nphases:\n  - {{ days: 14, immobilised: {kind}, week: [] }}\n");
        var (cast, bedRest, crutches, rest) = (Disuse("cast"), Disuse("bed_rest"), Disuse("leg_unloaded"), Disuse("false"));
        static double Quadriceps(SimulationOutcome o) => o.Final.Muscles["quadriceps"].SizeChangePercent;

        // Bostock et al. 2013 (review): immobilisation takes muscle faster than unloading models; bed rest
        // deconditions the whole body, a cast on one leg does not (the rest of the body stays active).
        Assert.True(Quadriceps(cast) < Quadriceps(bedRest) - 0.3, $"cast {Quadriceps(cast):0.0} % vs bed rest {Quadriceps(bedRest):0.0} %");
        Assert.True(Quadriceps(cast) < Quadriceps(crutches) - 0.3, $"cast {Quadriceps(cast):0.0} % vs leg kept off the ground {Quadriceps(crutches):0.0} %");
        Assert.True(Quadriceps(crutches) < -2, $"a leg kept off the ground still loses muscle: {Quadriceps(crutches):0.0} %");
        static double Vo2(SimulationOutcome o) => Change(o.Final.Vo2MaxMillilitresPerMinute, o.Start.Vo2MaxMillilitresPerMinute);
        Assert.True(Vo2(bedRest) < Vo2(rest) - 3, $"two weeks in bed lower VO2max ({Vo2(bedRest):0.0} %) beyond two weeks without training ({Vo2(rest):0.0} %)");
        Assert.Equal(Vo2(rest), Vo2(cast), 1);
    }

    [Fact]
    public void LiftingRaisesTheLoadLiftedMoreThanTheMusclesForceAndRunningTeachesNoLift()
    {
        const string Athlete = "{ sex: male, age: 24, mass_kg: 75, training_status: untrained }";
        var lifting = Sim.Run(Weeks(Athlete, 10,
            "{ day: mon, strength: [ { exercise: leg_press, sets: 4, reps: 8, load_pct_1rm: 80 } ] }",
            "{ day: thu, strength: [ { exercise: leg_press, sets: 4, reps: 8, load_pct_1rm: 80 } ] }"));
        var q = lifting.Final.Muscles["quadriceps"];

        // Rutherford & Jones 1986: weights lifted rise far more than isometric force; the gap is learned coordination.
        Assert.True(q.OneRepetitionMaximumChangePercent > q.StrengthChangePercent + 5, $"1RM {q.OneRepetitionMaximumChangePercent:0.0} % vs MVC {q.StrengthChangePercent:0.0} %");

        var running = Sim.Run(Weeks(Athlete, 10, EasyWeek(25)));
        var r = running.Final.Muscles["quadriceps"];
        Assert.Equal(r.StrengthChangePercent, r.OneRepetitionMaximumChangePercent, 1);

        // The skill outlasts the practice: after 20 weeks without lifting the 1RM still exceeds what the muscle's force alone gives.
        const string Lift = "{ day: mon, strength: [ { exercise: leg_press, sets: 4, reps: 8, load_pct_1rm: 80 } ] }, { day: thu, strength: [ { exercise: leg_press, sets: 4, reps: 8, load_pct_1rm: 80 } ] }";
        var stopped = Sim.Run($"athlete: {Athlete}\nphases:\n  - {{ weeks: 10, week: [ {Lift} ] }}\n  - {{ weeks: 20, week: [] }}\n");
        var s = stopped.Final.Muscles["quadriceps"];
        Assert.True(s.OneRepetitionMaximumChangePercent > s.StrengthChangePercent + 2, $"after detraining 1RM {s.OneRepetitionMaximumChangePercent:0.0} % vs MVC {s.StrengthChangePercent:0.0} %");
    }
}
