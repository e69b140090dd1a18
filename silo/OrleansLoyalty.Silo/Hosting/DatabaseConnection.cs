using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace OrleansLoyalty.Silo.Hosting;

/// <summary>Reads and checks <c>Database:ConnectionString</c> before anything tries to use it.</summary>
public static class DatabaseConnection
{
    public const string Key = "Database:ConnectionString";

    public static string Require(IConfiguration configuration)
    {
        var value = configuration[Key];
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new StartupConfigurationException(
                $"{Key} is not set: give it a PostgreSQL connection string (env Database__ConnectionString), e.g. Host=127.0.0.1;Port=55432;Username=loyalty;Password=…;Database=loyalty.");
        }
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(value);
            if (string.IsNullOrEmpty(parsed.Host) || string.IsNullOrEmpty(parsed.Database))
            {
                throw new StartupConfigurationException($"{Key} must name a Host and a Database.");
            }
        }
        catch (ArgumentException e)
        {
            throw new StartupConfigurationException($"{Key} is not a valid PostgreSQL connection string: {e.Message}");
        }
        return value;
    }

    /// <summary>
    /// The product's own connection pool. Orleans' providers keep pools of their own on the same server, so ours is
    /// capped (50 unless the connection string says otherwise) to leave PostgreSQL's max_connections room for them.
    /// </summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString) =>
        NpgsqlDataSource.Create(PooledBuilder(connectionString).ConnectionString);

    /// <summary>
    /// The pool grain state is read and written through (<see cref="Storage.PostgresGrainStorage"/>). Its few statements
    /// have fixed texts, take whole batches as arrays and find rows by key, so they are prepared on each connection once
    /// used a few times: a commit no longer pays PostgreSQL's parse and plan of its state write, ledger and sale rows
    /// (measured: ~30 % less database CPU per commit, docs/database.md "Prepared statements"). The shared pool stays
    /// unprepared, because a prepared report query could be held to a generic plan that suits only some date ranges.
    /// A connection string that sets <c>Max Auto Prepare</c> itself is obeyed, 0 included (a transaction-mode pooler).
    /// </summary>
    public static NpgsqlDataSource CreateGrainStateDataSource(string connectionString)
    {
        var builder = PooledBuilder(connectionString);
        if (!Sets(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 32;
        }
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    private static NpgsqlConnectionStringBuilder PooledBuilder(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(connectionString, "Maximum Pool Size", "Max Pool Size", "MaxPoolSize"))
        {
            builder.MaxPoolSize = 50;
        }
        return builder;
    }

    // Whether the operator wrote the keyword (in any of its spellings), whatever its value: Npgsql's own builder cannot
    // tell an explicit 0 from its default.
    private static bool Sets(string connectionString, params string[] keywords)
    {
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return keywords.Any(written.ContainsKey);
    }
}
