using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using RunAdapt.Storage;

namespace RunAdapt.Web.Tests;

/// <summary>
/// Deleting an account in server mode removes every row of its athlete from every table that has an athlete (read
/// from the schema, so a table added later is checked too), leaves another athlete's rows as they were, ends the
/// account's sign-ins and a coach's access; SQLite and PostgreSQL alike.
/// </summary>
public sealed class AccountDeletionTests
{
    private const string Password = "correct horse battery";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Files(params (string Path, string Name)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (path, name) in files)
        {
            content.Add(new ByteArrayContent(File.ReadAllBytes(path)), "files", name);
        }

        return content;
    }

    private static string Repo(params string[] parts) => Path.Combine([DashboardFixture.RepositoryRoot(), .. parts]);

    private static readonly object Profile = new { sex = "female", age = 40, mass_kg = 60, training_status = "trained", foot_strike = "midfoot", hr_max = 180, hr_rest = 50, threshold_pace = "4:50", units = "km" };

    /// <summary>An athlete with a row in every table a user can fill: files, activities (with laps), sessions, logged sessions, thresholds, profile, a stored result.</summary>
    private static async Task<(HttpClient Client, long Athlete)> Fill(ServerDashboard server, string user)
    {
        await server.RegisterAsync(user, Password);
        var client = await server.BearerAsync(user, Password);
        using (var upload = await client.PostAsync("/api/upload", Files(
            (Repo("tests", "fixtures", "activities", "fit", "activity-small-fenix2-run.fit"), $"{user}.fit"), (Repo("samples", "strength-log.yaml"), "gym.yaml")), Cancel))
        {
            var body = await upload.Content.ReadAsStringAsync(Cancel);
            Assert.Contains("\"status\":\"imported\"", body, StringComparison.Ordinal);
            Assert.Contains("\"status\":\"logged\"", body, StringComparison.Ordinal);
        }

        using (var profile = await client.PutAsJsonAsync("/api/athlete", Profile, Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        }

        var athlete = (await client.GetFromJsonAsync<JsonElement>("/api/account", Cancel)).GetProperty("athlete_id").GetInt64();
        using (var store = AthleteStore.Open(server.Location, athlete))
        {
            store.SaveResult("nightly", "batch-1", "{}");
        }

        return (client, athlete);
    }

    private static DbConnection Connect(string location)
    {
        DbConnection connection = AthleteStore.IsServer(location) ? new NpgsqlConnection(location) : new SqliteConnection($"Data Source={location};Pooling=false");
        connection.Open();
        return connection;
    }

    /// <summary>Every table with an <c>athlete_id</c> column, from the database's own catalogue (not from the code under test).</summary>
    private static List<string> AthleteTables(DbConnection connection) =>
        [.. connection.Query<string>(connection is NpgsqlConnection
            ? "select table_name from information_schema.columns where table_schema = current_schema() and column_name = 'athlete_id' order by 1"
            : "select m.name from sqlite_master m join pragma_table_info(m.name) p where m.type = 'table' and p.name = 'athlete_id' order by 1")];

    /// <summary>How many rows each athlete table holds of an athlete, and of the athlete and account themselves.</summary>
    private static SortedDictionary<string, long> RowsOf(string location, long athlete, long account)
    {
        using var connection = Connect(location);
        var rows = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in AthleteTables(connection))
        {
            rows[table] = connection.ExecuteScalar<long>($"select count(*) from \"{table}\" where athlete_id = @athlete", new { athlete });
        }

        rows["athletes"] = connection.ExecuteScalar<long>("select count(*) from athletes where id = @athlete", new { athlete });
        rows["athlete (profile)"] = connection.ExecuteScalar<long>("select count(*) from athlete where id = @athlete", new { athlete });
        rows["accounts (by id)"] = connection.ExecuteScalar<long>("select count(*) from accounts where id = @account", new { account });
        rows["coach_grants (as coach)"] = connection.ExecuteScalar<long>("select count(*) from coach_grants where coach_account_id = @account", new { account });
        return rows;
    }

    private static long AccountOf(string location, long athlete)
    {
        using var connection = Connect(location);
        return connection.ExecuteScalar<long>("select id from accounts where athlete_id = @athlete", new { athlete });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DeletingAnAccountLeavesNothingOfItsAthleteAndTouchesNoOneElse(bool sqlite)
    {
        await using var server = await ServerDashboard.StartAsync(sqlite);
        var (ann, annsAthlete) = await Fill(server, "ann");
        var (bob, bobsAthlete) = await Fill(server, "bob");
        await server.RegisterAsync("coach", Password);
        var coach = await server.BearerAsync("coach", Password);
        // Grants both ways: Ann lets the coach read her; Bob lets Ann read him.
        Assert.Equal(HttpStatusCode.OK, (await ann.PostAsJsonAsync("/api/grants", new { coach = "coach" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bob.PostAsJsonAsync("/api/grants", new { coach = "ann" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coach.GetAsync($"/api/history?athlete={annsAthlete}", Cancel)).StatusCode);
        var annsAccount = AccountOf(server.Location, annsAthlete);
        var annsRows = RowsOf(server.Location, annsAthlete, annsAccount);
        // Every athlete table holds something of Ann's, so "none left" below means something.
        Assert.All(annsRows, r => Assert.True(r.Value > 0, $"{r.Key}: the test stored nothing of Ann's there"));
        Assert.Contains("laps", annsRows.Keys);
        var bobsRows = RowsOf(server.Location, bobsAthlete, AccountOf(server.Location, bobsAthlete));
        var bobsHistory = await bob.GetStringAsync("/api/history", Cancel);

        // The wrong password, no password, a coach asking about Ann: nothing is deleted.
        using (var wrong = new HttpRequestMessage(HttpMethod.Delete, "/api/account") { Content = JsonContent.Create(new { password = "not the password" }) })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await ann.SendAsync(wrong, Cancel)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await ann.DeleteAsync("/api/account", Cancel)).StatusCode);
        using (var byCoach = new HttpRequestMessage(HttpMethod.Delete, $"/api/account?athlete={annsAthlete}") { Content = JsonContent.Create(new { password = Password }) })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await coach.SendAsync(byCoach, Cancel)).StatusCode);
        }

        Assert.Equal(annsRows, RowsOf(server.Location, annsAthlete, annsAccount));

        using (var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/account") { Content = JsonContent.Create(new { password = Password }) })
        {
            using var deleted = await ann.SendAsync(delete, Cancel);
            Assert.True(deleted.StatusCode == HttpStatusCode.OK, await deleted.Content.ReadAsStringAsync(Cancel));
        }

        Assert.All(RowsOf(server.Location, annsAthlete, annsAccount), r => Assert.True(r.Value == 0, $"{r.Key}: {r.Value} rows of the deleted athlete remain"));
        Assert.Equal(bobsRows.Where(r => r.Key != "coach_grants"), RowsOf(server.Location, bobsAthlete, AccountOf(server.Location, bobsAthlete)).Where(r => r.Key != "coach_grants"));
        Assert.Equal(bobsHistory, await bob.GetStringAsync("/api/history", Cancel));
        // Bob's grant to Ann went with her account; his data did not.
        Assert.DoesNotContain("\"ann\"", await bob.GetStringAsync("/api/account", Cancel), StringComparison.Ordinal);

        // The old token is refused, the password signs nobody in, the coach has lost access.
        Assert.Equal(HttpStatusCode.Unauthorized, (await ann.GetAsync("/api/history", Cancel)).StatusCode);
        using (var signIn = await server.NewClient().PostAsJsonAsync("/api/token", new { user = "ann", password = Password }, Cancel))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await coach.GetAsync($"/api/history?athlete={annsAthlete}", Cancel)).StatusCode);
        Assert.DoesNotContain("ann", await coach.GetStringAsync("/api/account", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAccountPageDeletesTheAccountWithItsPasswordAndAntiforgeryToken()
    {
        await using var server = await ServerDashboard.StartAsync(sqlite: true);
        await server.RegisterAsync("ann", Password);
        var (ann, _) = await server.SignInAsync("ann", Password);
        var page = await ann.GetStringAsync("/account", Cancel);
        Assert.Contains("action=\"/account/delete\"", page, StringComparison.Ordinal);
        var token = ServerDashboard.FormToken(page);
        async Task<HttpResponseMessage> Post(Dictionary<string, string> form) => await ann.PostAsync("/account/delete", new FormUrlEncodedContent(form), Cancel);

        // Without the page's token (another site's form) and with a wrong password, the account stays.
        using (var forged = await Post(new() { ["password"] = Password }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        using (var wrong = await Post(new() { ["password"] = "not the password", ["__RequestVerificationToken"] = token }))
        {
            Assert.StartsWith("/account?error=", wrong.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await ann.GetAsync("/api/account", Cancel)).StatusCode);
        using (var deleted = await Post(new() { ["password"] = Password, ["__RequestVerificationToken"] = token }))
        {
            Assert.Equal("/login", deleted.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await ann.GetAsync("/api/account", Cancel)).StatusCode);
        using var signIn = await server.NewClient().PostAsJsonAsync("/api/token", new { user = "ann", password = Password }, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }
}
