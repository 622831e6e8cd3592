using Dapper;
using Npgsql;

namespace RunAdapt.Cluster;

/// <summary>
/// Each athlete's result of each batch, keyed by (batch, athlete): writing it twice keeps the first and counts the
/// second in <c>writes</c>, so a retried call can never make two results, and a recomputation would show.
/// </summary>
/// <param name="connectionString">The cluster's database.</param>
public sealed class BatchResults(string connectionString)
{
    /// <summary>Stores an athlete's result for its batch, once.</summary>
    /// <param name="outcome">The result (its batch id set).</param>
    /// <param name="cancellation">Stops the write.</param>
    public async Task SaveAsync(AthleteOutcome outcome, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into runadapt_batch_results (batch_id, athlete_id, computed_utc, silo, sessions, outcome)
            values (@BatchId, @AthleteId, @ComputedUtc, @Silo, @Sessions, cast(@Json as jsonb))
            on conflict (batch_id, athlete_id) do update set writes = runadapt_batch_results.writes + 1
            """, outcome, cancellationToken: cancellation));
    }

    /// <summary>Whether the athlete's result of the batch is stored.</summary>
    /// <param name="batchId">The batch.</param>
    /// <param name="athleteId">The athlete.</param>
    /// <param name="cancellation">Stops the query.</param>
    public async Task<bool> HasAsync(string batchId, long athleteId, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from runadapt_batch_results where batch_id = @batchId and athlete_id = @athleteId)", new { batchId, athleteId }, cancellationToken: cancellation));
    }

    /// <summary>The athletes whose result of the batch is stored.</summary>
    /// <param name="batchId">The batch.</param>
    /// <param name="cancellation">Stops the query.</param>
    public async Task<IReadOnlySet<long>> DoneAsync(string batchId, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return (await connection.QueryAsync<long>(new CommandDefinition(
            "select athlete_id from runadapt_batch_results where batch_id = @batchId", new { batchId }, cancellationToken: cancellation))).ToHashSet();
    }

    /// <summary>How many athletes' results of the batch are stored (what progress reports, without listing them).</summary>
    /// <param name="batchId">The batch.</param>
    /// <param name="cancellation">Stops the query.</param>
    public async Task<int> CountAsync(string batchId, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "select count(*) from runadapt_batch_results where batch_id = @batchId", new { batchId }, cancellationToken: cancellation));
    }
}
