using System.Globalization;
using System.Text.RegularExpressions;
using RunAdapt.Core.Model;
using RunAdapt.Core.Training;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace RunAdapt.Core.Scenarios;

/// <summary>
/// Reads the scenario YAML of DESIGN.md (athlete + weekly template or phases) and expands it day by day into
/// sessions. Every error names the line and column and, for a misspelt word, the nearest valid one.
/// </summary>
public sealed partial class ScenarioParser
{
    /// <summary>The default first day: a Monday, so <c>day: mon</c> falls on the first day.</summary>
    public static readonly DateOnly DefaultStart = new(2025, 1, 6);

    private static readonly string[] TopKeys = ["name", "description", "athlete", "start", "weeks", "week", "phases", "progression", "from"];
    private static readonly string[] AthleteKeys = ["sex", "age", "mass_kg", "height_cm", "training_status", "lifting_status", "foot_strike", "vo2max_ml_kg_min", "hr_max", "hr_rest", "body_fat_pct", "type1_pct", "trainability", "habituated", "intake", "habitual_km_per_week", "habitual_strength_sessions_per_week", "habitual_training", "intake_change_kcal_per_day"];
    private static readonly string[] PhaseKeys = ["name", "weeks", "days", "week", "progression", "immobilised"];
    private static readonly string[] DayKeys = ["day", "run", "strength", "cross"];
    private static readonly string[] LogKeys = ["date", "run", "strength", "cross"];
    private static readonly string[] RunKeys = ["km", "meters", "minutes", "seconds", "pace", "hr_reserve_pct", "hr_max_pct", "effort", "grade_pct", "load_kg", "foot_strike", "step_length_change_pct", "cadence_change_pct", "repeats", "rest"];
    private static readonly string[] StrengthKeys = ["exercise", "sets", "reps", "load_pct_1rm", "rpe"];
    private static readonly string[] CrossKeys = ["mode", "minutes", "seconds", "repeats", "hr_reserve_pct", "effort"];
    private static readonly string[] ProgressionKeys = ["weekly_increase_pct", "step_back_every", "step_back_pct", "max_factor"];
    private static readonly string[] Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    private static readonly string[] Efforts = ["easy", "steady", "tempo", "threshold", "interval", "sprint"];

    /// <summary>The fastest pace a scenario may ask for, 11 m/s (1:31/km; Bolt's top speed is 12.4 m/s).</summary>
    private const double FastestPaceSpeed = 11;

    /// <summary>The slowest pace a scenario may ask for, 0.5 m/s (33:20/km, a stroll).</summary>
    private const double SlowestPaceSpeed = 0.5;

    private readonly string _file;
    private readonly Physiology _physiology;
    private readonly ModelParameters _parameters;
    private readonly Athlete? _profile;

    private ScenarioParser(string file, ModelParameters parameters, Athlete? profile = null)
    {
        _file = file;
        _parameters = parameters;
        _physiology = new Physiology(parameters);
        _profile = profile;
    }

    /// <summary>Parses scenario text.</summary>
    /// <param name="yaml">The YAML.</param>
    /// <param name="file">The file name (or built-in name) for messages and the scenario's name.</param>
    /// <param name="parameters">Model parameters (intensity conversions), or <c>null</c> for the built-in ones.</param>
    /// <param name="profile">
    /// The athlete the scenario's <c>athlete</c> keys are read on top of, whose efforts its sessions are (the stored
    /// profile, for a plan <c>from: history</c>); <c>null</c> for the default athlete.
    /// </param>
    /// <exception cref="ScenarioException">The text is not a valid scenario.</exception>
    public static Scenario Parse(string yaml, string file, ModelParameters? parameters = null, Athlete? profile = null) =>
        new ScenarioParser(file, parameters ?? ModelParameters.Default, profile).ParseText(yaml);

    /// <summary>Parses a scenario file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="parameters">Model parameters, or <c>null</c> for the built-in ones.</param>
    public static Scenario ParseFile(string path, ModelParameters? parameters = null) =>
        Parse(File.ReadAllText(path), path, parameters);

    /// <summary>
    /// Parses a training log: <c>sessions:</c>, a list of dated sessions in the scenario's day syntax with <c>date:</c>
    /// instead of <c>day:</c> — strength sessions, and runs or cross-training without a file.
    /// </summary>
    /// <param name="yaml">The YAML.</param>
    /// <param name="file">The file name, for messages.</param>
    /// <param name="athlete">The athlete (intensity conversions).</param>
    /// <param name="parameters">Model parameters, or <c>null</c> for the built-in ones.</param>
    /// <exception cref="ScenarioException">The text is not a valid log.</exception>
    public static IReadOnlyList<TrainingSession> ParseLog(string yaml, string file, Athlete athlete, ModelParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(athlete);
        var parser = new ScenarioParser(file, parameters ?? ModelParameters.Default);
        var root = parser.Root(yaml, "expected a mapping with 'sessions': a list of { date: YYYY-MM-DD, run / strength / cross }");
        parser.CheckKeys(root, ["sessions"]);
        var vo2max = parser._physiology.InitialVo2Max(athlete);
        return [.. parser.Sequence(parser.Required(root, "sessions"), "sessions").Children.Select(node =>
        {
            var entry = parser.Mapping(node, "session");
            parser.CheckKeys(entry, LogKeys);
            var dateNode = parser.Required(entry, "date");
            var date = parser.ParseDate(dateNode);
            // A log records what was done: a far date is a typo, and would stretch the history over centuries.
            return PlausibleDates.Contains(date)
                ? parser.ParseSessionBody(entry, athlete, vo2max) with { Date = date }
                : throw parser.Error(dateNode, $"date {parser.Scalar(dateNode)} is not {PlausibleDates.Window}");
        })];
    }

    private YamlMappingNode Root(string text, string expected)
    {
        var stream = new YamlStream();
        try
        {
            CheckExpansion(text);
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ScenarioException(_file, e.Start.Line, e.Start.Column, $"not valid YAML: {FirstLine(e.Message)}");
        }

        return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root ? root : throw new ScenarioException(_file, 1, 1, expected);
    }

    /// <summary>The most nodes a scenario or log may hold with every alias expanded (the longest built-in has a few thousand).</summary>
    private const int MaxExpandedNodes = 200_000;

    /// <summary>
    /// Refuses what makes aliases amplify before the tree is built: an alias used as a key (keys are compared by
    /// content, so nested aliased keys took minutes of CPU from a 595-byte file) and more nodes, aliases expanded, than
    /// <see cref="MaxExpandedNodes"/> (each alias is walked again wherever it is used).
    /// </summary>
    private void CheckExpansion(string text)
    {
        var parser = new Parser(new StringReader(text));
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var open = new Stack<(bool Mapping, bool AtKey, long Start, string? Anchor)>();
        long expanded = 0;
        void Next()
        {
            if (open.Count > 0 && open.Peek() is { Mapping: true } top)
            {
                open.Pop();
                open.Push(top with { AtKey = !top.AtKey });
            }
        }

        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case AnchorAlias alias:
                    if (open.Count > 0 && open.Peek() is { Mapping: true, AtKey: true })
                    {
                        throw new ScenarioException(_file, alias.Start.Line, alias.Start.Column, $"the alias *{alias.Value} is used as a key; write the key out");
                    }

                    expanded += sizes.GetValueOrDefault(alias.Value.Value, 1);
                    Next();
                    break;
                case YamlDotNet.Core.Events.Scalar scalar:
                    expanded++;
                    if (!scalar.Anchor.IsEmpty)
                    {
                        sizes[scalar.Anchor.Value] = 1;
                    }

                    Next();
                    break;
                case NodeEvent start and (MappingStart or SequenceStart):
                    expanded++;
                    open.Push((start is MappingStart, true, expanded, start.Anchor.IsEmpty ? null : start.Anchor.Value));
                    break;
                case MappingEnd or SequenceEnd:
                    var (_, _, from, name) = open.Pop();
                    if (name is not null)
                    {
                        sizes[name] = expanded - from + 1;
                    }

                    Next();
                    break;
            }

            if (expanded > MaxExpandedNodes)
            {
                throw new ScenarioException(_file, parser.Current!.Start.Line, parser.Current.Start.Column, $"more than {MaxExpandedNodes} values once its aliases are expanded; write it out without aliases");
            }
        }
    }

    private Scenario ParseText(string text)
    {
        var root = Root(text, "expected a mapping with 'athlete' and 'weeks' + 'week' or 'phases'");
        CheckKeys(root, TopKeys);
        var start = Get(root, "start") is { } s ? ParseDate(s) : DefaultStart;
        var fromHistory = false;
        if (Get(root, "from") is { } from)
        {
            fromHistory = Scalar(from) == "history" ? true : throw Error(from, $"'from' must be 'history', not '{Scalar(from)}'");
        }

        var profile = _profile ?? new Athlete();
        var athlete = Get(root, "athlete") is { } a ? ParseAthlete(Mapping(a, "athlete"), profile) : profile;

        var topProgression = Get(root, "progression") is { } p ? ParseProgression(p) : null;
        var phases = new List<(YamlNode Node, int Days, YamlSequenceNode? Week, Progression? Progression, Disuse Disuse)>();
        if (Get(root, "phases") is { } phaseList)
        {
            if (Get(root, "weeks") is { } both)
            {
                throw Error(both, "give either 'weeks' + 'week' or 'phases', not both");
            }

            foreach (var node in Sequence(phaseList, "phases").Children)
            {
                var phase = Mapping(node, "phase");
                CheckKeys(phase, PhaseKeys);
                phases.Add((phase, PhaseDays(phase), WeekList(Get(phase, "week")),
                    Get(phase, "progression") is { } pp ? ParseProgression(pp) : topProgression,
                    Get(phase, "immobilised") is { } im ? ParseDisuse(im) : Disuse.None));
            }
        }
        else
        {
            var weeks = Required(root, "weeks");
            phases.Add((root, 7 * Integer(weeks, 1, 5200), WeekList(Get(root, "week")), topProgression, Disuse.None));
        }

        if (start.DayNumber + phases.Sum(p => (long)p.Days) > DateOnly.MaxValue.DayNumber)
        {
            throw Error(Get(root, "start") ?? root, "the scenario would run past the year 9999; start it earlier or make it shorter");
        }

        var vo2max = _physiology.InitialVo2Max(athlete);
        var sessions = new List<TrainingSession>();
        var disuse = new Dictionary<DateOnly, Disuse>();
        var phaseStart = 0;
        foreach (var phase in phases)
        {
            // Week days keep the scenario's own weeks, so a phase given in days does not shift the ones after it.
            var template = phase.Week?.Children.Select(d => ParseDay(d, athlete, vo2max)).ToList() ?? [];
            var phaseEnd = phaseStart + phase.Days;
            for (var w = phaseStart / 7; 7 * w < phaseEnd; w++)
            {
                var factor = phase.Progression?.Factor(w - (phaseStart / 7)) ?? 1;
                foreach (var (offset, session) in template)
                {
                    var day = (7 * w) + offset;
                    if (day >= phaseStart && day < phaseEnd)
                    {
                        sessions.Add(Scale(session, factor) with { Date = start.AddDays(day) });
                    }
                }
            }

            for (var d = phaseStart; d < phaseEnd && phase.Disuse != Disuse.None; d++)
            {
                disuse[start.AddDays(d)] = phase.Disuse;
            }

            phaseStart = phaseEnd;
        }

        return new Scenario
        {
            Name = Get(root, "name") is { } n ? Scalar(n) : Path.GetFileNameWithoutExtension(_file),
            Description = Get(root, "description") is { } desc ? Scalar(desc) : null,
            Athlete = athlete,
            StartDate = start,
            Days = phaseStart,
            Sessions = [.. sessions.OrderBy(x => x.Date)],
            DisuseDays = disuse,
            FromHistory = fromHistory,
            Text = text,
        };
    }

    private int PhaseDays(YamlMappingNode phase) => (Get(phase, "weeks"), Get(phase, "days")) switch
    {
        ({ } weeks, null) => 7 * Integer(weeks, 1, 5200),
        (null, { } days) => Integer(days, 1, 36400),
        ({ } both, { }) => throw Error(both, "give a phase either 'weeks' or 'days', not both"),
        _ => throw Error(phase, "a phase needs 'weeks' (or 'days')"),
    };

    // true is bed rest, the whole-body kind (and what 'immobilised: true' meant before the kinds existed).
    private Disuse ParseDisuse(YamlNode node) => Choice(node, ["true", "false", "bed_rest", "cast", "leg_unloaded"]) switch
    {
        "false" => Disuse.None,
        "cast" => Disuse.LegCast,
        "leg_unloaded" => Disuse.LegUnloaded,
        _ => Disuse.BedRest,
    };

    private YamlSequenceNode? WeekList(YamlNode? node) => node switch
    {
        null => null,
        YamlScalarNode { Value: null or "" or "[]" } => null,
        _ => Sequence(node, "week"),
    };

    private Athlete ParseAthlete(YamlMappingNode node, Athlete profile)
    {
        CheckKeys(node, AthleteKeys);
        var athlete = profile;
        foreach (var (key, value) in node.Children)
        {
            athlete = Scalar(key) switch
            {
                "sex" => athlete with { Sex = Choice(value, ["male", "female"]) == "female" ? Sex.Female : Sex.Male },
                "age" => athlete with { AgeYears = Number(value, 5, 100) },
                "mass_kg" => athlete with { MassKilograms = Number(value, 25, 250) },
                "height_cm" => athlete with { HeightCentimetres = Number(value, 100, 240) },
                "training_status" => athlete with { TrainingStatus = Status(value) },
                "lifting_status" => athlete with { LiftingStatus = Status(value) },
                "foot_strike" => athlete with { FootStrike = Strike(value) },
                "vo2max_ml_kg_min" => athlete with { Vo2MaxMillilitresPerKilogramPerMinute = Number(value, 15, 95) },
                "hr_max" => athlete with { HeartRateMaxBeatsPerMinute = Number(value, 120, 230) },
                "hr_rest" => athlete with { HeartRateRestBeatsPerMinute = Number(value, 25, 110) },
                "body_fat_pct" => athlete with { BodyFatPercent = Number(value, 2, 60) },
                "type1_pct" => athlete with { Type1Percent = Number(value, 10, 95) },
                "habituated" => athlete with { HabituatedToProgramme = Boolean(value) },
                "intake" => athlete with { IntakeUnchanged = Choice(value, ["unchanged", "adapts"]) == "unchanged" },
                "intake_change_kcal_per_day" => athlete with { IntakeChangeKilocaloriesPerDay = Number(value, -3000, 3000) },
                "habitual_km_per_week" => athlete with { HabitualKilometresPerWeek = Number(value, 0, 300) },
                "habitual_strength_sessions_per_week" => athlete with { HabitualStrengthSessionsPerWeek = Number(value, 0, 14) },
                "habitual_training" => athlete with { HabitualTrainingContinues = Choice(value, ["continues", "stops"]) == "continues" },
                _ => athlete with { Trainability = Number(value, 0, 3) },
            };
        }

        return athlete;
    }

    private (int Offset, TrainingSession Session) ParseDay(YamlNode node, Athlete athlete, double vo2max)
    {
        var day = Mapping(node, "day entry");
        CheckKeys(day, DayKeys);
        var offset = Array.IndexOf(Days, Choice(Required(day, "day"), Days));
        return (offset, ParseSessionBody(day, athlete, vo2max));
    }

    /// <summary>The run, strength and cross-training of a day entry or a log entry (dated <see cref="DefaultStart"/>).</summary>
    private TrainingSession ParseSessionBody(YamlMappingNode day, Athlete athlete, double vo2max)
    {
        var run = Get(day, "run") is { } r ? ParseRun(Mapping(r, "run"), athlete, vo2max) : [];
        var strength = Get(day, "strength") is { } s ? Sequence(s, "strength").Children.Select(ParseSet).ToList() : [];
        var cross = Get(day, "cross") is { } c ? [ParseCross(Mapping(c, "cross"), athlete, vo2max)] : new List<CrossTraining>();
        if (run.Count == 0 && strength.Count == 0 && cross.Count == 0)
        {
            throw Error(day, "a session needs 'run', 'strength' or 'cross'");
        }

        return new TrainingSession(DefaultStart, run, strength, cross);
    }

    private List<RunSegment> ParseRun(YamlMappingNode run, Athlete athlete, double vo2max)
    {
        CheckKeys(run, RunKeys);
        var grade = Get(run, "grade_pct") is { } g ? Number(g, -45, 45) / 100 : 0;
        var load = Get(run, "load_kg") is { } l ? Number(l, 0, 100) : 0;
        FootStrike? strike = Get(run, "foot_strike") is { } fs ? Strike(fs) : null;
        var stepLength = StepLengthChange(run);
        var (speed, reserve) = Speed(run, athlete, vo2max, grade);
        var distance = Get(run, "km") is { } km ? Number(km, 0.01, 500) * 1000 : Get(run, "meters") is { } m ? Number(m, 1, 500000) : (double?)null;
        var duration = Get(run, "minutes") is { } min ? Number(min, 0.01, 1440) * 60 : Get(run, "seconds") is { } sec ? Number(sec, 1, 86400) : (double?)null;
        if (distance is null && duration is null)
        {
            throw Error(run, "a run needs a distance ('km' or 'meters') or a duration ('minutes' or 'seconds')");
        }

        var seconds = duration ?? distance!.Value / speed;
        var repeats = Get(run, "repeats") is { } rep ? Integer(rep, 1, 200) : 1;
        var rest = Get(run, "rest") is { } rs ? Duration(rs) : 0;
        var segments = new List<RunSegment>();
        for (var i = 0; i < repeats; i++)
        {
            segments.Add(new RunSegment(seconds, speed, grade, load, strike, ReserveFraction: reserve, StepLengthChangePercent: stepLength));
            if (rest > 0 && i < repeats - 1)
            {
                segments.Add(new RunSegment(rest, 0, 0, 0, strike));
            }
        }

        return segments;
    }

    /// <summary>
    /// Step length against the natural one, in percent: given directly, or as a cadence change at the same speed
    /// (+10 % cadence = steps 1/1.1 as long).
    /// </summary>
    private double StepLengthChange(YamlMappingNode run)
    {
        var step = Get(run, "step_length_change_pct");
        var cadence = Get(run, "cadence_change_pct");
        if (step is not null && cadence is not null)
        {
            throw Error(cadence, "give 'step_length_change_pct' or 'cadence_change_pct', not both");
        }

        return step is not null ? Number(step, -30, 30)
            : cadence is not null ? ((1 / (1 + (Number(cadence, -30, 30) / 100))) - 1) * 100
            : 0;
    }

    /// <summary>Speed from pace, heart rate or effort, through the athlete's starting VO2max (docs/MODEL.md §Intensity).</summary>
    private (double Speed, double? Reserve) Speed(YamlMappingNode run, Athlete athlete, double vo2max, double grade)
    {
        if (Get(run, "pace") is { } pace)
        {
            return (Pace(pace), null);
        }

        double reserve;
        if (Get(run, "hr_reserve_pct") is { } hrr)
        {
            reserve = Number(hrr, 20, 100) / 100;
        }
        else if (Get(run, "hr_max_pct") is { } hrm)
        {
            var max = _physiology.HeartRateMax(athlete);
            var rest = _physiology.HeartRateRest(athlete);
            reserve = Math.Max(0.1, ((Number(hrm, 40, 100) / 100 * max) - rest) / (max - rest));
        }
        else
        {
            var effort = Get(run, "effort") is { } e ? Choice(e, Efforts) : "easy";
            if (effort == "sprint")
            {
                return (_parameters.Get(ParameterNames.IntensitySprintSpeed), null);
            }

            reserve = _parameters.Get("intensity." + effort);
        }

        var restVo2 = _parameters.Get(ParameterNames.EnergyRestingMlKgMin);
        return (_physiology.SpeedAtOxygenUptake(restVo2 + (reserve * (vo2max - restVo2)), grade), reserve);
    }

    private StrengthSet ParseSet(YamlNode node)
    {
        var set = Mapping(node, "strength exercise");
        CheckKeys(set, StrengthKeys);
        var exerciseNode = Required(set, "exercise");
        var exercise = Choice(exerciseNode, [.. StrengthExercises.Names]);
        var sets = Integer(Required(set, "sets"), 1, 50);
        var reps = Integer(Required(set, "reps"), 1, 200);
        double load = 0;
        if (Get(set, "load_pct_1rm") is { } pct)
        {
            load = Number(pct, 5, 100) / 100;
        }
        else if (Get(set, "rpe") is { } rpe)
        {
            // Repetitions in reserve = 10 − RPE; Epley: load = 1 / (1 + reps-to-failure / 30).
            load = 1 / (1 + ((reps + 10 - Number(rpe, 1, 10)) / 30));
        }
        else if (StrengthExercises.Find(exercise)!.BodyWeightEffort == 0)
        {
            throw Error(set, $"'{exercise}' needs a load: 'load_pct_1rm' or 'rpe'");
        }

        return new StrengthSet(exercise, sets, reps, load);
    }

    private CrossTraining ParseCross(YamlMappingNode cross, Athlete athlete, double vo2max)
    {
        CheckKeys(cross, CrossKeys);
        var mode = Choice(Required(cross, "mode"), ["cycling", "swimming"]) == "cycling" ? CrossTrainingMode.Cycling : CrossTrainingMode.Swimming;
        var seconds = Get(cross, "seconds") is { } sec ? Number(sec, 1, 86400) : Number(Required(cross, "minutes"), 1, 1440) * 60;
        var repeats = Get(cross, "repeats") is { } r ? Integer(r, 1, 100) : 1;
        seconds *= repeats;
        var effort = Get(cross, "effort") is { } e ? Choice(e, Efforts) : "easy";

        // An all-out sprint (e.g. a 30-s Wingate) is ridden above the power at VO2max: its intensity is a multiple of it.
        var reserve = Get(cross, "hr_reserve_pct") is { } h ? Number(h, 20, 100) / 100
            : effort == "sprint" ? _parameters.Get(ParameterNames.IntensitySprintCycling)
            : _parameters.Get("intensity." + effort);
        return new CrossTraining(mode, seconds, reserve, repeats);
    }

    private Progression ParseProgression(YamlNode node)
    {
        var map = Mapping(node, "progression");
        CheckKeys(map, ProgressionKeys);
        return new Progression(
            Get(map, "weekly_increase_pct") is { } w ? Number(w, 0, 50) / 100 : 0,
            Get(map, "step_back_every") is { } s ? Integer(s, 2, 52) : 0,
            Get(map, "step_back_pct") is { } b ? Number(b, 0, 80) / 100 : 0,
            Get(map, "max_factor") is { } m ? Number(m, 1, 20) : 3);
    }

    private static TrainingSession Scale(TrainingSession session, double factor) => factor == 1 ? session : session with
    {
        Run = [.. session.Run.Select(s => s.SpeedMetresPerSecond > 0 ? s with { DurationSeconds = s.DurationSeconds * factor } : s)],
        Cross = [.. session.Cross.Select(c => c with { DurationSeconds = c.DurationSeconds * factor })],
    };

    private double Pace(YamlNode node)
    {
        var text = Scalar(node);
        var match = PacePattern().Match(text);
        if (!match.Success)
        {
            throw Error(node, $"pace '{text}' is not of the form 'M:SS/km', 'M:SS/mi' or 'M:SS/200m'");
        }

        var seconds = (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * 60) + double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        var metres = match.Groups[3].Value switch
        {
            "km" => 1000.0,
            "mi" => 1609.344,
            var m => double.Parse(m.TrimEnd('m'), CultureInfo.InvariantCulture),
        };
        if (!(seconds > 0))
        {
            throw Error(node, "a pace must be longer than zero");
        }

        // Faster than a sprinter or slower than a stroll is a typo, and the model is not fitted there.
        var speed = metres / seconds;
        return speed is >= SlowestPaceSpeed and <= FastestPaceSpeed
            ? speed
            : throw Error(node, $"pace '{text}' is not between 1:31/km and 33:20/km");
    }

    private double Duration(YamlNode node)
    {
        var text = Scalar(node);
        var match = DurationPattern().Match(text);
        if (match.Success)
        {
            return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * 60) + int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        }

        return Number(node, 0, 3600);
    }

    private DateOnly ParseDate(YamlNode node) =>
        DateOnly.TryParseExact(Scalar(node), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw Error(node, $"'{Scalar(node)}' is not a date of the form YYYY-MM-DD");

    private TrainingStatus Status(YamlNode node) => Choice(node, ["untrained", "recreational", "trained", "elite"]) switch
    {
        "untrained" => TrainingStatus.Untrained,
        "recreational" => TrainingStatus.Recreational,
        "trained" => TrainingStatus.Trained,
        _ => TrainingStatus.Elite,
    };

    private FootStrike Strike(YamlNode node) => Choice(node, ["rearfoot", "midfoot", "forefoot"]) switch
    {
        "rearfoot" => FootStrike.Rearfoot,
        "midfoot" => FootStrike.Midfoot,
        _ => FootStrike.Forefoot,
    };

    private string Choice(YamlNode node, string[] allowed)
    {
        var value = Scalar(node);
        return allowed.Contains(value) ? value : throw Error(node, $"'{value}' is not one of {string.Join(", ", allowed)}{Suggest(value, allowed)}");
    }

    private double Number(YamlNode node, double min, double max)
    {
        var text = Scalar(node);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(node, $"expected a number, found '{text}'");
        }

        return value >= min && value <= max ? value : throw Error(node, $"{text} is outside the plausible range {min.ToString(CultureInfo.InvariantCulture)}–{max.ToString(CultureInfo.InvariantCulture)}");
    }

    private int Integer(YamlNode node, int min, int max)
    {
        var value = Number(node, min, max);
        return value == Math.Floor(value) ? (int)value : throw Error(node, $"expected a whole number, found {Scalar(node)}");
    }

    private bool Boolean(YamlNode node) => Choice(node, ["true", "false"]) == "true";

    private string Scalar(YamlNode node) =>
        node is YamlScalarNode s ? s.Value ?? "" : throw Error(node, "expected a single value");

    private YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, $"expected '{what}' to be a mapping of keys to values");

    private YamlSequenceNode Sequence(YamlNode node, string what) =>
        node as YamlSequenceNode ?? throw Error(node, $"expected '{what}' to be a list");

    private static YamlNode? Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private YamlNode Required(YamlMappingNode map, string key) =>
        Get(map, key) ?? throw Error(map, $"missing '{key}'");

    private void CheckKeys(YamlMappingNode map, string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = Scalar(key);
            if (!allowed.Contains(name))
            {
                throw Error(key, $"unknown key '{name}'{Suggest(name, allowed)}; expected one of {string.Join(", ", allowed)}");
            }
        }
    }

    private ScenarioException Error(YamlNode node, string problem) => new(_file, node.Start.Line, node.Start.Column, problem);

    private static string Suggest(string word, string[] allowed)
    {
        var best = allowed.MinBy(a => Distance(word, a));
        return best is not null && Distance(word, best) <= Math.Max(2, best.Length / 3) ? $" (did you mean '{best}'?)" : "";
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    [GeneratedRegex(@"^(\d+):(\d{1,2}(?:\.\d+)?)\s*/\s*(km|mi|\d+m)$")]
    private static partial Regex PacePattern();

    [GeneratedRegex(@"^(\d+):(\d{2})$")]
    private static partial Regex DurationPattern();

    /// <summary>Weekly volume progression with step-back weeks.</summary>
    private sealed record Progression(double WeeklyIncrease, int StepBackEvery, double StepBack, double MaxFactor)
    {
        public double Factor(int week)
        {
            var built = Math.Min(MaxFactor, Math.Pow(1 + WeeklyIncrease, week));
            return StepBackEvery > 0 && (week + 1) % StepBackEvery == 0 ? built * (1 - StepBack) : built;
        }
    }
}
