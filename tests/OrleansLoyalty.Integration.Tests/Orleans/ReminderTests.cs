namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

[Collection(OrleansPostgresCollection.Name)]
public sealed class ReminderTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_reminder_registered_before_a_full_restart_fires_after_it_without_the_grain_being_called()
    {
        var identity = TestClusterIdentity.New();
        var key = $"reminded-{Guid.NewGuid():N}";
        string siloBefore;
        await using (var before = await TestSiloHost.StartAsync(database.ConnectionString, identity))
        {
            siloBefore = before.Address.ToString();
            await before.GrainFactory.GetGrain<IReminderProbeGrain>(key).Start(TimeSpan.FromSeconds(1));
            await Eventually.WaitAsync(
                () => ReminderTicks.SilosThatTicked(key).Contains(siloBefore), Patience, "a first tick before the restart");
            await before.StopAsync();
        }

        Assert.Equal(1L, await database.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM orleans_reminder WHERE service_id = '{identity.ServiceId}'"));

        await using var after = await TestSiloHost.StartAsync(database.ConnectionString, identity);
        var siloAfter = after.Address.ToString();

        Assert.NotEqual(siloBefore, siloAfter);
        await Eventually.WaitAsync(
            () => ReminderTicks.SilosThatTicked(key).Contains(siloAfter), Patience, "a tick on the restarted cluster");
    }
}
