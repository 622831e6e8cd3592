using Npgsql;
using RunAdapt.Core.Training;

namespace RunAdapt.Cluster.Tests;

/// <summary>A fresh PostgreSQL database for one test (on RUNADAPT_PG's server, started by ci/test.sh), dropped after it.</summary>
internal sealed class ClusterDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _name = $"ra_cluster_{Guid.NewGuid():N}";

    private ClusterDatabase(string server)
    {
        _server = server;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _name }.ToString();
    }

    /// <summary>The database's connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>Creates the database and the cluster's schema; skips the test when RUNADAPT_PG is not set.</summary>
    public static async Task<ClusterDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("RUNADAPT_PG");
        Assert.SkipWhen(string.IsNullOrEmpty(server), "RUNADAPT_PG is not set (ci/test.sh starts PostgreSQL and sets it)");
        var database = new ClusterDatabase(server);
        await database.ExecuteOnServerAsync($"create database {database._name}");
        await ClusterSchema.ApplyAsync(database.ConnectionString, TestContext.Current.CancellationToken);
        return database;
    }

    /// <summary>Stores athletes 1…<paramref name="count"/>, each a profile and a year of logged runs (four a week).</summary>
    public void StoreAthletes(int count)
    {
        var data = new StoreAthleteData(ConnectionString);
        var end = new DateOnly(2026, 10, 31);
        Parallel.ForEach(data.EnsureAthletes(count), new ParallelOptions { MaxDegreeOfParallelism = 2 }, id =>
        {
            using var store = data.Open(id);
            store.SaveAthlete(new Athlete { MassKilograms = 55 + id % 30, AgeYears = 25 + id % 30, TrainingStatus = TrainingStatus.Recreational });
            var sessions = Enumerable.Range(0, 365).Select(end.AddDays(-364).AddDays)
                .Where(d => d.DayOfWeek is DayOfWeek.Tuesday or DayOfWeek.Thursday or DayOfWeek.Saturday or DayOfWeek.Sunday)
                .Select(d => TrainingSession.Running(d, new RunSegment(1800 + (60 * (id % 20)), 2.8 + (0.02 * (id % 25)))))
                .ToList();
            store.ReplaceLog("year.yaml", sessions);
        });
    }

    /// <summary>Runs a statement against the database.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Runs a statement against the database, synchronously (for a progress callback).</summary>
    public T Scalar<T>(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return (T)command.ExecuteScalar()!;
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"drop database if exists {_name} with (force)");
    }
}
