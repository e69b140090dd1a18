using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Configuration;

namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

[Collection(OrleansPostgresCollection.Name)]
public sealed class ClusterMembershipTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Two_silos_on_postgres_form_one_cluster_and_a_client_reaches_grains_on_both()
    {
        var identity = TestClusterIdentity.New();
        await using var first = await TestSiloHost.StartAsync(database.ConnectionString, identity);
        await using var second = await TestSiloHost.StartAsync(database.ConnectionString, identity);

        await Eventually.WaitAsync(
            () => ActiveSilos(first).Count == 2 && ActiveSilos(second).Count == 2, Patience,
            "both silos to see two active silos");
        await using var client = await TestClientHost.StartAsync(database.ConnectionString, identity);

        var hosts = await Task.WhenAll(Enumerable.Range(0, 60)
            .Select(_ => client.Client.GetGrain<IWhereAmIGrain>(Guid.NewGuid()).Silo()));

        Assert.Equal(
            new[] { first.Address.ToString(), second.Address.ToString() }.Order(),
            hosts.Distinct().Order());
        Assert.Equal(2L, await database.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM orleans_membership WHERE cluster_id = '{identity.ClusterId}' AND status = 3"));
    }

    [Fact]
    public async Task When_a_silo_dies_the_survivor_declares_it_dead_and_serves_its_grains()
    {
        var identity = TestClusterIdentity.New();
        var postgres = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var victimsLineToPostgres = new TcpProxy(new IPEndPoint(IPAddress.Loopback, postgres.Port));
        var victimsConnectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Port = victimsLineToPostgres.Port,
            Timeout = 2,
        }.ConnectionString;
        await using var survivor = await TestSiloHost.StartAsync(database.ConnectionString, identity);
        // Without its database the victim's own last status write would retry for MaxJoinAttemptTime.
        await using var victim = await TestSiloHost.StartAsync(victimsConnectionString, identity, silo =>
            silo.Configure<ClusterMembershipOptions>(options => options.MaxJoinAttemptTime = TimeSpan.FromSeconds(3)));
        await Eventually.WaitAsync(
            () => ActiveSilos(survivor).Count == 2 && ActiveSilos(victim).Count == 2, Patience,
            "both silos to see two active silos");
        await using var client = await TestClientHost.StartAsync(database.ConnectionString, identity);

        var grains = Enumerable.Range(0, 40).Select(_ => client.Client.GetGrain<IWhereAmIGrain>(Guid.NewGuid())).ToList();
        var placements = await Task.WhenAll(grains.Select(g => g.Silo()));
        var victimsGrains = grains.Where((_, i) => placements[i] == victim.Address.ToString()).ToList();
        Assert.NotEmpty(victimsGrains);
        var counter = client.Client.GetGrain<ICounterGrain>($"survives-{Guid.NewGuid():N}");
        Assert.Equal(1, await counter.Increment());

        // A crash: the victim loses the database first, so it cannot record its own death; the
        // survivor must find out by probing and vote it dead.
        var victimAddress = victim.Address;
        await victimsLineToPostgres.CutAsync();
        await victim.KillAsync();

        await Eventually.WaitAsync(
            () => Task.FromResult(StatusSeenBy(survivor, victimAddress)), status => status == SiloStatus.Dead, Patience,
            "the survivor to consider the stopped silo dead");
        var row = Assert.Single(await database.Database.RowsAsync(
            $"SELECT status, suspect_times FROM orleans_membership WHERE cluster_id = '{identity.ClusterId}' AND port = {victim.SiloPort}"));
        Assert.Equal(6, (int)row[0]!);
        Assert.StartsWith(survivor.Address.ToParsableString() + ",", (string)row[1]!);
        Assert.Single(ActiveSilos(survivor));

        var newHomes = await Eventually.WaitAsync(
            () => Task.WhenAll(victimsGrains.Select(g => g.Silo())),
            homes => homes.All(h => h == survivor.Address.ToString()), Patience,
            "the stopped silo's grains to answer from the survivor");
        Assert.All(newHomes, home => Assert.Equal(survivor.Address.ToString(), home));
        Assert.Equal(2, await counter.Increment());
    }

    private static List<SiloAddress> ActiveSilos(TestSiloHost silo) =>
        silo.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.Members.Values
            .Where(member => member.Status == SiloStatus.Active)
            .Select(member => member.SiloAddress)
            .ToList();

    private static SiloStatus StatusSeenBy(TestSiloHost observer, SiloAddress subject) =>
        observer.Services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.GetSiloStatus(subject);
}
