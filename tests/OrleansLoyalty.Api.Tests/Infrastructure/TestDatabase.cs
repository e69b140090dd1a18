using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OrleansLoyalty.Database;
using OrleansLoyalty.Tests.Shared;

namespace OrleansLoyalty.Api.Tests.Infrastructure;

/// <summary>A fresh, migrated database on the test PostgreSQL that tests/run.sh starts; dropped at the end.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;

    private TestDatabase(string adminConnectionString, string name, string connectionString)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable("LOYALTY_TEST_POSTGRES")
            ?? throw new InvalidOperationException("LOYALTY_TEST_POSTGRES is not set: run the tests with tests/run.sh, which starts PostgreSQL.");
        var name = "loyalty_api_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
        await SchemaMigrator.ApplyAsync(connectionString, NullLogger.Instance, CancellationToken.None);
        return new TestDatabase(admin, name, connectionString);
    }

    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (n, v) in parameters)
        {
            command.Parameters.AddWithValue(n, v);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync() => await TestDatabaseDrop.DropAsync(_adminConnectionString, Name);
}
