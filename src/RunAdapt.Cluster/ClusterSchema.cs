using Npgsql;

namespace RunAdapt.Cluster;

/// <summary>Creates what the cluster keeps in PostgreSQL: Orleans' membership, grain state and reminder tables with their named queries, and the batch results.</summary>
public static class ClusterSchema
{
    // Any fixed number: silos starting together take turns at creating the tables.
    private const long LockKey = 0x52_41_43_4C_55_53;

    /// <summary>Applies the schema; idempotent, so every silo and tool runs it at start-up.</summary>
    /// <param name="connectionString">The cluster's database.</param>
    /// <param name="cancellation">Stops the work.</param>
    public static async Task ApplyAsync(string connectionString, CancellationToken cancellation = default)
    {
        await using var stream = typeof(ClusterSchema).Assembly.GetManifestResourceStream("RunAdapt.Cluster.orleans-postgresql.sql")
            ?? throw new InvalidOperationException("the cluster's SQL script is not embedded");
        var script = await new StreamReader(stream).ReadToEndAsync(cancellation);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await using (var command = new NpgsqlCommand($"select pg_advisory_xact_lock({LockKey})", connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellation);
        }

        await using (var command = new NpgsqlCommand(script, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellation);
        }

        await transaction.CommitAsync(cancellation);
    }
}
