using Microsoft.Extensions.Logging;
using Npgsql;

namespace OrleansLoyalty.Database;

/// <summary>
/// Brings a PostgreSQL database up to the schema this build expects: applies each embedded migration
/// that is not yet recorded in <c>schema_migrations</c>, in name order, each in its own transaction.
/// Safe to run from several processes at once (they queue on an advisory lock) and any number of times.
/// </summary>
public static class SchemaMigrator
{
    // Every OrleansLoyalty migrator takes this session-level advisory lock; the value is arbitrary
    // but fixed ("LoyaltyM" in ASCII) so that concurrent starts apply each migration exactly once.
    private const long AdvisoryLockKey = 0x4C6F79616C74794D;

    private const string CreateHistoryTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            id         text        PRIMARY KEY,
            checksum   text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    /// <summary>Applies the migrations embedded from deploy/sql; returns the ids applied by this call.</summary>
    public static Task<IReadOnlyList<string>> ApplyAsync(string connectionString, ILogger logger, CancellationToken ct) =>
        ApplyAsync(connectionString, EmbeddedMigrations.Load(), logger, ct);

    /// <summary>Applies the given migrations (ordered by id); returns the ids applied by this call.</summary>
    /// <exception cref="MigrationChecksumMismatchException">An already applied migration has different text now.</exception>
    public static async Task<IReadOnlyList<string>> ApplyAsync(
        string connectionString, IReadOnlyList<Migration> migrations, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var ordered = migrations.OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
        var duplicate = ordered.GroupBy(m => m.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Migration id '{duplicate.Key}' appears more than once.");
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        MigratorLog.Connected(logger, DatabaseOptions.Describe(connectionString));

        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
        try
        {
            await ExecuteAsync(connection, CreateHistoryTable, ct);
            var applied = await ReadAppliedAsync(connection, ct);
            VerifyUnchanged(ordered, applied, logger);

            var newlyApplied = new List<string>();
            foreach (var migration in ordered.Where(m => !applied.ContainsKey(m.Id)))
            {
                await ApplyOneAsync(connection, migration, ct);
                MigratorLog.Applied(logger, migration.Id);
                newlyApplied.Add(migration.Id);
            }

            if (newlyApplied.Count == 0)
            {
                MigratorLog.UpToDate(logger, ordered.Count);
            }

            return newlyApplied;
        }
        finally
        {
            // Closing the connection would release the lock too; unlocking explicitly keeps a pooled
            // connection from carrying it back into the pool.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
            }
        }
    }

    private static void VerifyUnchanged(List<Migration> migrations, Dictionary<string, string> applied, ILogger logger)
    {
        foreach (var migration in migrations)
        {
            if (applied.TryGetValue(migration.Id, out var appliedChecksum) && appliedChecksum != migration.Checksum)
            {
                throw new MigrationChecksumMismatchException(migration.Id, appliedChecksum, migration.Checksum);
            }
        }

        var known = migrations.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in applied.Keys.Where(id => !known.Contains(id)).Order(StringComparer.Ordinal))
        {
            MigratorLog.UnknownApplied(logger, unknown);
        }
    }

    private static async Task<Dictionary<string, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT id, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            applied.Add(reader.GetString(0), reader.GetString(1));
        }

        return applied;
    }

    private static async Task ApplyOneAsync(NpgsqlConnection connection, Migration migration, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            await using (var script = new NpgsqlCommand(migration.Sql, connection, transaction))
            {
                await script.ExecuteNonQueryAsync(ct);
            }

            await using (var record = new NpgsqlCommand(
                             "INSERT INTO schema_migrations (id, checksum) VALUES (@id, @checksum)", connection, transaction))
            {
                record.Parameters.AddWithValue("id", migration.Id);
                record.Parameters.AddWithValue("checksum", migration.Checksum);
                await record.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
        catch (PostgresException e)
        {
            throw new InvalidOperationException(
                $"Migration '{migration.Id}' failed and was rolled back: {e.MessageText} (SQLSTATE {e.SqlState}" +
                (e.Line is null ? ")" : $", near line {e.Line})"), e);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
