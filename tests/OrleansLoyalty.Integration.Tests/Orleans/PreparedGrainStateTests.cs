using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrleansLoyalty.Silo.Hosting;

namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

/// <summary>Grain state goes through a pool of its own whose statements are prepared; reports' shared pool is not.</summary>
[Collection(OrleansPostgresCollection.Name)]
public sealed class PreparedGrainStateTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task Grain_state_is_written_through_prepared_statements_and_reads_back_right_after_a_restart()
    {
        var identity = TestClusterIdentity.New();
        var key = $"prepared-{Guid.NewGuid():N}";
        await using (var silo = await TestSiloHost.StartAsync(database.ConnectionString, identity))
        {
            var grainState = silo.Services.GetRequiredKeyedService<NpgsqlDataSource>(PostgresOrleansExtensions.GrainStateDataSource);
            var shared = silo.Services.GetRequiredService<NpgsqlDataSource>();
            Assert.True(new NpgsqlConnectionStringBuilder(grainState.ConnectionString).MaxAutoPrepare > 0);
            Assert.Equal(0, new NpgsqlConnectionStringBuilder(shared.ConnectionString).MaxAutoPrepare);

            await IncrementTwentyTimes(silo.GrainFactory.GetGrain<ICounterGrain>(key));
            Assert.True(await StateStatementsPreparedOn(grainState) > 0, "the state write is prepared on the grain-state pool's connections");
            await silo.StopAsync();
        }

        await using var after = await TestSiloHost.StartAsync(database.ConnectionString, identity);
        Assert.Equal(20, await after.GrainFactory.GetGrain<ICounterGrain>(key).Get());
    }

    /// <summary>Twenty saves: well past the uses after which Npgsql prepares a statement on its connection.</summary>
    private static async Task IncrementTwentyTimes(ICounterGrain counter)
    {
        for (var i = 0; i < 20; i++)
        {
            await counter.Increment();
        }
    }

    /// <summary>
    /// Prepared statements live in their connection's session: take every idle connection of the pool at once (plus new
    /// ones) and count the grain-state statements prepared on any of them.
    /// </summary>
    private static async Task<long> StateStatementsPreparedOn(NpgsqlDataSource pool)
    {
        var connections = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => pool.OpenConnectionAsync().AsTask()));
        var prepared = 0L;
        foreach (var connection in connections)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%loyalty_grain_state%'", connection);
            prepared += (long)(await command.ExecuteScalarAsync())!;
        }
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
        return prepared;
    }

    [Theory]
    [InlineData("Max Auto Prepare=7", 7)]
    [InlineData("MaxAutoPrepare=7", 7)]
    // What docs/database.md tells an operator behind a transaction-mode pooler to write.
    [InlineData("Max Auto Prepare=0", 0)]
    [InlineData("max auto prepare=0", 0)]
    public void A_connection_string_that_sets_its_own_preparation_is_obeyed(string setting, int expected)
    {
        using var chosen = DatabaseConnection.CreateGrainStateDataSource(database.ConnectionString + ";" + setting);
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(chosen.ConnectionString).MaxAutoPrepare);
    }

    [Fact]
    public async Task Grain_state_behind_a_pooler_that_forbids_preparing_prepares_nothing_and_still_saves()
    {
        var identity = TestClusterIdentity.New();
        var key = $"unprepared-{Guid.NewGuid():N}";
        var connectionString = database.ConnectionString + ";Max Auto Prepare=0";
        await using var silo = await TestSiloHost.StartAsync(connectionString, identity);
        var counter = silo.GrainFactory.GetGrain<ICounterGrain>(key);
        await IncrementTwentyTimes(counter);
        var grainState = silo.Services.GetRequiredKeyedService<NpgsqlDataSource>(PostgresOrleansExtensions.GrainStateDataSource);
        Assert.Equal(0, await StateStatementsPreparedOn(grainState));
        Assert.Equal(20, await counter.Get());
    }
}
