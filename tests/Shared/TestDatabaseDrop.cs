using Npgsql;

namespace OrleansLoyalty.Tests.Shared;

/// <summary>Drops a test database at the end of its tests (compiled into each test project that creates some).</summary>
internal static class TestDatabaseDrop
{
    public static async Task DropAsync(string adminConnectionString, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        try
        {
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
        catch (PostgresException denied) when (denied.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            // FORCE may not terminate an autovacuum worker busy in the database (it has no role this one may
            // signal); a plain DROP cancels autovacuum by itself, and nothing else is connected any more.
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS \"{name}\"");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
