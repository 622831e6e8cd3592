using RunAdapt.Core.Model;
using RunAdapt.Core.Scenarios;

namespace RunAdapt.Core.Tests;

public sealed class ScenarioParserTests
{
    private const string Design = """
        athlete: { sex: male, age: 30, mass_kg: 75, height_cm: 178,
                   training_status: untrained, foot_strike: rearfoot }
        weeks: 12
        week:
          - { day: mon, run: { km: 5, pace: "6:30/km" } }
          - { day: tue, run: { minutes: 40, hr_reserve_pct: 70, foot_strike: forefoot } }
          - { day: wed, run: { minutes: 30, pace: "6:00/km", grade_pct: 6 } }
          - { day: fri, run: { repeats: 8, meters: 200, pace: "0:36/200m", rest: "2:00" } }
          - { day: sat, run: { km: 8, pace: "6:15/km", load_kg: 10 } }
          - { day: sun, strength: [ { exercise: back_squat, sets: 4, reps: 8, load_pct_1rm: 75 } ] }
        """;

    [Fact]
    public void DesignDocumentExampleParses()
    {
        var s = ScenarioParser.Parse(Design, "design.yaml");
        Assert.Equal(84, s.Days);
        Assert.Equal(72, s.Sessions.Count);
        var monday = s.Sessions[0];
        Assert.Equal(ScenarioParser.DefaultStart, monday.Date);
        Assert.Equal(5000, monday.Run.Sum(r => r.DistanceMetres), 6);
        var intervals = s.Sessions[3].Run;
        Assert.Equal(15, intervals.Count);
        Assert.Equal(200.0 / 36, intervals[0].SpeedMetresPerSecond, 9);
        Assert.Equal(120, intervals[1].DurationSeconds);
        Assert.Equal(10, s.Sessions[4].Run[0].CarriedLoadKilograms);
        Assert.Equal(0.06, s.Sessions[2].Run[0].GradeFraction, 9);
    }

    [Fact]
    public void ATrainingLogGivesDatedSessionsInTheDaySyntax()
    {
        var log = ScenarioParser.ParseLog("""
            sessions:
              - { date: 2025-03-04, strength: [ { exercise: back_squat, sets: 4, reps: 8, load_pct_1rm: 75 } ] }
              - { date: 2025-03-06, run: { km: 6, pace: "5:00/km" } }
              - { date: 2025-03-08, cross: { mode: cycling, minutes: 60, effort: easy } }
            """, "log.yaml", new Training.Athlete());
        Assert.Equal([new DateOnly(2025, 3, 4), new DateOnly(2025, 3, 6), new DateOnly(2025, 3, 8)], log.Select(s => s.Date));
        Assert.Equal(new Training.StrengthSet("back_squat", 4, 8, 0.75), Assert.Single(log[0].Strength));
        Assert.Equal(6000, log[1].Run.Sum(r => r.DistanceMetres), 6);
        Assert.Equal(3600, Assert.Single(log[2].Cross).DurationSeconds);
    }

    [Theory]
    [InlineData("sessions:\n  - { day: mon, run: { km: 5 } }\n", 2, 7, "unknown key 'day' (did you mean 'date'?)")]
    [InlineData("sessions:\n  - { date: 2025-02-30, run: { km: 5 } }\n", 2, 13, "is not a date")]
    [InlineData("sessions:\n  - { date: 2025-03-04 }\n", 2, 5, "a session needs 'run', 'strength' or 'cross'")]
    [InlineData("weeks: 3\n", 1, 1, "'weeks'")]
    public void ATrainingLogErrorGivesLineAndColumn(string yaml, int line, int column, string text)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioParser.ParseLog(yaml, "log.yaml", new Training.Athlete()));
        Assert.Contains(text, e.Message);
        Assert.StartsWith($"log.yaml:{line}:{column}:", e.Message);
    }

    [Theory]
    [InlineData("continues", true)]
    [InlineData("stops", false)]
    public void HabitualTrainingContinuesOnlyWhenSaidSo(string value, bool continues)
    {
        var s = ScenarioParser.Parse($"athlete: {{ training_status: recreational, habitual_training: {value} }}\nweeks: 1\nweek: []\n", "s.yaml");
        Assert.Equal(continues, s.Athlete.HabitualTrainingContinues);
        Assert.False(ScenarioParser.Parse("athlete: { training_status: recreational }\nweeks: 1\nweek: []\n", "s.yaml").Athlete.HabitualTrainingContinues);
        var e = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse("athlete: { habitual_training: sometimes }\nweeks: 1\nweek: []\n", "s.yaml"));
        Assert.Contains("sometimes", e.Message);
    }

    [Fact]
    public void AnIntakeChangeIsKilocaloriesADayWithinBounds()
    {
        Assert.Equal(-250, ScenarioParser.Parse("athlete: { intake_change_kcal_per_day: -250 }\nweeks: 1\nweek: []\n", "s.yaml").Athlete.IntakeChangeKilocaloriesPerDay);
        Assert.Equal(0, ScenarioParser.Parse("weeks: 1\nweek: []\n", "s.yaml").Athlete.IntakeChangeKilocaloriesPerDay);
        var e = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse("athlete: { intake_change_kcal_per_day: -5000 }\nweeks: 1\nweek: []\n", "s.yaml"));
        Assert.StartsWith("s.yaml:1:", e.Message);
    }

    [Fact]
    public void StepLengthIsGivenDirectlyOrAsACadenceChangeAtTheSameSpeed()
    {
        var s = ScenarioParser.Parse("""
            weeks: 1
            week:
              - { day: mon, run: { km: 5, pace: "5:00/km", step_length_change_pct: 10 } }
              - { day: wed, run: { km: 5, pace: "5:00/km", cadence_change_pct: 10 } }
              - { day: fri, run: { km: 5, pace: "5:00/km" } }
            """, "steps.yaml");
        Assert.Equal(1.1, s.Sessions[0].Run[0].StepLengthRatio, 9);
        Assert.Equal(1 / 1.1, s.Sessions[1].Run[0].StepLengthRatio, 9);
        Assert.Equal(1, s.Sessions[2].Run[0].StepLengthRatio);
        var e = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse(
            "weeks: 1\nweek:\n  - { day: mon, run: { km: 5, step_length_change_pct: 5, cadence_change_pct: 5 } }\n", "both.yaml"));
        Assert.Contains("not both", e.Message);
    }

    [Fact]
    public void PhasesRunInOrderAndAnEmptyWeekIsRest()
    {
        var s = ScenarioParser.Parse("phases:\n  - { weeks: 8, week: [ { day: mon, run: { km: 6, effort: easy } } ] }\n  - { weeks: 6, week: [] }\n", "p.yaml");
        Assert.Equal(14 * 7, s.Days);
        Assert.Equal(8, s.Sessions.Count);
    }

    [Fact]
    public void APhaseInDaysKeepsTheScenariosWeekDaysAndSaysHowTheLegsAreOutOfUse()
    {
        // Starts on a Monday: 10 days in bed, then a week of Monday and Thursday runs from day 10 (a Thursday).
        var s = ScenarioParser.Parse(
            "start: 2025-01-06\nphases:\n  - { days: 10, immobilised: bed_rest, week: [] }\n  - { weeks: 1, week: [ { day: mon, run: { km: 5 } }, { day: thu, run: { km: 5 } } ] }\n  - { days: 3, immobilised: cast, week: [] }\n",
            "p.yaml");
        Assert.Equal(20, s.Days);
        Assert.Equal([new DateOnly(2025, 1, 16), new DateOnly(2025, 1, 20)], s.Sessions.Select(x => x.Date));
        Assert.Equal(13, s.DisuseDays.Count);
        Assert.Equal(Disuse.BedRest, s.DisuseDays[new DateOnly(2025, 1, 15)]);
        Assert.False(s.DisuseDays.ContainsKey(new DateOnly(2025, 1, 16)));
        Assert.Equal(Disuse.LegCast, s.DisuseDays[new DateOnly(2025, 1, 23)]);
        Assert.Equal(Disuse.BedRest, ScenarioParser.Parse("phases:\n  - { weeks: 1, immobilised: true, week: [] }\n", "p.yaml").DisuseDays.Values.First());
    }

    [Theory]
    [InlineData("phases:\n  - { weeks: 1, days: 3, week: [] }\n", "either 'weeks' or 'days'")]
    [InlineData("phases:\n  - { week: [] }\n", "needs 'weeks'")]
    [InlineData("phases:\n  - { days: 3, immobilised: plaster, week: [] }\n", "cast")]
    public void APhaseGivesItsLengthOnceAndAKnownKindOfDisuse(string yaml, string text)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse(yaml, "bad.yaml"));
        Assert.Contains(text, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("athlete: { sex: male }\nweeks: 2\nweek:\n  - { day: mon, run: { km: 5, pase: \"6:00/km\" } }\n", 4, 31, "did you mean 'pace'")]
    [InlineData("weeks: 2\nweek:\n  - { day: thur, run: { km: 5 } }\n", 3, 12, "did you mean 'thu'")]
    [InlineData("weeks: two\nweek: []\n", 1, 8, "expected a number")]
    [InlineData("weeks: 2\nweek:\n  - { day: mon, run: { km: 5, pace: \"fast\" } }\n", 3, 37, "not of the form")]
    [InlineData("weeks: 2\nweek: [ { day: mon, run: { km: 5 }\n", 3, 1, "not valid YAML")]
    [InlineData("weeks: 2\nweek:\n  - { day: mon, strength: [ { exercise: back_squad, sets: 3, reps: 5, load_pct_1rm: 80 } ] }\n", 3, 41, "did you mean 'back_squat'")]
    public void ErrorsGiveLineColumnAndTheNearestWord(string yaml, int line, int column, string text)
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse(yaml, "bad.yaml"));
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains(text, e.Message);
        Assert.StartsWith($"bad.yaml:{line}:{column}: ", e.Message);
    }

    [Fact]
    public void EveryBuiltInScenarioParses()
    {
        Assert.True(BuiltInScenarios.Names.Count >= 9);
        foreach (var name in BuiltInScenarios.Names)
        {
            var s = ScenarioParser.Parse(BuiltInScenarios.Text(name)!, name);
            Assert.NotEmpty(s.Sessions);
            Assert.False(string.IsNullOrWhiteSpace(s.Description));
        }
    }

    [Fact]
    public void ProgressionGrowsVolumeWithStepBackWeeks()
    {
        var s = ScenarioParser.Parse("weeks: 4\nprogression: { weekly_increase_pct: 10, step_back_every: 4, step_back_pct: 30 }\nweek:\n  - { day: mon, run: { minutes: 30, effort: easy } }\n", "p.yaml");
        var minutes = s.Sessions.Select(x => x.Run[0].DurationSeconds / 60).ToArray();
        Assert.Equal(30, minutes[0], 6);
        Assert.Equal(33, minutes[1], 6);
        Assert.Equal(36.3, minutes[2], 6);
        Assert.Equal(30 * 1.331 * 0.7, minutes[3], 6);
    }

    /// <summary>Aliases used as keys amplify (keys are compared by content): refused with the place, before any tree is built (a 595-byte file took 72 s).</summary>
    [Fact]
    public void AnAliasUsedAsAKeyIsRefused()
    {
        const string yaml = "a: &a { x: 1, y: 2 }\nb: &b { *a : 1, z: 2 }\nweeks: 1\n";
        var e = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse(yaml, "keys.yaml"));
        Assert.Contains("the alias *a is used as a key", e.Message);
        Assert.Contains("keys.yaml:2:", e.Message);
        Assert.Throws<ScenarioException>(() => ScenarioParser.ParseLog("sessions: []\nx: &x { k: 1 }\ny: { *x : 1 }\n", "log.yaml", new Training.Athlete()));
    }

    /// <summary>Values aliased within aliases are walked once per use: more than the node cap once expanded is refused.</summary>
    [Fact]
    public void AliasesThatExpandBeyondTheNodeCapAreRefused()
    {
        var levels = new System.Text.StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i <= 6; i++)
        {
            levels.Append($"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n");
        }

        var e = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse(levels + "weeks: 1\n", "laughs.yaml"));
        Assert.Contains("values once its aliases are expanded", e.Message);
        // A few aliases that expand to little are fine.
        var ok = ScenarioParser.Parse("athlete: &me { sex: male, age: 30, mass_kg: 70 }\nweeks: 1\nweek:\n  - &easy { day: mon, run: { km: 5, effort: easy } }\n", "ok.yaml");
        Assert.Single(ok.Sessions);
    }
}

