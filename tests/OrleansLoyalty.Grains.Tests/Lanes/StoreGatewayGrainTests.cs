using OrleansLoyalty.Contracts.Events;
using OrleansLoyalty.Contracts.Lanes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansLoyalty.Grains.Lanes;
using OrleansLoyalty.Grains.Tests.Dashboard;

namespace OrleansLoyalty.Grains.Tests.Lanes;

/// <summary>
/// A store's lanes show online while its gateway's heartbeat comes and offline once it falls silent (the store cut
/// off from the cluster), as the store's dashboard is told. The silence is made with the fake clock.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StoreGatewayGrainTests(LoyaltyClusterFixture fixture) : IDisposable
{
    public void Dispose() => fixture.Clock.Travel(TimeSpan.Zero);

    private List<(string Lane, bool Online)> Changes(string store) =>
        [.. fixture.Events.Events.OfType<LaneStatusChanged>().Where(e => e.StoreId == store).Select(e => (e.LaneId, e.Online))];

    private Task<List<(string Lane, bool Online)>> Until(string store, int count, string what) =>
        Eventually.Until(() => Task.FromResult(Changes(store)), changes => changes.Count >= count, what);

    [Fact]
    public async Task Lanes_go_offline_when_their_gateway_falls_silent_and_online_when_it_is_back()
    {
        var store = "gw-" + Guid.NewGuid().ToString("N")[..8];
        var gateway = fixture.Client.GetGrain<IStoreGatewayGrain>(store);
        // A lane that takes its first event makes itself known to its store's gateway grain.
        await fixture.Client.GetGrain<ILaneGrain>(LaneKeys.Of(store, "01")).GetDisplay();
        await gateway.Heartbeat();
        await gateway.LaneSeen("02");

        var online = await Until(store, 2, "both lanes online");
        Assert.Equal([("01", true), ("02", true)], online.Order());

        await gateway.Heartbeat();
        fixture.Clock.Travel(TimeSpan.FromSeconds(11));
        var afterSilence = await Until(store, 4, "both lanes offline after 11 s without a heartbeat");
        Assert.Equal([("01", false), ("02", false)], afterSilence.Skip(2).Order());

        await gateway.Heartbeat();
        var back = await Until(store, 6, "both lanes online again");
        Assert.Equal([("01", true), ("02", true)], back.Skip(4).Order());
        Assert.Equal(6, Changes(store).Count);
    }

    [Fact]
    public async Task Lanes_known_before_the_grain_was_deactivated_are_still_reported()
    {
        var store = "gw-" + Guid.NewGuid().ToString("N")[..8];
        var gateway = fixture.Client.GetGrain<IStoreGatewayGrain>(store);
        await gateway.LaneSeen("07");
        await Eventually.Until(() => StoredLanes(gateway), lanes => lanes.Contains("07"), "lane 07 kept in the grain's state");

        // As after a silo restart: the grain comes back from its state (the lane's own grain is not asked again).
        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await gateway.Heartbeat();
        await Until(store, 1, "lane 07 online at the first heartbeat");
        fixture.Clock.Travel(TimeSpan.FromSeconds(11));
        var offline = await Until(store, 2, "lane 07 offline after the silence");

        Assert.Equal([("07", true), ("07", false)], offline);
    }

    private async Task<HashSet<string>> StoredLanes(IStoreGatewayGrain gateway)
    {
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>("loyalty");
        var stored = new GrainState<StoreGatewayState>(new StoreGatewayState());
        await storage.ReadStateAsync("storeGateway", gateway.GetGrainId(), stored);
        return stored.State?.Lanes ?? [];
    }
}
