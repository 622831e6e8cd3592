using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace RunAdapt.Storage;

/// <summary>
/// The store's database, whatever the backend: opens a connection (SQLite file or PostgreSQL server) and brings its
/// schema to the current version. Every table of athlete data carries the athlete it belongs to.
/// </summary>
internal static class StoreDatabase
{
    private const int SchemaVersion = 11;

    /// <summary>Opens and migrates the store at <paramref name="location"/> (see <see cref="AthleteStore.Open(string?)"/>).</summary>
    public static (DbConnection Connection, bool Postgres) Open(string? location)
    {
        location ??= AthleteStore.DefaultPath;
        DbConnection connection;
        var postgres = IsPostgres(location);
        if (postgres)
        {
            connection = new NpgsqlConnection(ConnectionString(location));
        }
        else
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(location));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = location, Pooling = false }.ToString());
        }

        try
        {
            connection.Open();
            if (!postgres)
            {
                // Foreign keys are checked once the migration has run: v10 rebuilds tables that others reference.
                connection.Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF;");
            }

            Migrate(connection, postgres);
            if (!postgres)
            {
                connection.Execute("PRAGMA foreign_keys=ON;");
            }

            return (connection, postgres);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Whether a location is a PostgreSQL connection string (<c>Host=…</c> or <c>postgres://…</c>) rather than an SQLite file.</summary>
    public static bool IsPostgres(string location) =>
        location.StartsWith("Host=", StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Npgsql connection string for a PostgreSQL location: a <c>postgres://</c> URL converted, a <c>Host=…</c> string as given.</summary>
    public static string ConnectionString(string location) =>
        location.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) ? FromUri(location) : location;

    private static void Migrate(DbConnection connection, bool postgres)
    {
        connection.Execute("create table if not exists schema_version (version integer not null)");
        if ((connection.ExecuteScalar<long?>("select max(version) from schema_version") ?? 0) >= SchemaVersion)
        {
            return;
        }

        var id = postgres ? "bigserial primary key" : "integer primary key autoincrement";
        var blob = postgres ? "bytea" : "blob";
        // Two programs may open a new or old store at once (an import while the dashboard starts): the version is read
        // again under the write lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock), so only one migrates.
        using var transaction = connection.BeginTransaction();
        if (postgres)
        {
            connection.Execute("select pg_advisory_xact_lock(7243019)", transaction: transaction);
        }

        var version = connection.ExecuteScalar<long?>("select max(version) from schema_version", transaction: transaction) ?? 0;
        if (version >= SchemaVersion)
        {
            return;
        }

        if (version < 1)
        {
            connection.Execute($"""
            create table if not exists files (id {id}, sha256 text not null unique, name text not null, imported_utc text not null);
            create table if not exists activities (id {id}, file_id bigint not null references files(id), fingerprint text not null unique,
                sport text not null, device text, start_utc text not null, distance_m double precision not null, moving_s double precision not null,
                gain_m double precision not null, avg_hr double precision, samples {blob} not null);
            create table if not exists sessions (id {id}, activity_id bigint references activities(id), date text not null, data text not null);
            create index if not exists sessions_by_date on sessions(date);
            create table if not exists athlete (id integer primary key, data text not null);
            insert into schema_version (version) values (1);
            """, transaction: transaction);
        }

        if (version < 2)
        {
            // v2: titles from export indexes (Strava's activities.csv).
            connection.Execute("alter table activities add column title text; insert into schema_version (version) values (2);", transaction: transaction);
        }

        if (version < 3)
        {
            // v3: the same-run check looks activities up by sport and start time.
            connection.Execute("""
                create index if not exists activities_by_start on activities(sport, start_utc);
                insert into schema_version (version) values (3);
                """, transaction: transaction);
        }

        if (version < 4)
        {
            // v4: each activity's load (TRIMP and how it was estimated) and its analysis (zones, repeats, climbs, best efforts).
            connection.Execute("""
                alter table activities add column trimp double precision;
                alter table activities add column load_method text;
                alter table activities add column analysis text;
                insert into schema_version (version) values (4);
                """, transaction: transaction);
        }

        if (version < 5)
        {
            // v5: dated thresholds (the athlete's heart rates and threshold pace change over the years).
            connection.Execute("""
                create table if not exists thresholds (effective_from text primary key, hr_rest double precision not null,
                    hr_max double precision not null, threshold_speed double precision not null);
                insert into schema_version (version) values (5);
                """, transaction: transaction);
        }

        if (version < 6)
        {
            // v6: sessions carry the recorded cadence (the model reads step length from it).
            connection.Execute("insert into schema_version (version) values (6)", transaction: transaction);
        }

        if (version < 7)
        {
            // v7: an activity that cannot be analysed is kept with its reason (and left out of the model).
            connection.Execute("alter table activities add column problem text; insert into schema_version (version) values (7);", transaction: transaction);
        }

        if (version < 8)
        {
            // v8: re-analysis updates each activity's session by its activity id; without an index every update
            // scanned all sessions (20 000 activities took 80 s, 100 000 did not finish).
            connection.Execute("""
                create index if not exists sessions_by_activity on sessions(activity_id);
                insert into schema_version (version) values (8);
                """, transaction: transaction);
        }

        if (version < 9)
        {
            // v9: the user can leave an activity out of the model (exclude), and logged sessions know the log they came
            // from (logging an edited log replaces its entries; identical entries of one day both count).
            connection.Execute("""
                alter table activities add column excluded bigint not null default 0;
                alter table sessions add column log_name text;
                insert into schema_version (version) values (9);
                """, transaction: transaction);
        }

        if (version < 10)
        {
            ManyAthletes(connection, postgres, transaction);
        }

        if (version < 11)
        {
            // v11: the device's laps, each row the activity's athlete's. Activities stored before have laps_read = 0:
            // their laps are in the file, not in the stored samples, so importing the file again adds them.
            connection.Execute("""
                create table laps (athlete_id bigint not null references athletes(id), activity_id bigint not null references activities(id),
                    number integer not null, start_utc text not null, seconds double precision not null, distance_m double precision not null,
                    avg_hr double precision, gain_m double precision, intensity text, primary key (athlete_id, activity_id, number));
                alter table activities add column laps_read bigint not null default 0;
                insert into schema_version (version) values (11);
                """, transaction: transaction);
        }

        // Stores before v6 hold analyses without what v4 and v6 added: analyse everything once, on the final schema
        // (such a store holds the local athlete only).
        if (version < 6)
        {
            AthleteStore.Bind(connection, postgres, AthleteStore.LocalAthleteId).Analyse(transaction);
        }

        transaction.Commit();
    }

    /// <summary>
    /// v10: many athletes in one store. Every row of athlete data gets the athlete it belongs to; what a single-athlete
    /// store held becomes athlete 1 (<see cref="AthleteStore.LocalAthleteId"/>), the one local mode uses. Uniqueness (a
    /// file's hash, an activity's fingerprint, a threshold's day) becomes per athlete, so two athletes may upload the
    /// same file. Accounts and coaches' grants live beside the data (server mode), and so do computed results (a nightly
    /// re-simulation's outcome), one per athlete, kind and batch.
    /// </summary>
    private static void ManyAthletes(DbConnection connection, bool postgres, DbTransaction transaction)
    {
        var id = postgres ? "bigserial primary key" : "integer primary key autoincrement";
        var now = DateTime.UtcNow.ToString("O");
        connection.Execute($"""
            create table athletes (id {id}, name text not null, created_utc text not null);
            insert into athletes (id, name, created_utc) values ({AthleteStore.LocalAthleteId}, 'local', @now);
            create table accounts (id {id}, athlete_id bigint not null unique references athletes(id), user_name text not null,
                normalized_user_name text not null unique, password_hash text, security_stamp text not null, created_utc text not null);
            create table coach_grants (athlete_id bigint not null references athletes(id), coach_account_id bigint not null references accounts(id),
                granted_utc text not null, primary key (athlete_id, coach_account_id));
            create table results (athlete_id bigint not null references athletes(id), kind text not null, batch text not null,
                computed_utc text not null, data text not null, primary key (athlete_id, kind, batch));
            """, new { now }, transaction);
        if (postgres)
        {
            // PostgreSQL alters in place; the added column's default only fills the existing rows, new rows must say whose they are.
            connection.Execute("""
                select setval(pg_get_serial_sequence('athletes', 'id'), 1);
                alter table files add column athlete_id bigint not null default 1 references athletes(id);
                alter table files alter column athlete_id drop default;
                alter table files drop constraint if exists files_sha256_key;
                alter table files add constraint files_athlete_sha256 unique (athlete_id, sha256);
                alter table activities add column athlete_id bigint not null default 1 references athletes(id);
                alter table activities alter column athlete_id drop default;
                alter table activities drop constraint if exists activities_fingerprint_key;
                alter table activities add constraint activities_athlete_fingerprint unique (athlete_id, fingerprint);
                alter table sessions add column athlete_id bigint not null default 1 references athletes(id);
                alter table sessions alter column athlete_id drop default;
                alter table thresholds add column athlete_id bigint not null default 1 references athletes(id);
                alter table thresholds alter column athlete_id drop default;
                alter table thresholds drop constraint if exists thresholds_pkey;
                alter table thresholds add primary key (athlete_id, effective_from);
                drop index if exists activities_by_start;
                """, transaction: transaction);
        }
        else
        {
            // SQLite cannot drop a unique constraint: the tables that had one are rebuilt, ids kept (foreign keys are
            // not checked during the migration, so the rebuilt tables keep their references).
            connection.Execute("""
                create table files_v10 (id integer primary key autoincrement, athlete_id bigint not null references athletes(id), sha256 text not null,
                    name text not null, imported_utc text not null, unique (athlete_id, sha256));
                insert into files_v10 (id, athlete_id, sha256, name, imported_utc) select id, 1, sha256, name, imported_utc from files;
                drop table files;
                alter table files_v10 rename to files;
                create table activities_v10 (id integer primary key autoincrement, athlete_id bigint not null references athletes(id),
                    file_id bigint not null references files(id), fingerprint text not null, sport text not null, device text, start_utc text not null,
                    distance_m double precision not null, moving_s double precision not null, gain_m double precision not null, avg_hr double precision,
                    samples blob not null, title text, trimp double precision, load_method text, analysis text, problem text,
                    excluded bigint not null default 0, unique (athlete_id, fingerprint));
                insert into activities_v10 (id, athlete_id, file_id, fingerprint, sport, device, start_utc, distance_m, moving_s, gain_m, avg_hr, samples,
                    title, trimp, load_method, analysis, problem, excluded)
                    select id, 1, file_id, fingerprint, sport, device, start_utc, distance_m, moving_s, gain_m, avg_hr, samples,
                    title, trimp, load_method, analysis, problem, excluded from activities;
                drop table activities;
                alter table activities_v10 rename to activities;
                create table thresholds_v10 (athlete_id bigint not null references athletes(id), effective_from text not null, hr_rest double precision not null,
                    hr_max double precision not null, threshold_speed double precision not null, primary key (athlete_id, effective_from));
                insert into thresholds_v10 (athlete_id, effective_from, hr_rest, hr_max, threshold_speed) select 1, effective_from, hr_rest, hr_max, threshold_speed from thresholds;
                drop table thresholds;
                alter table thresholds_v10 rename to thresholds;
                alter table sessions add column athlete_id bigint not null default 1;
                """, transaction: transaction);
        }

        connection.Execute("""
            create index activities_by_start on activities(athlete_id, sport, start_utc);
            drop index if exists sessions_by_date;
            create index sessions_by_athlete_date on sessions(athlete_id, date);
            insert into schema_version (version) values (10);
            """, transaction: transaction);
    }

    private static string FromUri(string uri)
    {
        var u = new Uri(uri);
        var user = Uri.UnescapeDataString(u.UserInfo.Split(':')[0]);
        var password = u.UserInfo.Contains(':') ? Uri.UnescapeDataString(u.UserInfo.Split(':', 2)[1]) : null;
        var builder = new NpgsqlConnectionStringBuilder { Host = u.Host, Port = u.Port > 0 ? u.Port : 5432, Username = user, Database = u.AbsolutePath.Trim('/') };
        if (password is not null)
        {
            builder.Password = password;
        }

        return builder.ToString();
    }
}
