using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansLoyalty.Silo.Hosting;

namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

[Collection(OrleansPostgresCollection.Name)]
public sealed class GrainStateTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private const string StateName = "etag-probe";

    [Fact]
    public async Task Grain_state_survives_a_full_cluster_restart()
    {
        var identity = TestClusterIdentity.New();
        var key = $"alice-{Guid.NewGuid():N}";
        await using (var before = await TestSiloHost.StartAsync(database.ConnectionString, identity))
        {
            var counter = before.GrainFactory.GetGrain<ICounterGrain>(key);
            await counter.Increment();
            await counter.Increment();
            Assert.Equal(3, await counter.Increment());
            await before.StopAsync();
        }

        await using var after = await TestSiloHost.StartAsync(database.ConnectionString, identity);

        Assert.Equal(3, await after.GrainFactory.GetGrain<ICounterGrain>(key).Get());
        Assert.Equal(4, await after.GrainFactory.GetGrain<ICounterGrain>(key).Increment());
    }

    [Fact]
    public async Task Stored_state_carries_no_clr_type_names_so_renaming_a_type_does_not_orphan_rows()
    {
        var identity = TestClusterIdentity.New();
        await using var silo = await TestSiloHost.StartAsync(database.ConnectionString, identity);
        await silo.GrainFactory.GetGrain<ICounterGrain>($"bob-{Guid.NewGuid():N}").Increment();

        var payload = await database.Database.ScalarAsync<byte[]>(
            $"SELECT payload FROM loyalty_grain_state WHERE service_id = '{identity.ServiceId}' AND state_name = '{CounterGrain.StateName}'");

        var text = Encoding.UTF8.GetString(payload);
        Assert.DoesNotContain(nameof(CounterState), text);
        Assert.DoesNotContain("OrleansLoyalty", text);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_the_stored_state_is_kept()
    {
        var identity = TestClusterIdentity.New();
        await using var silo = await TestSiloHost.StartAsync(database.ConnectionString, identity);
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(PostgresOrleansExtensions.LoyaltyStorage);
        var grainId = GrainId.Create("etag-probe-grain", Guid.NewGuid().ToString("N"));
        var writerA = new GrainState<CounterState>(new CounterState());
        var writerB = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync(StateName, grainId, writerA);
        await storage.ReadStateAsync(StateName, grainId, writerB);

        writerA.State = new CounterState { Value = 1, LastWriter = "A" };
        await storage.WriteStateAsync(StateName, grainId, writerA);
        writerB.State = new CounterState { Value = 100, LastWriter = "B" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, writerB));

        var reader = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync(StateName, grainId, reader);
        Assert.Equal("A", reader.State!.LastWriter);
        Assert.Equal(writerA.ETag, reader.ETag);

        // B catches up and wins the next round; now A is the stale one, for writes and for clears.
        await storage.ReadStateAsync(StateName, grainId, writerB);
        writerB.State!.Value = 2;
        writerB.State.LastWriter = "B";
        await storage.WriteStateAsync(StateName, grainId, writerB);
        writerA.State.Value = 99;
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, writerA));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grainId, writerA));

        await storage.ReadStateAsync(StateName, grainId, reader);
        Assert.Equal(2, reader.State.Value);
        Assert.Equal("B", reader.State.LastWriter);
    }

    [Fact]
    public async Task Of_two_first_writes_racing_for_a_new_grain_exactly_one_wins()
    {
        var identity = TestClusterIdentity.New();
        await using var silo = await TestSiloHost.StartAsync(database.ConnectionString, identity);
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(PostgresOrleansExtensions.LoyaltyStorage);
        var grainId = GrainId.Create("etag-probe-grain", Guid.NewGuid().ToString("N"));
        var writers = Enumerable.Range(0, 4)
            .Select(i => new GrainState<CounterState>(new CounterState { Value = i, LastWriter = $"W{i}" }))
            .ToList();

        var outcomes = await Task.WhenAll(writers.Select(async writer =>
        {
            try
            {
                await storage.WriteStateAsync(StateName, grainId, writer);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Equal(1, outcomes.Count(won => won));
        var reader = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync(StateName, grainId, reader);
        Assert.Equal(writers[Array.IndexOf(outcomes, true)].State!.LastWriter, reader.State!.LastWriter);
    }

    [Fact]
    public async Task Cleared_state_reads_as_absent_and_can_be_written_again()
    {
        var identity = TestClusterIdentity.New();
        await using var silo = await TestSiloHost.StartAsync(database.ConnectionString, identity);
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(PostgresOrleansExtensions.LoyaltyStorage);
        var grainId = GrainId.Create("etag-probe-grain", Guid.NewGuid().ToString("N"));
        var state = new GrainState<CounterState>(new CounterState { Value = 7 });
        await storage.WriteStateAsync(StateName, grainId, state);

        await storage.ClearStateAsync(StateName, grainId, state);
        var reader = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync(StateName, grainId, reader);
        Assert.False(reader.RecordExists);
        Assert.Equal(0, reader.State!.Value);

        state.State = new CounterState { Value = 8 };
        await storage.WriteStateAsync(StateName, grainId, state);
        await storage.ReadStateAsync(StateName, grainId, reader);
        Assert.True(reader.RecordExists);
        Assert.Equal(8, reader.State.Value);
    }

    [Fact]
    public async Task Writes_saved_together_in_one_group_commit_each_keep_their_own_etag_check()
    {
        var identity = TestClusterIdentity.New();
        await using var silo = await TestSiloHost.StartAsync(database.ConnectionString, identity);
        var storage = silo.Services.GetRequiredKeyedService<IGrainStorage>(PostgresOrleansExtensions.LoyaltyStorage);
        var grains = Enumerable.Range(0, 200).Select(_ => GrainId.Create("etag-probe-grain", Guid.NewGuid().ToString("N"))).ToList();
        var states = grains.Select(_ => new GrainState<CounterState>(new CounterState { Value = 1 })).ToList();
        await Task.WhenAll(grains.Select((g, i) => storage.WriteStateAsync(StateName, g, states[i])));
        var stale = new GrainState<CounterState>(new CounterState { Value = 666, LastWriter = "stale" }) { ETag = states[7].ETag };
        states[7].State!.Value = 2;
        await storage.WriteStateAsync(StateName, grains[7], states[7]);

        // 200 writers at once: the stale one is refused, every other one is saved.
        var writes = grains.Select((g, i) => i == 7
            ? storage.WriteStateAsync(StateName, g, stale)
            : storage.WriteStateAsync(StateName, g, new GrainState<CounterState>(new CounterState { Value = 10 + i }) { ETag = states[i].ETag })).ToList();
        await Assert.ThrowsAsync<InconsistentStateException>(() => writes[7]);
        await Task.WhenAll(writes.Where((_, i) => i != 7));

        var readers = grains.Select(_ => new GrainState<CounterState>(new CounterState())).ToList();
        await Task.WhenAll(grains.Select((g, i) => storage.ReadStateAsync(StateName, g, readers[i])));
        Assert.Equal(2, readers[7].State!.Value);
        Assert.All(Enumerable.Range(0, 200).Where(i => i != 7), i => Assert.Equal(10 + i, readers[i].State!.Value));
    }
}
