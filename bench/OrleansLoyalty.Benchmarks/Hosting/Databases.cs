using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OrleansLoyalty.Database;

namespace OrleansLoyalty.Benchmarks.Hosting;

/// <summary>Fresh scratch databases for each run, and the loading-time durability switch.</summary>
public static class Databases
{
    public const string Orleans = "bench_orleans";
    public const string Stateless = "bench_stateless";
    public const string Pgbench = "bench_pgbench";
    public const string Dashboard = "bench_dashboard";
    public const string Reports = "bench_reports";

    public static async Task Recreate(BenchSettings settings, string name)
    {
        await using var connection = new NpgsqlConnection(settings.PostgresConnection);
        await connection.OpenAsync();
        await Execute(connection, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        await Execute(connection, $"CREATE DATABASE {name}");
    }

    public static async Task Migrate(string connectionString) =>
        await SchemaMigrator.ApplyAsync(connectionString, NullLogger.Instance, CancellationToken.None);

    /// <summary>
    /// Bulk loading may skip the WAL flush per commit (it is set-up, not measured); every measured scenario runs
    /// with PostgreSQL's durable default again. Needs the superuser connection; without it loading is just slower.
    /// </summary>
    public static async Task<bool> SetSynchronousCommit(BenchSettings settings, bool on)
    {
        if (settings.PostgresAdminConnection is not { } admin)
        {
            return false;
        }
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await Execute(connection, on ? "ALTER SYSTEM RESET synchronous_commit" : "ALTER SYSTEM SET synchronous_commit = off");
        await Execute(connection, "SELECT pg_reload_conf()");
        return true;
    }

    public static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
