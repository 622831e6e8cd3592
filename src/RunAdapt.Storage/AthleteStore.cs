using System.Buffers.Binary;
using System.Data.Common;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using RunAdapt.Activities;
using RunAdapt.Analysis;
using RunAdapt.Core.Training;

namespace RunAdapt.Storage;

/// <summary>What happened to one file offered to the store.</summary>
public enum StoreResult
{
    /// <summary>Stored.</summary>
    Imported,

    /// <summary>Already stored (same file, or the same activities from another file).</summary>
    Duplicate,

    /// <summary>Already stored, and its activities stored before laps were kept (schema v10 and older) got their laps now.</summary>
    LapsAdded,
}

/// <summary>An activity as listed from the store.</summary>
/// <param name="Sport">The sport.</param>
/// <param name="StartUtc">When it started.</param>
/// <param name="DistanceMetres">Distance.</param>
/// <param name="MovingSeconds">Moving time.</param>
/// <param name="SourceName">The file it came from.</param>
/// <param name="Title">The title from an export's index, if any.</param>
/// <param name="Analysis">Load, zones, detected content and best efforts, or <c>null</c> for an activity stored before they were kept (schema v3 or older), without usable movement, or that could not be analysed.</param>
/// <param name="Problem">Why the activity could not be analysed (it is then left out of the model), or <c>null</c>.</param>
/// <param name="Id">The activity's id in the store (what <c>runadapt activities exclude ID</c> takes).</param>
/// <param name="Excluded">Whether the user left it out of the model and of the totals.</param>
public sealed record StoredActivity(string Sport, DateTime StartUtc, double DistanceMetres, double MovingSeconds, string SourceName, string? Title, ActivityAnalysis? Analysis = null, string? Problem = null,
    long Id = 0, bool Excluded = false)
{
    /// <summary>
    /// The distance run: all of a run, the running legs of a multisport activity, nothing of a ride, swim or walk (an
    /// analysis stored before running legs were measured counts a running activity whole).
    /// </summary>
    public double RunningMetres => Analysis?.RunningMetres ?? (Sport == "running" ? DistanceMetres : 0);
}

/// <summary>A computed result as stored (see <see cref="AthleteStore.SaveResult"/>).</summary>
/// <param name="Batch">The batch it belongs to.</param>
/// <param name="ComputedUtc">When it was stored (ISO 8601, UTC).</param>
/// <param name="Json">The result.</param>
public sealed record StoredResult(string Batch, string ComputedUtc, string Json);

/// <summary>One decoded activity ready to store.</summary>
/// <param name="Activity">The decoded activity.</param>
/// <param name="Analysis">Its analysis, or <c>null</c> for no usable movement or when it could not be analysed.</param>
/// <param name="Problem">Why it could not be analysed, or <c>null</c>: it is stored with the reason and left out of the model.</param>
public sealed record PreparedActivity(Activity Activity, AnalysedSession? Analysis, string? Problem = null);

/// <summary>The athlete's stored history: files, activities, sessions and profile, whatever the backend.</summary>
public interface IAthleteStore : IDisposable
{
    /// <summary>Whether a file with this content hash is already stored.</summary>
    /// <param name="sha256">Lower-case hex SHA-256 of the file's bytes.</param>
    bool HasFile(string sha256);

    /// <summary>The content hashes of every stored file (to skip known files before decoding them).</summary>
    IReadOnlySet<string> KnownFiles();

    /// <summary>Stores a file and its analysed activities in one transaction; activities already stored are skipped.</summary>
    /// <param name="name">The file's name as the user gave it.</param>
    /// <param name="sha256">Content hash.</param>
    /// <param name="activities">The decoded activities with their analysis, or why they could not be analysed.</param>
    StoreResult Save(string name, string sha256, IReadOnlyList<PreparedActivity> activities);

    /// <summary>
    /// Stores the sessions of a training log (sessions without an activity file), replacing whatever was logged from a
    /// log of the same name before: logging a file again adds nothing, logging it edited replaces its entries, and two
    /// identical entries of one day both count.
    /// </summary>
    /// <param name="logName">What the log is known by: its full path from the command line (so two folders' <c>gym.yaml</c> are two logs), an upload's file name.</param>
    /// <param name="sessions">Every session of the log, in its order.</param>
    /// <param name="formerName">What the same log was known by before logs were known by their path (its file name): its entries are replaced too.</param>
    /// <returns>How many sessions the log held before (removed) and how many it holds now.</returns>
    (int Replaced, int Stored) ReplaceLog(string logName, IReadOnlyList<TrainingSession> sessions, string? formerName = null);

    /// <summary>The sessions logged by hand (no activity file), in date order.</summary>
    IReadOnlyList<TrainingSession> LoggedSessions();

    /// <summary>Every stored session the model takes, in date order: logged ones and those of activities not excluded.</summary>
    IReadOnlyList<TrainingSession> LoadSessions();

    /// <summary>Every stored activity, in start order, excluded ones included (see <see cref="StoredActivity.Excluded"/>).</summary>
    /// <param name="implausible">Also the rows dated outside <see cref="PlausibleDates"/> (written before imports checked dates), so they can be deleted.</param>
    IReadOnlyList<StoredActivity> ListActivities(bool implausible = false);

    /// <summary>Leaves an activity out of the model and of the totals, or takes it back in.</summary>
    /// <param name="id">The activity's id.</param>
    /// <param name="excluded">Whether to leave it out.</param>
    /// <returns>Whether an activity has this id.</returns>
    bool SetExcluded(long id, bool excluded);

    /// <summary>
    /// Removes an activity and its session. The file it came from is forgotten once it holds no other activity, so
    /// importing that file again brings the activity back.
    /// </summary>
    /// <param name="id">The activity's id.</param>
    /// <returns>Whether an activity had this id.</returns>
    bool Delete(long id);

    /// <summary>The decoded samples of every stored activity, for re-analysis.</summary>
    IEnumerable<IReadOnlyList<ActivitySample>> LoadSamples();

    /// <summary>The stored athlete profile, or the default athlete when none was saved.</summary>
    Athlete LoadAthlete();

    /// <summary>Saves the athlete profile.</summary>
    /// <param name="athlete">The profile.</param>
    void SaveAthlete(Athlete athlete);

    /// <summary>Whether a profile was ever saved (else <see cref="LoadAthlete"/> gives the defaults).</summary>
    bool HasAthlete();

    /// <summary>The athlete's dated thresholds (heart rates and threshold speed from a day on), oldest first; empty when none were saved.</summary>
    IReadOnlyList<Thresholds> LoadThresholds();

    /// <summary>Saves thresholds that hold from their day on, replacing an entry of the same day.</summary>
    /// <param name="thresholds">The entry.</param>
    void SaveThresholds(Thresholds thresholds);

    /// <summary>Analyses every stored activity again from its stored samples with the current profile and thresholds (after either changed); returns how many.</summary>
    int Reanalyse();
}

/// <summary>
/// The athlete's history: files, activities (samples compressed), sessions and profile. Embedded SQLite by default;
/// PostgreSQL when given a server connection string. Each file is stored in one transaction, so an interrupted
/// import leaves nothing half-written, and importing the same file or activity twice stores it once.
/// </summary>
public sealed class AthleteStore : IAthleteStore
{
    /// <summary>The athlete of the local single-user store (and the one an earlier single-athlete store migrates to).</summary>
    public const long LocalAthleteId = 1;
    // A NaN somewhere in an analysis (a degenerate file) must not make the whole file unstorable.
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() }, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private readonly DbConnection _connection;
    private readonly bool _postgres;
    private readonly List<string> _notes = [];

    private AthleteStore(DbConnection connection, bool postgres, long athleteId)
    {
        _connection = connection;
        _postgres = postgres;
        AthleteId = athleteId;
    }

    /// <summary>The one athlete this store reads and writes: every statement is scoped to it (see <see cref="Execute"/>).</summary>
    public long AthleteId { get; }

    /// <summary>The default SQLite file: <c>$XDG_DATA_HOME/runadapt/runadapt.db</c> (or <c>~/.local/share/runadapt</c>).</summary>
    public static string DefaultPath =>
        Path.Combine(Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share"), "runadapt", "runadapt.db");

    /// <summary>Opens (creating and migrating as needed) the local athlete's store (<see cref="LocalAthleteId"/>): a PostgreSQL connection string (<c>Host=…</c> or <c>postgres://…</c>) or an SQLite file path.</summary>
    /// <param name="location">File path or connection string; <c>null</c> for <see cref="DefaultPath"/>.</param>
    public static AthleteStore Open(string? location) => Open(location, LocalAthleteId);

    /// <summary>Opens (creating and migrating as needed) a store bound to one athlete: it reads and writes that athlete's rows only.</summary>
    /// <param name="location">File path or connection string; <c>null</c> for <see cref="DefaultPath"/>.</param>
    /// <param name="athleteId">The athlete (<see cref="LocalAthleteId"/>, or one created by <see cref="AccountStore.Register"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">No athlete has the id.</exception>
    public static AthleteStore Open(string? location, long athleteId)
    {
        var (connection, postgres) = StoreDatabase.Open(location);
        try
        {
            if (connection.ExecuteScalar<long>("select count(*) from athletes where id = @athleteId", new { athleteId }) == 0)
            {
                throw new ArgumentOutOfRangeException(nameof(athleteId), athleteId, $"no athlete has the id {athleteId}");
            }

            return new AthleteStore(connection, postgres, athleteId);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Whether a store location names a PostgreSQL server (<c>Host=…</c> or <c>postgres://…</c>) rather than an SQLite file.</summary>
    /// <param name="location">File path or connection string; <c>null</c> for <see cref="DefaultPath"/>.</param>
    public static bool IsServer(string? location) => location is not null && StoreDatabase.IsPostgres(location);

    /// <summary>A store bound to an athlete on a connection already open and migrated (the migration's re-analysis).</summary>
    internal static AthleteStore Bind(DbConnection connection, bool postgres, long athleteId) => new(connection, postgres, athleteId);

    /// <summary>
    /// Runs a statement on this athlete's rows: the one place every statement passes, adding the athlete's id as
    /// <c>@athlete</c> and refusing a statement that does not use it, so no statement can reach another athlete's rows
    /// by a forgotten <c>where</c>.
    /// </summary>
    private int Execute(string sql, object? args = null, DbTransaction? transaction = null) => _connection.Execute(Scoped(sql), Arguments(args), transaction);

    private IEnumerable<T> Query<T>(string sql, object? args = null, DbTransaction? transaction = null) => _connection.Query<T>(Scoped(sql), Arguments(args), transaction);

    private T? Scalar<T>(string sql, object? args = null, DbTransaction? transaction = null) => _connection.ExecuteScalar<T>(Scoped(sql), Arguments(args), transaction);

    private static string Scoped(string sql) =>
        sql.Contains("@athlete", StringComparison.Ordinal) ? sql : throw new InvalidOperationException($"a statement on athlete data must be scoped by @athlete: {sql}");

    private DynamicParameters Arguments(object? args)
    {
        var parameters = new DynamicParameters(args);
        parameters.Add("athlete", AthleteId);
        return parameters;
    }

    /// <summary>
    /// What reads left out, one line each: rows dated outside <see cref="PlausibleDates"/> (written before imports
    /// checked dates), so a command can say so while it shows the rest.
    /// </summary>
    public IReadOnlyList<string> Notes => _notes;

    private bool Plausible(DateOnly date, string what)
    {
        if (PlausibleDates.Contains(date))
        {
            return true;
        }

        var note = $"{what} dated {date:yyyy-MM-dd} is left out (not {PlausibleDates.Window})";
        if (!_notes.Contains(note))
        {
            _notes.Add(note);
        }

        return false;
    }

    /// <inheritdoc/>
    public bool HasFile(string sha256) =>
        Scalar<long>("select count(*) from files where athlete_id = @athlete and sha256 = @sha256", new { sha256 }) > 0;

    /// <inheritdoc/>
    /// <remarks>A file with an activity stored before laps were kept (schema v10 and older) is not known yet: importing it again adds its laps.</remarks>
    public IReadOnlySet<string> KnownFiles() =>
        // One pass over each table (activities has no index by file: a correlated "not exists" would scan it per file).
        Query<string>("select sha256 from files where athlete_id = @athlete except select f.sha256 from activities a join files f on f.id = a.file_id where a.athlete_id = @athlete and a.laps_read = 0")
            .ToHashSet(StringComparer.Ordinal);

    /// <inheritdoc/>
    /// <remarks>
    /// Sessions logged before logs were known by name (schema v8 and older) carry no name; those identical (same day,
    /// same content) to an entry of the log are taken to be that entry and replaced too, so logging an old log again
    /// still adds nothing.
    /// </remarks>
    public (int Replaced, int Stored) ReplaceLog(string logName, IReadOnlyList<TrainingSession> sessions, string? formerName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(logName);
        ArgumentNullException.ThrowIfNull(sessions);
        var rows = sessions.Select(session => new
        {
            date = session.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), data = JsonSerializer.Serialize(session, Json), logName,
        }).ToList();
        using var transaction = _connection.BeginTransaction();
        var replaced = Execute("delete from sessions where athlete_id = @athlete and activity_id is null and (log_name = @logName or log_name = @formerName)", new { logName, formerName }, transaction);
        foreach (var row in rows.DistinctBy(r => (r.date, r.data)))
        {
            replaced += Execute("delete from sessions where athlete_id = @athlete and activity_id is null and log_name is null and date = @date and data = @data", row, transaction);
        }

        foreach (var row in rows)
        {
            Execute("insert into sessions (athlete_id, activity_id, date, data, log_name) values (@athlete, null, @date, @data, @logName)", row, transaction);
        }

        transaction.Commit();
        return (replaced, rows.Count);
    }

    /// <inheritdoc/>
    public IReadOnlyList<TrainingSession> LoggedSessions() =>
        [.. Query<string>("select data from sessions where athlete_id = @athlete and activity_id is null order by date, id").Select(ReadSession).OfType<TrainingSession>().Where(s => Plausible(s.Date, "a logged session"))];

    /// <inheritdoc/>
    /// <remarks>
    /// An activity is already stored when one of the same sport started in the same minute (the unique fingerprint), or
    /// within <see cref="SameRunStartSeconds"/> of it with a distance within <see cref="SameRunDistanceFraction"/>: the
    /// same run exported twice (watch file and Strava GPX) differs by a few seconds of start and a little distance.
    /// </remarks>
    public StoreResult Save(string name, string sha256, IReadOnlyList<PreparedActivity> activities)
    {
        using var transaction = _connection.BeginTransaction();
        var inserted = Execute(
            _postgres ? "insert into files (athlete_id, sha256, name, imported_utc) values (@athlete, @sha256, @name, @now) on conflict do nothing"
                      : "insert or ignore into files (athlete_id, sha256, name, imported_utc) values (@athlete, @sha256, @name, @now)",
            new { sha256, name, now = DateTime.UtcNow.ToString("O") }, transaction);
        var fileId = Scalar<long>("select id from files where athlete_id = @athlete and sha256 = @sha256", new { sha256 }, transaction);
        if (inserted == 0)
        {
            var added = AddMissingLaps(fileId, activities, transaction);
            transaction.Commit();
            return added ? StoreResult.LapsAdded : StoreResult.Duplicate;
        }

        var stored = 0;
        foreach (var (activity, analysis, problem) in activities)
        {
            var (start, fingerprint) = Fingerprint(activity);
            var sport = activity.Sport.ToString().ToLowerInvariant();
            var distance = analysis?.DistanceMetres ?? 0;
            if (IsSameRunStored(sport, start, distance, transaction))
            {
                continue;
            }

            var id = Scalar<long?>(
                (_postgres ? "insert into activities (athlete_id, file_id, fingerprint, sport, device, title, start_utc, distance_m, moving_s, gain_m, avg_hr, samples, trimp, load_method, analysis, problem, laps_read) values (@athlete, @fileId, @fingerprint, @sport, @device, @title, @start, @distance, @moving, @gain, @hr, @samples, @trimp, @method, @analysis, @problem, 1) on conflict (athlete_id, fingerprint) do nothing returning id"
                           : "insert or ignore into activities (athlete_id, file_id, fingerprint, sport, device, title, start_utc, distance_m, moving_s, gain_m, avg_hr, samples, trimp, load_method, analysis, problem, laps_read) values (@athlete, @fileId, @fingerprint, @sport, @device, @title, @start, @distance, @moving, @gain, @hr, @samples, @trimp, @method, @analysis, @problem, 1) returning id"),
                new
                {
                    fileId, fingerprint, sport, device = activity.Device, title = activity.Title, start = start.ToString("O"),
                    distance, moving = analysis?.MovingSeconds ?? 0, gain = analysis?.ElevationGainMetres ?? 0,
                    hr = analysis?.AverageHeartRate, samples = SampleCodec.Encode(activity.Samples),
                    trimp = analysis?.Analysis.Load.Trimp, method = analysis?.Analysis.Load.Method.ToString(),
                    analysis = analysis is null ? null : JsonSerializer.Serialize(analysis.Analysis, Json), problem,
                }, transaction);
            if (id is null)
            {
                continue;
            }

            stored++;
            SaveLaps(id.Value, activity, transaction);
            if (analysis is not null)
            {
                Execute("insert into sessions (athlete_id, activity_id, date, data) values (@athlete, @id, @date, @data)",
                    new { id, date = analysis.Session.Date.ToString("yyyy-MM-dd"), data = JsonSerializer.Serialize(analysis.Session, Json) }, transaction);
            }
        }

        if (stored == 0 && activities.Count > 0)
        {
            // Every activity of this file is already stored from another file: record nothing new.
            transaction.Rollback();
            return StoreResult.Duplicate;
        }

        transaction.Commit();
        return StoreResult.Imported;
    }

    /// <summary>An activity's start and what makes it the same activity in the store: its sport and the minute it started.</summary>
    private static (DateTime Start, string Fingerprint) Fingerprint(Activity activity)
    {
        var start = activity.StartTimeUtc ?? activity.Samples.FirstOrDefault().TimestampUtc;
        return (start, $"{activity.Sport}|{start:yyyy-MM-ddTHH:mm}");
    }

    private void SaveLaps(long id, Activity activity, DbTransaction transaction)
    {
        foreach (var lap in Laps.Of(activity))
        {
            Execute("insert into laps (athlete_id, activity_id, number, start_utc, seconds, distance_m, avg_hr, gain_m, intensity) values (@athlete, @id, @number, @start, @seconds, @metres, @hr, @gain, @intensity)",
                new { id, number = lap.Number, start = lap.StartUtc.ToString("O"), seconds = lap.Seconds, metres = lap.DistanceMetres, hr = lap.AverageHeartRate, gain = lap.ElevationGainMetres, intensity = lap.Intensity?.ToString() }, transaction);
        }
    }

    /// <summary>A file stored again: its activities stored before laps were kept (schema v10 and older) get their laps; whether any did.</summary>
    private bool AddMissingLaps(long fileId, IReadOnlyList<PreparedActivity> activities, DbTransaction transaction)
    {
        var added = false;
        foreach (var prepared in activities)
        {
            var fingerprint = Fingerprint(prepared.Activity).Fingerprint;
            if (Scalar<long?>("select id from activities where athlete_id = @athlete and file_id = @fileId and fingerprint = @fingerprint and laps_read = 0", new { fileId, fingerprint }, transaction) is { } id)
            {
                SaveLaps(id, prepared.Activity, transaction);
                Execute("update activities set laps_read = 1 where athlete_id = @athlete and id = @id", new { id }, transaction);
                added = true;
            }
        }

        return added;
    }

    /// <summary>
    /// The device's laps of one activity, in order (none for a file without laps); <c>null</c> when no activity of this
    /// athlete has the id, or when it was stored before laps were kept (importing its file again adds them).
    /// </summary>
    /// <param name="id">The activity's id.</param>
    public IReadOnlyList<Lap>? LoadLaps(long id)
    {
        if (Scalar<long?>("select laps_read from activities where athlete_id = @athlete and id = @id", new { id }) is not 1)
        {
            return null;
        }

        return [.. Query<(long Number, string Start, double Seconds, double Metres, double? HeartRate, double? Gain, string? Intensity)>(
            "select number, start_utc, seconds, distance_m, avg_hr, gain_m, intensity from laps where athlete_id = @athlete and activity_id = @id order by number", new { id })
            .Select(r => new Lap((int)r.Number, DateTime.Parse(r.Start, null, System.Globalization.DateTimeStyles.RoundtripKind), r.Seconds, r.Metres, r.HeartRate, r.Gain,
                Enum.TryParse<LapIntensity>(r.Intensity, out var intensity) ? intensity : null))];
    }

    /// <summary>Two activities of one sport starting this close are the same run if their distances agree.</summary>
    public const double SameRunStartSeconds = 120;

    /// <summary>How closely the distances of the same run from two sources agree (GPS track vs the watch's own distance).</summary>
    public const double SameRunDistanceFraction = 0.05;

    private bool IsSameRunStored(string sport, DateTime start, double distance, DbTransaction transaction)
    {
        // ISO-8601 round-trip strings of UTC times sort as text, so a text range is a time range on both backends.
        var near = Query<double>(
            "select distance_m from activities where athlete_id = @athlete and sport = @sport and start_utc between @from and @to",
            new { sport, from = start.AddSeconds(-SameRunStartSeconds).ToString("O"), to = start.AddSeconds(SameRunStartSeconds).ToString("O") }, transaction);
        return near.Any(d => Math.Abs(d - distance) <= SameRunDistanceFraction * Math.Max(Math.Max(d, distance), 1));
    }

    /// <inheritdoc/>
    public IReadOnlyList<TrainingSession> LoadSessions() =>
        [.. Query<string>("select s.data from sessions s left join activities a on a.id = s.activity_id where s.athlete_id = @athlete and (a.excluded is null or a.excluded = 0) order by s.date, s.id").Select(ReadSession).OfType<TrainingSession>().Where(s => Plausible(s.Date, "a session"))];

    /// <summary>A stored session, or <c>null</c> when its row is damaged (that session is left out, the rest are read).</summary>
    private static TrainingSession? ReadSession(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<TrainingSession>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredActivity> ListActivities(bool implausible = false) =>
        [.. Query<(long Id, string Sport, string Start, double Distance, double Moving, string Name, string? Title, string? Analysis, string? Problem, long Excluded)>(
            "select a.id, a.sport, a.start_utc, a.distance_m, a.moving_s, f.name, a.title, a.analysis, a.problem, a.excluded from activities a join files f on f.id = a.file_id where a.athlete_id = @athlete order by a.start_utc, a.id")
            .Select(r =>
            {
                var (analysis, problem) = r.Analysis is null ? (null, r.Problem) : ReadAnalysis(r.Analysis);
                return new StoredActivity(r.Sport, DateTime.Parse(r.Start, null, System.Globalization.DateTimeStyles.RoundtripKind), r.Distance, r.Moving, r.Name, r.Title, analysis, problem, r.Id, r.Excluded != 0);
            }).Where(a => implausible || Plausible(DateOnly.FromDateTime(a.StartUtc), $"{a.SourceName}: an activity"))];

    /// <inheritdoc/>
    public bool SetExcluded(long id, bool excluded) =>
        Execute("update activities set excluded = @excluded where athlete_id = @athlete and id = @id", new { id, excluded = excluded ? 1 : 0 }) > 0;

    /// <inheritdoc/>
    public bool Delete(long id)
    {
        using var transaction = _connection.BeginTransaction();
        var fileId = Scalar<long?>("select file_id from activities where athlete_id = @athlete and id = @id", new { id }, transaction);
        if (fileId is null)
        {
            return false;
        }

        Execute("delete from sessions where athlete_id = @athlete and activity_id = @id", new { id }, transaction);
        Execute("delete from laps where athlete_id = @athlete and activity_id = @id", new { id }, transaction);
        Execute("delete from activities where athlete_id = @athlete and id = @id", new { id }, transaction);
        Execute("delete from files where athlete_id = @athlete and id = @fileId and not exists (select 1 from activities where file_id = @fileId)", new { fileId }, transaction);
        transaction.Commit();
        return true;
    }

    /// <summary>A stored analysis, or why it cannot be read (a damaged row is one activity shown as such, not a failed listing).</summary>
    private static (ActivityAnalysis? Analysis, string? Problem) ReadAnalysis(string json)
    {
        try
        {
            return (JsonSerializer.Deserialize<ActivityAnalysis>(json, Json), null);
        }
        catch (JsonException e)
        {
            return (null, $"its stored analysis cannot be read ({e.Message})");
        }
    }

    /// <summary>One stored activity's samples (what its page draws), or <c>null</c> when no activity of this athlete has this id.</summary>
    /// <param name="id">The activity's id.</param>
    public IReadOnlyList<ActivitySample>? LoadSamples(long id) =>
        Query<byte[]>("select samples from activities where athlete_id = @athlete and id = @id", new { id }).FirstOrDefault() is { } blob ? SampleCodec.Decode(blob) : null;

    /// <summary>What <see cref="LoadSessions"/> gives without the sessions of one activity: the model's input had it not been run.</summary>
    /// <param name="id">The activity's id.</param>
    public IReadOnlyList<TrainingSession> LoadSessionsWithout(long id) =>
        [.. Query<string>("select s.data from sessions s left join activities a on a.id = s.activity_id where s.athlete_id = @athlete and (a.excluded is null or a.excluded = 0) and (s.activity_id is null or s.activity_id <> @id) order by s.date, s.id", new { id }).Select(ReadSession).OfType<TrainingSession>().Where(s => Plausible(s.Date, "a session"))];

    /// <inheritdoc/>
    public IEnumerable<IReadOnlyList<ActivitySample>> LoadSamples() =>
        Query<byte[]>("select samples from activities where athlete_id = @athlete order by start_utc").Select(SampleCodec.Decode);

    /// <inheritdoc/>
    public Athlete LoadAthlete() => ReadAthlete(null);

    // The profile table keeps its single-athlete name: its id is the athlete's id (the local athlete's row was id 1 already).
    private Athlete ReadAthlete(DbTransaction? transaction) =>
        Query<string>("select data from athlete where id = @athlete", transaction: transaction).FirstOrDefault() is { } data ? JsonSerializer.Deserialize<Athlete>(data, Json)! : new Athlete();

    /// <inheritdoc/>
    public bool HasAthlete() => Scalar<long>("select count(*) from athlete where id = @athlete") > 0;

    /// <inheritdoc/>
    public void SaveAthlete(Athlete athlete)
    {
        var data = JsonSerializer.Serialize(athlete, Json);
        Execute(_postgres ? "insert into athlete (id, data) values (@athlete, @data) on conflict (id) do update set data = excluded.data"
                          : "insert or replace into athlete (id, data) values (@athlete, @data)", new { data });
    }

    /// <summary>
    /// Stores a computed result (a re-simulation's outcome as JSON) for this athlete once per batch: a second save of
    /// the same kind and batch (a retried or duplicated job) stores nothing and says so, so a batch computes each
    /// athlete's result exactly once whatever is retried.
    /// </summary>
    /// <param name="kind">What was computed (e.g. <c>nightly-history</c>).</param>
    /// <param name="batch">The batch it belongs to (e.g. the night's date); unique per athlete and kind.</param>
    /// <param name="json">The result.</param>
    /// <returns>Whether it was stored (<c>false</c>: this batch's result was already stored).</returns>
    public bool SaveResult(string kind, string batch, string json)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(batch);
        ArgumentNullException.ThrowIfNull(json);
        return Execute(
            (_postgres ? "insert into results (athlete_id, kind, batch, computed_utc, data) values (@athlete, @kind, @batch, @now, @json) on conflict do nothing"
                       : "insert or ignore into results (athlete_id, kind, batch, computed_utc, data) values (@athlete, @kind, @batch, @now, @json)"),
            new { kind, batch, json, now = DateTime.UtcNow.ToString("O") }) > 0;
    }

    /// <summary>The latest stored result of a kind for this athlete, or <c>null</c>.</summary>
    /// <param name="kind">What was computed.</param>
    public StoredResult? LatestResult(string kind) =>
        Query<StoredResult>("select batch as Batch, computed_utc as ComputedUtc, data as Json from results where athlete_id = @athlete and kind = @kind order by computed_utc desc, batch desc limit 1", new { kind }).FirstOrDefault();

    /// <summary>How many results of a kind and batch this athlete has (0 or 1: what an exactly-once check counts).</summary>
    /// <param name="kind">What was computed.</param>
    /// <param name="batch">The batch.</param>
    public int CountResults(string kind, string batch) => (int)Scalar<long>("select count(*) from results where athlete_id = @athlete and kind = @kind and batch = @batch", new { kind, batch });

    /// <summary>Adds an athlete without an account (a squad's member entered by a platform, a load run's synthetic athlete); returns its id.</summary>
    /// <param name="location">File path or connection string; <c>null</c> for <see cref="DefaultPath"/>.</param>
    /// <param name="name">What to call the athlete.</param>
    public static long AddAthlete(string? location, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        using var connection = StoreDatabase.Open(location).Connection;
        return connection.ExecuteScalar<long>("insert into athletes (name, created_utc) values (@name, @now) returning id", new { name, now = DateTime.UtcNow.ToString("O") });
    }

    /// <summary>Every athlete's id in a store, in id order (what a batch over all athletes fans out over).</summary>
    /// <param name="location">File path or connection string; <c>null</c> for <see cref="DefaultPath"/>.</param>
    public static IReadOnlyList<long> Athletes(string? location)
    {
        using var connection = StoreDatabase.Open(location).Connection;
        return [.. connection.Query<long>("select id from athletes order by id")];
    }

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();

    /// <inheritdoc/>
    public IReadOnlyList<Thresholds> LoadThresholds() => ReadThresholds(null);

    private List<Thresholds> ReadThresholds(DbTransaction? transaction) =>
        [.. Query<(string From, double RestBpm, double MaxBpm, double Speed)>("select effective_from, hr_rest, hr_max, threshold_speed from thresholds where athlete_id = @athlete order by effective_from", transaction: transaction)
            .Select(r => new Thresholds(DateOnly.ParseExact(r.From, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.RestBpm, r.MaxBpm, r.Speed))];

    /// <inheritdoc/>
    public void SaveThresholds(Thresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        Execute(
            (_postgres ? "insert into thresholds (athlete_id, effective_from, hr_rest, hr_max, threshold_speed) values (@athlete, @from, @rest, @max, @speed) on conflict (athlete_id, effective_from) do update set hr_rest = excluded.hr_rest, hr_max = excluded.hr_max, threshold_speed = excluded.threshold_speed"
                       : "insert or replace into thresholds (athlete_id, effective_from, hr_rest, hr_max, threshold_speed) values (@athlete, @from, @rest, @max, @speed)"),
            new { from = thresholds.EffectiveFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), rest = thresholds.HeartRateRestBeatsPerMinute, max = thresholds.HeartRateMaxBeatsPerMinute, speed = thresholds.ThresholdSpeedMetresPerSecond });
    }

    /// <inheritdoc/>
    public int Reanalyse()
    {
        using var transaction = _connection.BeginTransaction();
        var count = Analyse(transaction);
        transaction.Commit();
        return count;
    }

    /// <summary>Analyses every stored activity from its stored samples and updates its analysis and session.</summary>
    internal int Analyse(DbTransaction transaction)
    {
        var athlete = ReadAthlete(transaction);
        var entries = ReadThresholds(transaction);
        var history = entries.Count > 0 ? new ThresholdHistory(entries) : null;
        // One pass in id order, a batch at a time (keyset: each batch starts after the last id of the one before), so a
        // decade of samples is never in memory at once; each batch is analysed on every core.
        var count = 0;
        long after = long.MinValue;
        while (true)
        {
            var rows = Query<(long Id, string Sport, byte[] Samples, string? Analysis)>(
                "select id, sport, samples, analysis from activities where athlete_id = @athlete and id > @after order by id limit @batch", new { after, batch = AnalyseBatch }, transaction).ToList();
            if (rows.Count == 0)
            {
                break;
            }

            after = rows[^1].Id;
            var analysed = rows.AsParallel().AsOrdered().Select(row =>
            {
                var activity = new Activity
                {
                    SourceFormat = "store", Sport = Enum.TryParse<Sport>(row.Sport, ignoreCase: true, out var s) ? s : Sport.Other, Samples = SampleCodec.Decode(row.Samples),
                };
                // What the user marked (a carried load) or rated is not in the samples: keep it from the previous analysis.
                var before = row.Analysis is null ? null : JsonSerializer.Deserialize<ActivityAnalysis>(row.Analysis, Json);
                var (result, problem) = SessionBuilder.TryAnalyse(activity with { PerceivedExertion = before?.PerceivedExertion }, athlete, history, before?.CarriedLoadKilograms ?? 0);
                return (row.Id, Result: result, Problem: problem);
            }).ToList();
            foreach (var (id, result, problem) in analysed)
            {
                if (problem is not null)
                {
                    // Left out of the model with its reason; the next profile change tries it again.
                    Execute("update activities set trimp = null, load_method = null, analysis = null, problem = @problem where athlete_id = @athlete and id = @id", new { id, problem }, transaction);
                    Execute("delete from sessions where athlete_id = @athlete and activity_id = @id", new { id }, transaction);
                    continue;
                }

                if (result is null)
                {
                    continue;
                }

                Execute("update activities set trimp = @trimp, load_method = @method, analysis = @analysis, problem = null where athlete_id = @athlete and id = @id",
                    new { id, trimp = result.Analysis.Load.Trimp, method = result.Analysis.Load.Method.ToString(), analysis = JsonSerializer.Serialize(result.Analysis, Json) }, transaction);
                var data = JsonSerializer.Serialize(result.Session, Json);
                // An activity that could not be analysed before has no session yet.
                if (Execute("update sessions set data = @data where athlete_id = @athlete and activity_id = @id", new { id, data }, transaction) == 0)
                {
                    Execute("insert into sessions (athlete_id, activity_id, date, data) values (@athlete, @id, @date, @data)",
                        new { id, date = result.Session.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), data }, transaction);
                }

                count++;
            }
        }

        return count;
    }

    /// <summary>Activities analysed again per batch: enough to keep both cores busy, few enough to keep memory small.</summary>
    private const int AnalyseBatch = 64;
}

/// <summary>
/// Packs samples into a compact blob: a magic, the count, the timestamps, then per channel a presence bitmap and the
/// present values, column by column (similar numbers side by side compress well), Brotli-compressed in one call.
/// Blobs written before this layout (row by row through a Brotli stream) are still read.
/// </summary>
internal static class SampleCodec
{
    private const int Channels = 13;
    private const int BrotliQuality = 1, BrotliWindowBits = 22;
    private static readonly byte[] Magic = "RAS2"u8.ToArray();

    private static double?[] Values(in ActivitySample s) =>
        [s.LatitudeDegrees, s.LongitudeDegrees, s.DistanceMetres, s.SpeedMetresPerSecond, s.AltitudeMetres, s.HeartRateBeatsPerMinute, s.CadencePerMinute, s.PowerWatts, s.TemperatureCelsius, s.GroundContactTimeSeconds, s.VerticalOscillationMetres, s.StepLengthMetres, s.FootStrikeScore];

    public static byte[] Encode(IReadOnlyList<ActivitySample> samples)
    {
        var n = samples.Count;
        var bitmapBytes = (n + 7) / 8;
        var raw = new byte[4 + (8 * n) + (Channels * (bitmapBytes + (8 * n)))];
        BinaryPrimitives.WriteInt32LittleEndian(raw, n);
        var p = 4;
        foreach (var s in samples)
        {
            BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(p), s.TimestampUtc.Ticks);
            p += 8;
        }

        var columns = new double?[n][];
        for (var i = 0; i < n; i++)
        {
            columns[i] = Values(samples[i]);
        }

        for (var c = 0; c < Channels; c++)
        {
            var bitmap = raw.AsSpan(p, bitmapBytes);
            p += bitmapBytes;
            for (var i = 0; i < n; i++)
            {
                if (columns[i][c] is { } v)
                {
                    bitmap[i >> 3] |= (byte)(1 << (i & 7));
                    BinaryPrimitives.WriteDoubleLittleEndian(raw.AsSpan(p), v);
                    p += 8;
                }
            }
        }

        var packed = new byte[Magic.Length + BrotliEncoder.GetMaxCompressedLength(p)];
        Magic.CopyTo(packed, 0);
        if (!BrotliEncoder.TryCompress(raw.AsSpan(0, p), packed.AsSpan(Magic.Length), out var written, BrotliQuality, BrotliWindowBits))
        {
            throw new InvalidOperationException("Brotli compression of the samples failed");
        }

        return packed.AsSpan(0, Magic.Length + written).ToArray();
    }

    public static IReadOnlyList<ActivitySample> Decode(byte[] blob)
    {
        if (!blob.AsSpan().StartsWith(Magic))
        {
            return DecodeRows(blob);
        }

        using var stream = new BrotliStream(new MemoryStream(blob, Magic.Length, blob.Length - Magic.Length), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        stream.CopyTo(raw);
        var data = raw.GetBuffer().AsSpan(0, (int)raw.Length);
        var n = BinaryPrimitives.ReadInt32LittleEndian(data);
        var bitmapBytes = (n + 7) / 8;
        var p = 4;
        var times = new long[n];
        for (var i = 0; i < n; i++, p += 8)
        {
            times[i] = BinaryPrimitives.ReadInt64LittleEndian(data[p..]);
        }

        var values = new double?[Channels, n];
        for (var c = 0; c < Channels; c++)
        {
            var bitmap = data.Slice(p, bitmapBytes).ToArray();
            p += bitmapBytes;
            for (var i = 0; i < n; i++)
            {
                if ((bitmap[i >> 3] & (1 << (i & 7))) != 0)
                {
                    values[c, i] = BinaryPrimitives.ReadDoubleLittleEndian(data[p..]);
                    p += 8;
                }
            }
        }

        var samples = new List<ActivitySample>(n);
        for (var i = 0; i < n; i++)
        {
            samples.Add(new ActivitySample(new DateTime(times[i], DateTimeKind.Utc), values[0, i], values[1, i], values[2, i], values[3, i], values[4, i], values[5, i], values[6, i], values[7, i], values[8, i], values[9, i], values[10, i], values[11, i], values[12, i]));
        }

        return samples;
    }

    /// <summary>The first layout (schema v1–v4 stores): row by row, a 16-bit presence mask then the present values.</summary>
    private static List<ActivitySample> DecodeRows(byte[] blob)
    {
        using var reader = new BinaryReader(new BrotliStream(new MemoryStream(blob), CompressionMode.Decompress));
        var count = reader.ReadInt32();
        var samples = new List<ActivitySample>(count);
        var values = new double?[Channels];
        for (var n = 0; n < count; n++)
        {
            var time = new DateTime(reader.ReadInt64(), DateTimeKind.Utc);
            var mask = reader.ReadInt16();
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (mask & (1 << i)) != 0 ? reader.ReadDouble() : null;
            }

            samples.Add(new ActivitySample(time, values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8], values[9], values[10], values[11], values[12]));
        }

        return samples;
    }
}
