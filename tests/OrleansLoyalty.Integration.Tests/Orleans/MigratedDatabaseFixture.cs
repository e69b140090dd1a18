using Microsoft.Extensions.Logging.Abstractions;
using OrleansLoyalty.Database;

namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

/// <summary>A fresh database per test class with every embedded migration applied.</summary>
public sealed class MigratedDatabaseFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    internal TestDatabase Database => _database ?? throw new InvalidOperationException("Fixture not initialised.");

    public string ConnectionString => Database.ConnectionString;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync();
        await SchemaMigrator.ApplyAsync(_database.ConnectionString, NullLogger.Instance, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
