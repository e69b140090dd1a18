using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.MembershipService;
using OrleansLoyalty.Silo.Hosting;

namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

/// <summary>Orleans' own membership table provider against our query texts: version checks must hold.</summary>
[Collection(OrleansPostgresCollection.Name)]
public sealed class MembershipTableConcurrencyTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task A_membership_insert_or_update_based_on_a_stale_table_version_is_refused()
    {
        var table = await OpenTableAsync();
        var empty = await table.ReadAllAsync();
        Assert.Empty(empty.Members);

        Assert.True(await table.InsertRowAsync(Entry(port: 1001, SiloStatus.Joining), empty.Version.Next()));
        Assert.False(await table.InsertRowAsync(Entry(port: 1002, SiloStatus.Joining), empty.Version.Next()));

        var afterInsert = await table.ReadAllAsync();
        var (row, etag) = Assert.Single(afterInsert.Members);
        Assert.Equal(empty.Version.Version + 1, afterInsert.Version.Version);

        row.Status = SiloStatus.Active;
        Assert.True(await table.UpdateRowAsync(row, etag, afterInsert.Version.Next()));
        row.Status = SiloStatus.Dead;
        Assert.False(await table.UpdateRowAsync(row, etag, afterInsert.Version.Next()));

        var final = await table.ReadAllAsync();
        Assert.Equal(SiloStatus.Active, Assert.Single(final.Members).Item1.Status);
        Assert.Equal(afterInsert.Version.Version + 1, final.Version.Version);
    }

    [Fact]
    public async Task Inserting_a_silo_twice_fails_without_moving_the_table_version()
    {
        var table = await OpenTableAsync();
        var start = await table.ReadAllAsync();
        Assert.True(await table.InsertRowAsync(Entry(port: 2001, SiloStatus.Active), start.Version.Next()));
        var current = await table.ReadAllAsync();

        Assert.False(await table.InsertRowAsync(Entry(port: 2001, SiloStatus.Active), current.Version.Next()));

        Assert.Equal(current.Version.Version, (await table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task Row_read_heartbeat_and_death_votes_round_trip()
    {
        var table = await OpenTableAsync();
        var entry = Entry(port: 3001, SiloStatus.Active);
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));

        var later = entry.IAmAliveTime.AddSeconds(30);
        entry.IAmAliveTime = later;
        await table.UpdateIAmAliveAsync(entry);
        var read = await table.ReadRowAsync(entry.SiloAddress);
        var (stored, etag) = Assert.Single(read.Members);
        Assert.Equal(later, stored.IAmAliveTime);

        var voter = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, 3999), 7);
        stored.AddOrUpdateSuspector(voter, later, 2);
        Assert.True(await table.UpdateRowAsync(stored, etag, read.Version.Next()));
        var voted = Assert.Single((await table.ReadRowAsync(entry.SiloAddress)).Members).Item1;
        Assert.NotNull(voted.SuspectTimes);
        Assert.Equal(voter, Assert.Single(voted.SuspectTimes).Item1);
    }

    [Fact]
    public async Task Defunct_cleanup_removes_only_long_dead_silos()
    {
        var table = await OpenTableAsync();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var longDead = Entry(port: 4001, SiloStatus.Dead, lastAlive: now.AddDays(-3));
        var recentlyDead = Entry(port: 4002, SiloStatus.Dead, lastAlive: now.AddMinutes(-5));
        var quietButActive = Entry(port: 4003, SiloStatus.Active, lastAlive: now.AddDays(-3));
        foreach (var entry in new[] { longDead, recentlyDead, quietButActive })
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        }

        await table.CleanupDefunctSiloEntriesAsync(now.AddDays(-1));

        var ports = (await table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress.Endpoint.Port).Order();
        Assert.Equal([4002, 4003], ports);
    }

    private async Task<AdoNetClusteringTable> OpenTableAsync()
    {
        var table = new AdoNetClusteringTable(
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = $"table-{Guid.NewGuid():N}", ServiceId = "membership-tests" }),
            Options.Create(new AdoNetClusteringSiloOptions
            {
                Invariant = PostgresOrleansExtensions.NpgsqlInvariant,
                ConnectionString = database.ConnectionString,
            }),
            NullLogger<AdoNetClusteringTable>.Instance);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        return table;
    }

    private static MembershipEntry Entry(int port, SiloStatus status, DateTime? lastAlive = null)
    {
        var alive = lastAlive ?? TimeProvider.System.GetUtcNow().UtcDateTime;
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 1),
            Status = status,
            SiloName = $"silo-{port}",
            HostName = "test-host",
            ProxyPort = port + 10000,
            // PostgreSQL keeps microseconds; whole seconds make round-trip comparisons exact.
            StartTime = alive.AddTicks(-(alive.Ticks % TimeSpan.TicksPerSecond)).AddMinutes(-1),
            IAmAliveTime = alive.AddTicks(-(alive.Ticks % TimeSpan.TicksPerSecond)),
        };
    }
}
