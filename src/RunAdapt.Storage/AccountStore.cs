using System.Data.Common;
using Dapper;

namespace RunAdapt.Storage;

/// <summary>A server-mode account: a login that owns one athlete's data.</summary>
/// <param name="Id">The account's id.</param>
/// <param name="AthleteId">The athlete whose data the account owns.</param>
/// <param name="UserName">The name the user signs in with, as typed.</param>
/// <param name="NormalizedUserName">The name as looked up (ASP.NET Core Identity's normalization).</param>
/// <param name="PasswordHash">The password hash (Identity's PBKDF2 format), or <c>null</c> for no password.</param>
/// <param name="SecurityStamp">Changes when the credentials do; a token or cookie with an older stamp is refused.</param>
public sealed record Account(long Id, long AthleteId, string UserName, string NormalizedUserName, string? PasswordHash, string SecurityStamp);

/// <summary>An athlete's grant to a coach: the coach may read the athlete's data until it is revoked.</summary>
/// <param name="AthleteId">The athlete who granted it.</param>
/// <param name="AthleteName">The athlete's account name.</param>
/// <param name="CoachAccountId">The coach's account.</param>
/// <param name="CoachName">The coach's account name.</param>
public sealed record CoachGrant(long AthleteId, string AthleteName, long CoachAccountId, string CoachName);

/// <summary>
/// Server mode's accounts and coaches' grants, in the same database as the athletes' data (so a grant revoked is
/// seen by the very next request). Holds no credentials in clear: the password hash comes from the caller (Identity).
/// </summary>
public sealed class AccountStore : IDisposable
{
    private readonly DbConnection _connection;
    private readonly bool _postgres;

    private AccountStore((DbConnection Connection, bool Postgres) database) => (_connection, _postgres) = database;

    /// <summary>Opens (creating and migrating as needed) the accounts of a store.</summary>
    /// <param name="location">File path or connection string, as <see cref="AthleteStore.Open(string?)"/> takes.</param>
    public static AccountStore Open(string? location) => new(StoreDatabase.Open(location));

    private const string Columns = "id as Id, athlete_id as AthleteId, user_name as UserName, normalized_user_name as NormalizedUserName, password_hash as PasswordHash, security_stamp as SecurityStamp";

    /// <summary>Creates an account with an athlete of its own (empty history, default profile).</summary>
    /// <param name="userName">The name as typed.</param>
    /// <param name="normalizedUserName">The name as looked up.</param>
    /// <param name="passwordHash">The password hash.</param>
    /// <param name="securityStamp">The initial security stamp.</param>
    /// <returns>The account, or <c>null</c> when the name is taken.</returns>
    public Account? Register(string userName, string normalizedUserName, string? passwordHash, string securityStamp)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentException.ThrowIfNullOrEmpty(normalizedUserName);
        using var transaction = _connection.BeginTransaction();
        if (_connection.ExecuteScalar<long>("select count(*) from accounts where normalized_user_name = @normalizedUserName", new { normalizedUserName }, transaction) > 0)
        {
            return null;
        }

        var now = DateTime.UtcNow.ToString("O");
        var athleteId = _connection.ExecuteScalar<long>("insert into athletes (name, created_utc) values (@userName, @now) returning id", new { userName, now }, transaction);
        var id = _connection.ExecuteScalar<long>(
            "insert into accounts (athlete_id, user_name, normalized_user_name, password_hash, security_stamp, created_utc) values (@athleteId, @userName, @normalizedUserName, @passwordHash, @securityStamp, @now) returning id",
            new { athleteId, userName, normalizedUserName, passwordHash, securityStamp, now }, transaction);
        transaction.Commit();
        return new Account(id, athleteId, userName, normalizedUserName, passwordHash, securityStamp);
    }

    /// <summary>The account with this id, or <c>null</c>.</summary>
    /// <param name="id">The account's id.</param>
    public Account? Find(long id) => _connection.QueryFirstOrDefault<Account>($"select {Columns} from accounts where id = @id", new { id });

    /// <summary>The account with this normalized name, or <c>null</c>.</summary>
    /// <param name="normalizedUserName">The name as looked up.</param>
    public Account? FindByName(string normalizedUserName) =>
        _connection.QueryFirstOrDefault<Account>($"select {Columns} from accounts where normalized_user_name = @normalizedUserName", new { normalizedUserName });

    /// <summary>Saves an account's name, password hash and security stamp; returns whether it exists.</summary>
    /// <param name="account">The account as changed.</param>
    public bool Update(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return _connection.Execute(
            "update accounts set user_name = @UserName, normalized_user_name = @NormalizedUserName, password_hash = @PasswordHash, security_stamp = @SecurityStamp where id = @Id", account) > 0;
    }

    /// <summary>
    /// Deletes an account and everything of its athlete, in one transaction: every row of every table with an
    /// <c>athlete_id</c> column (found in the schema, so a table added later, or the cluster's results kept in the same
    /// database, is not forgotten), the grants the athlete gave and the ones the account was given as a coach, the
    /// profile, the athlete and the account. Returns whether the account existed.
    /// </summary>
    /// <param name="accountId">The account.</param>
    public bool Delete(long accountId)
    {
        using var transaction = _connection.BeginTransaction();
        var athleteId = _connection.ExecuteScalar<long?>("select athlete_id from accounts where id = @accountId", new { accountId }, transaction);
        if (athleteId is null)
        {
            return false;
        }

        // Rows that others reference go last: laps and sessions point at activities, activities at files, grants at accounts.
        _connection.Execute("delete from coach_grants where coach_account_id = @accountId", new { accountId }, transaction);
        string[] referenced = ["activities", "files", "accounts"];
        var tables = AthleteTables(transaction);
        foreach (var table in tables.Except(referenced, StringComparer.Ordinal).Concat(referenced.Intersect(tables, StringComparer.Ordinal)))
        {
            _connection.Execute($"delete from \"{table}\" where athlete_id = @athleteId", new { athleteId }, transaction);
        }

        _connection.Execute("""
            delete from athlete where id = @athleteId;
            delete from athletes where id = @athleteId;
            """, new { athleteId }, transaction);
        transaction.Commit();
        return true;
    }

    /// <summary>The tables of this store's database (its PostgreSQL schema, or the SQLite file) that have an <c>athlete_id</c> column.</summary>
    /// <param name="transaction">The transaction to ask in, if any.</param>
    public IReadOnlyList<string> AthleteTables(DbTransaction? transaction = null) =>
        [.. _connection.Query<string>(_postgres
            ? "select c.table_name from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name where c.table_schema = current_schema() and c.column_name = 'athlete_id' and t.table_type = 'BASE TABLE' order by 1"
            : "select m.name from sqlite_master m join pragma_table_info(m.name) p where m.type = 'table' and p.name = 'athlete_id' order by 1", transaction: transaction)];

    /// <summary>Lets a coach read an athlete's data; returns whether the grant is new.</summary>
    /// <param name="athleteId">The athlete granting.</param>
    /// <param name="coachAccountId">The coach's account.</param>
    public bool Grant(long athleteId, long coachAccountId)
    {
        using var transaction = _connection.BeginTransaction();
        if (_connection.ExecuteScalar<long>("select count(*) from coach_grants where athlete_id = @athleteId and coach_account_id = @coachAccountId", new { athleteId, coachAccountId }, transaction) > 0)
        {
            return false;
        }

        _connection.Execute("insert into coach_grants (athlete_id, coach_account_id, granted_utc) values (@athleteId, @coachAccountId, @now)",
            new { athleteId, coachAccountId, now = DateTime.UtcNow.ToString("O") }, transaction);
        transaction.Commit();
        return true;
    }

    /// <summary>Takes a coach's access away; returns whether there was a grant.</summary>
    /// <param name="athleteId">The athlete revoking.</param>
    /// <param name="coachAccountId">The coach's account.</param>
    public bool Revoke(long athleteId, long coachAccountId) =>
        _connection.Execute("delete from coach_grants where athlete_id = @athleteId and coach_account_id = @coachAccountId", new { athleteId, coachAccountId }) > 0;

    /// <summary>Whether a coach may read an athlete's data now (asked on every request: a revoked grant ends access at once).</summary>
    /// <param name="coachAccountId">The coach's account.</param>
    /// <param name="athleteId">The athlete.</param>
    public bool IsGranted(long coachAccountId, long athleteId) =>
        _connection.ExecuteScalar<long>("select count(*) from coach_grants where athlete_id = @athleteId and coach_account_id = @coachAccountId", new { athleteId, coachAccountId }) > 0;

    /// <summary>The coaches an athlete granted access, by name.</summary>
    /// <param name="athleteId">The athlete.</param>
    public IReadOnlyList<CoachGrant> GrantsBy(long athleteId) => Grants("g.athlete_id = @id", athleteId);

    /// <summary>The athletes who granted a coach access, by name.</summary>
    /// <param name="coachAccountId">The coach's account.</param>
    public IReadOnlyList<CoachGrant> GrantsTo(long coachAccountId) => Grants("g.coach_account_id = @id", coachAccountId);

    private List<CoachGrant> Grants(string where, long id) =>
        [.. _connection.Query<CoachGrant>(
            $"select g.athlete_id as AthleteId, a.name as AthleteName, g.coach_account_id as CoachAccountId, c.user_name as CoachName from coach_grants g join athletes a on a.id = g.athlete_id join accounts c on c.id = g.coach_account_id where {where} order by a.name, c.user_name",
            new { id })];

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();
}
