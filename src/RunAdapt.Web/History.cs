using System.Security.Cryptography;
using System.Text.Json.Serialization;
using RunAdapt.Activities;
using RunAdapt.Analysis;
using RunAdapt.Core.Model;
using RunAdapt.Core.Outcomes;
using RunAdapt.Core.Training;
using RunAdapt.Reports;
using RunAdapt.Storage;

namespace RunAdapt.Web;

/// <summary>One imported activity in the history list.</summary>
/// <param name="Sport">The sport.</param>
/// <param name="StartUtc">When it started (UTC).</param>
/// <param name="DistanceKilometres">Distance, in kilometres.</param>
/// <param name="MovingMinutes">Moving time, in minutes.</param>
/// <param name="Source">The file it came from.</param>
/// <param name="Trimp">Training load (Banister TRIMP), if analysed.</param>
/// <param name="LoadMethod">How the load was estimated (<c>HeartRate</c>, <c>Pace</c>, <c>PerceivedEffort</c>, <c>Duration</c>), if analysed.</param>
/// <param name="Held">What the session held, in a few words, if analysed.</param>
/// <param name="Problem">Why the activity could not be analysed (it is left out of the model), if it could not.</param>
/// <param name="Distance">The distance as shown, in the profile's unit (<c>5.2 mi</c>).</param>
/// <param name="Id">The activity's id (for exclude, include and delete).</param>
/// <param name="Kind">What kind of run it was (easy, long, tempo, intervals, hills, race, strides), for runs.</param>
/// <param name="Excluded">Whether the user left it out of the model and the totals.</param>
public sealed record HistoryEntry(
    [property: JsonPropertyName("sport")] string Sport,
    [property: JsonPropertyName("start")] DateTime StartUtc,
    [property: JsonPropertyName("distance")] string Distance,
    [property: JsonPropertyName("distance_km")] double DistanceKilometres,
    [property: JsonPropertyName("moving_min")] double MovingMinutes,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("trimp")] double? Trimp = null,
    [property: JsonPropertyName("load_method")] string? LoadMethod = null,
    [property: JsonPropertyName("held")] string? Held = null,
    [property: JsonPropertyName("problem")] string? Problem = null,
    [property: JsonPropertyName("id")] long Id = 0,
    [property: JsonPropertyName("kind")] string? Kind = null,
    [property: JsonPropertyName("excluded")] bool Excluded = false);

/// <summary>What happened to one uploaded file (or one file inside an uploaded archive).</summary>
/// <param name="File">The file's name.</param>
/// <param name="Status"><c>imported</c>, <c>duplicate</c>, <c>not an activity</c>, <c>logged</c> (a training log), <c>profile</c> (an export's profile taken where the user set nothing) or <c>rejected</c>.</param>
/// <param name="Reason">Why it was rejected, if it was; for a training log, how many sessions it added.</param>
public sealed record UploadResult(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("reason")] string? Reason);

/// <summary>The athlete as the dashboard's form shows and edits it: the profile and the thresholds from the beginning.</summary>
/// <param name="Sex"><c>male</c> or <c>female</c>.</param>
/// <param name="Age">Age, in years.</param>
/// <param name="MassKilograms">Body mass, in kg.</param>
/// <param name="TrainingStatus">Running background: <c>untrained</c>, <c>recreational</c>, <c>trained</c> or <c>elite</c>.</param>
/// <param name="FootStrike">Habitual foot strike: <c>rearfoot</c>, <c>midfoot</c> or <c>forefoot</c>.</param>
/// <param name="HeartRateMax">Maximal heart rate, in bpm.</param>
/// <param name="HeartRateRest">Resting heart rate, in bpm.</param>
/// <param name="ThresholdPace">Threshold pace, <c>M:SS</c> per km or per mile as <paramref name="Units"/> say (or with its own unit: <c>7:40/mi</c>).</param>
/// <param name="Units">Distances and paces in <c>km</c> or <c>mi</c>.</param>
public sealed record AthleteForm(
    [property: JsonPropertyName("sex")] string Sex,
    [property: JsonPropertyName("age")] double Age,
    [property: JsonPropertyName("mass_kg")] double MassKilograms,
    [property: JsonPropertyName("training_status")] string TrainingStatus,
    [property: JsonPropertyName("foot_strike")] string FootStrike,
    [property: JsonPropertyName("hr_max")] double HeartRateMax,
    [property: JsonPropertyName("hr_rest")] double HeartRateRest,
    [property: JsonPropertyName("threshold_pace")] string ThresholdPace,
    [property: JsonPropertyName("units")] string Units = "km");

/// <summary>What saving the athlete did.</summary>
/// <param name="Athlete">The athlete as stored.</param>
/// <param name="Reanalysed">How many stored activities were analysed again with it.</param>
public sealed record AthleteSaved([property: JsonPropertyName("athlete")] AthleteForm Athlete, [property: JsonPropertyName("reanalysed")] int Reanalysed);

/// <summary>One athlete's history behind the dashboard and the API: imports uploads, lists the history, simulates it.</summary>
/// <param name="location">The store (<c>--db</c>): an SQLite file or PostgreSQL connection string; <c>null</c> for the default.</param>
/// <param name="athleteId">The athlete every read and write is about (<see cref="AthleteStore.LocalAthleteId"/> in local mode).</param>
/// <param name="gate">Taken around each use of the store (see <see cref="StoreGates"/>).</param>
public sealed class History(string? location, long athleteId, Lock gate)
{
    private readonly Lock _gate = gate;

    /// <summary>The athlete this history is.</summary>
    public long AthleteId => athleteId;

    /// <summary>The imported activities of a range of days, newest first, excluded ones included (and marked).</summary>
    /// <param name="range">The days.</param>
    public IReadOnlyList<HistoryEntry> List(DateRange range = default)
    {
        lock (_gate)
        {
            using var store = AthleteStore.Open(location, athleteId);
            var units = store.LoadAthlete().Units;
            return [.. store.ListActivities().Where(a => range.Contains(a.StartUtc)).OrderByDescending(a => a.StartUtc)
                .Select(a => new HistoryEntry(a.Sport, a.StartUtc, DistanceUnits.Distance(a.DistanceMetres, units, 2), Math.Round(a.DistanceMetres / 1000, 2), Math.Round(a.MovingSeconds / 60, 1), a.SourceName,
                    a.Analysis is { } x && double.IsFinite(x.Load.Trimp) ? Math.Round(x.Load.Trimp) : null, a.Analysis?.Load.Method.ToString(), a.Analysis?.Describe(units), a.Problem,
                    a.Id, a.Analysis?.Kind is { } kind ? RunKinds.Name(kind) : null, a.Excluded))];
        }
    }

    /// <summary>Distance and time per week, in all and by kind of run, over a range of days (the last <see cref="VolumeWeeks"/> weeks of it): one table, none with nothing imported.</summary>
    /// <param name="range">The days.</param>
    public IReadOnlyList<SheetTable> WeeklyVolume(DateRange range = default)
    {
        lock (_gate)
        {
            using var store = AthleteStore.Open(location, athleteId);
            return OutcomeSheet.WeeklyVolume(Volume(store, store.ListActivities().Where(a => range.Contains(a.StartUtc)), range), store.LoadAthlete().Units, VolumeWeeks) is { } table ? [table] : [];
        }
    }

    /// <summary>How many weeks the history's weekly volume shows (as the report's).</summary>
    private const int VolumeWeeks = 12;

    /// <summary>The history's sessions as weekly volume counts them: activities by run kind or sport (excluded ones left out), logged sessions by their kind.</summary>
    private static IReadOnlyList<VolumeItem> Volume(AthleteStore store, IEnumerable<StoredActivity> stored, DateRange range) =>
        [.. HistoryTotals.Volume(stored), .. store.LoggedSessions().Where(s => range.Contains(s.Date)).Select(OutcomeSheet.VolumeOf)];

    /// <summary>One activity's page: its route, channels, laps, splits, what the analysis found and its share of the answer.</summary>
    /// <param name="id">The activity's id.</param>
    /// <param name="catalogue">The measures of its share.</param>
    /// <param name="cancellation">Stops before the two simulations when nobody waits any more.</param>
    /// <exception cref="UserInputException">No activity has the id.</exception>
    public RunView Run(long id, MeasureCatalogue catalogue, CancellationToken cancellation)
    {
        lock (_gate)
        {
            using var store = AthleteStore.Open(location, athleteId);
            return RunPages.Of(store, id, catalogue, cancellation) ?? throw new UserInputException($"no activity {id}");
        }
    }

    /// <summary>Leaves an activity out of the model and the totals (<c>exclude</c>), takes it back (<c>include</c>) or removes it (<c>delete</c>).</summary>
    /// <param name="id">The activity's id.</param>
    /// <param name="action"><c>exclude</c>, <c>include</c> or <c>delete</c>.</param>
    /// <exception cref="UserInputException">No activity has the id, or the action is none of those.</exception>
    public void Change(long id, string action)
    {
        lock (_gate)
        {
            using var store = AthleteStore.Open(location, athleteId);
            var found = action switch
            {
                "exclude" => store.SetExcluded(id, true),
                "include" => store.SetExcluded(id, false),
                "delete" => store.Delete(id),
                _ => throw new UserInputException($"'{action}' is not something an activity can be: exclude, include or delete"),
            };
            if (!found)
            {
                throw new UserInputException($"no activity has the id {id}");
            }
        }
    }

    /// <summary>Imports an uploaded file: an activity file, a <c>.gz</c>, or a <c>.zip</c> / whole export.</summary>
    /// <param name="fileName">The uploaded file's name (its extension decides how it is opened).</param>
    /// <param name="content">The content.</param>
    public IReadOnlyList<UploadResult> Import(string fileName, Stream content)
    {
        if (Path.GetExtension(fileName) is ".yaml" or ".yml")
        {
            return [Log(fileName, content)];
        }

        // Archives are read by path, so the upload goes to a private temporary folder under its own name.
        var folder = Directory.CreateTempSubdirectory("runadapt-upload-");
        try
        {
            // Only the last part of the client's name is kept, so no upload can be written outside its folder.
            var safeName = Path.GetFileName(fileName);
            var path = Path.Combine(folder.FullName, safeName is "" or "." or ".." ? "upload" : safeName);
            using (var file = File.Create(path))
            {
                content.CopyTo(file);
            }

            lock (_gate)
            {
                using var store = AthleteStore.Open(location, athleteId);
                // A Garmin Connect export's profile fills what the user has not set, before its activities are analysed.
                List<UploadResult> profile = ExportProfile.Find(path) is { } found && ExportProfiles.Apply(store, found) is { } taken
                    ? [new UploadResult(Path.GetFileName(path), "profile", $"used where you set nothing: {taken}")]
                    : [];
                var athlete = store.LoadAthlete();
                return [.. profile, .. ActivitySource.Enumerate(path).Select(input => ImportOne(store, athlete, input, Scrub(input.Name, folder), folder))];
            }
        }
        catch (ActivityFormatException e)
        {
            return [new UploadResult(fileName, "rejected", Scrub(e.UserMessage, folder))];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A training log (<c>runadapt log</c>'s YAML): its sessions replace those logged from a log of the same name; a log with an error changes nothing.</summary>
    private UploadResult Log(string fileName, Stream content)
    {
        var name = Path.GetFileName(fileName);
        var yaml = new StreamReader(content).ReadToEnd();
        lock (_gate)
        {
            using var store = AthleteStore.Open(location, athleteId);
            try
            {
                var sessions = Core.Scenarios.ScenarioParser.ParseLog(yaml, name, store.LoadAthlete());
                var (replaced, stored) = store.ReplaceLog(name, sessions);
                return new UploadResult(name, "logged", HistoryTotals.Logged(name, replaced, stored));
            }
            catch (Core.Scenarios.ScenarioException e)
            {
                return new UploadResult(name, "rejected", e.Message);
            }
        }
    }

    /// <summary>The stored athlete, with the thresholds in force today.</summary>
    public AthleteForm Athlete()
    {
        lock (_gate)
        {
            using var store = AthleteStore.Open(location, athleteId);
            return Form(store);
        }
    }

    /// <summary>Saves the profile and the thresholds from the beginning, then analyses every stored activity again.</summary>
    /// <param name="form">The edited athlete.</param>
    /// <exception cref="UserInputException">A value is out of range or not understood.</exception>
    public AthleteSaved SaveAthlete(AthleteForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        static double InRange(double value, double low, double high, string what) =>
            value >= low && value <= high ? value : throw new UserInputException($"{what} must be between {low} and {high}, not {value}");
        static T Choice<T>(string? text, string what) where T : struct, Enum =>
            Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value
                : throw new UserInputException($"{what} must be one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}, not '{text}'");
        var rest = InRange(form.HeartRateRest, 25, 110, "resting heart rate");
        var max = InRange(form.HeartRateMax, 120, 230, "maximal heart rate");
        var units = DistanceUnits.Parse(form.Units) ?? throw new UserInputException($"units must be km or mi, not '{form.Units}'");
        var speed = DistanceUnits.SpeedFromPace(form.ThresholdPace ?? "", units) ?? throw new UserInputException($"threshold pace must be M:SS per {(units == DistanceUnit.Miles ? "mile" : "km")} (e.g. 4:30, 7:15/mi), not '{form.ThresholdPace}'");
        lock (_gate)
        {
            using var store = AthleteStore.Open(location, athleteId);
            store.SaveAthlete(store.LoadAthlete() with
            {
                Sex = Choice<Core.Training.Sex>(form.Sex, "sex"),
                AgeYears = InRange(form.Age, 5, 100, "age"),
                MassKilograms = InRange(form.MassKilograms, 25, 250, "body mass"),
                TrainingStatus = Choice<Core.Training.TrainingStatus>(form.TrainingStatus, "running background"),
                FootStrike = Choice<Core.Training.FootStrike>(form.FootStrike, "foot strike"),
                HeartRateMaxBeatsPerMinute = max,
                HeartRateRestBeatsPerMinute = rest,
                Units = units,
            });
            store.SaveThresholds(new Analysis.Thresholds(DateOnly.MinValue, rest, max, speed));
            return new AthleteSaved(Form(store), store.Reanalyse());
        }
    }

    private static AthleteForm Form(AthleteStore store)
    {
        var a = store.LoadAthlete();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var t = Analysis.ThresholdHistory.From(store.LoadThresholds())?.On(today) ?? Analysis.Thresholds.FromAthlete(a, today);
        return new AthleteForm(a.Sex.ToString().ToLowerInvariant(), a.AgeYears, a.MassKilograms, a.TrainingStatus.ToString().ToLowerInvariant(),
            a.FootStrike.ToString().ToLowerInvariant(), t.HeartRateMaxBeatsPerMinute, t.HeartRateRestBeatsPerMinute, DistanceUnits.Pace(t.ThresholdSpeedMetresPerSecond, a.Units), a.Units.Symbol());
    }

    /// <summary>The unit the profile shows distances in.</summary>
    public DistanceUnit Units()
    {
        lock (_gate)
        {
            using var store = AthleteStore.Open(location, athleteId);
            return store.LoadAthlete().Units;
        }
    }

    /// <summary>The model input for a plan <c>from: history</c>: the stored athlete after the stored sessions.</summary>
    /// <param name="plan">The plan.</param>
    /// <exception cref="UserInputException">Nothing is stored yet.</exception>
    public SimulationInput Continue(Core.Scenarios.Scenario plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        lock (_gate)
        {
            using var store = AthleteStore.Open(location, athleteId);
            var sessions = store.LoadSessions();
            return sessions.Count == 0
                ? throw new UserInputException($"{plan.Name}: starts 'from: history', but no activities are imported yet: upload some first")
                : plan.AfterHistory(sessions, store.LoadAthlete());
        }
    }

    /// <summary>Runs the model over the history, from the first session to a week after the last, or over a range of days.</summary>
    /// <param name="full">For the full report: also how sure the model is and why (≈ 100 more simulations).</param>
    /// <param name="range">The days (excluded activities are left out whatever the range).</param>
    /// <param name="cancellation">Stops the simulations (between them) when the client gave up.</param>
    public ReportInput Simulate(bool full = false, DateRange range = default, CancellationToken cancellation = default)
    {
        lock (_gate)
        {
            using var store = AthleteStore.Open(location, athleteId);
            var sessions = store.LoadSessions().Where(s => range.Contains(s.Date)).ToList();
            if (sessions.Count == 0)
            {
                throw new UserInputException(range.IsAll ? "no activities imported yet: upload some first" : $"no sessions {range.Describe()}");
            }

            var input = SimulationInput.ForHistory(store.LoadAthlete(), sessions);
            var first = input.StartDate;
            var stored = store.ListActivities().Where(a => range.Contains(a.StartUtc)).ToList();
            var activities = stored.Where(a => !a.Excluded).ToList();
            var units = store.LoadAthlete().Units;
            // Far-dated rows written before dates were checked are left out; the page says so.
            var notes = store.Notes.Count > 0 ? $" Left out: {string.Join("; ", store.Notes)}." : "";
            var load = Simulations.LoadPoints(FitnessFatigue.OfSessions(sessions, store.LoadAthlete(), ThresholdHistory.From(store.LoadThresholds())));
            return ReportInput.Simulated("Your history", input, load, full, cancellation) with
            {
                Description = $"{sessions.Count} sessions, {HistoryTotals.Describe(stored, units)}, from {first:yyyy-MM-dd} to {sessions.Max(s => s.Date):yyyy-MM-dd}.{notes}",
                SessionRows = [.. activities.Select(a => new SessionRow(DateOnly.FromDateTime(a.StartUtc), a.Sport, a.DistanceMetres, a.MovingSeconds / 60, a.Analysis?.Load.Describe(), a.Analysis?.Describe(units) ?? a.Problem))],
                Volume = Volume(store, stored, range),
                Units = units,
            };
        }
    }

    /// <summary>A name or message without the server's temporary folder: the client sees its own file names only.</summary>
    private static string Scrub(string text, DirectoryInfo folder) =>
        text.Replace(folder.FullName + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal).Replace(folder.FullName, "upload", StringComparison.Ordinal);

    private static UploadResult ImportOne(AthleteStore store, Core.Training.Athlete athlete, ActivityInput input, string name, DirectoryInfo folder)
    {
        var file = ActivityImporter.Prepare(input with { Name = name }, new HashSet<string>(), athlete, Analysis.ThresholdHistory.From(store.LoadThresholds()));
        file = file with { Problem = file.Problem is { } problem ? Scrub(problem, folder) : null };
        return ActivityImporter.Store(store, file) switch
        {
            StoreResult.Imported => new UploadResult(name, "imported", null),
            StoreResult.Duplicate => new UploadResult(name, "duplicate", null),
            StoreResult.LapsAdded => new UploadResult(name, "duplicate", "already stored; the laps of its activities stored before laps were kept were added"),
            _ when file.Problem is not null => new UploadResult(name, "rejected", file.Problem),
            _ => new UploadResult(name, "not an activity", null),
        };
    }
}
