using Npgsql;

namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

/// <summary>The PostgreSQL server the integration tests run against, and throw-away databases on it.</summary>
internal static class TestPostgres
{
    public const string EnvironmentVariable = "LOYALTY_TEST_POSTGRES";

    /// <summary>Connection string from LOYALTY_TEST_POSTGRES; its role must be allowed to CREATE DATABASE.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set. Start PostgreSQL (deploy/postgres.sh start <datadir> <port>) and export " +
                $"{EnvironmentVariable}='Host=127.0.0.1;Port=<port>;Username=loyalty;Password=loyalty;Database=loyalty' " +
                "(tests/run.sh does both).");

    /// <summary>Creates an empty database <c>loyalty_test_&lt;guid&gt;</c>; disposing the result drops it.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync()
    {
        var admin = AdminConnectionString;
        var name = $"loyalty_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase(name, connectionString, admin);
    }
}
