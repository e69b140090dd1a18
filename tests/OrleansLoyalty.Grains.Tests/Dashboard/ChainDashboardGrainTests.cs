using OrleansLoyalty.Contracts.Dashboard;

namespace OrleansLoyalty.Grains.Tests.Dashboard;

[Collection(DashboardClusterCollection.Name)]
public sealed class ChainDashboardGrainTests(DashboardClusterFixture fixture)
{
    private DateTimeOffset Now => fixture.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));

    [Fact]
    public async Task The_chain_sums_its_stores_and_ranks_them()
    {
        var chain = fixture.Client.GetGrain<IChainDashboardGrain>(DashboardScopes.ChainKey);
        var sale1 = Sales.Checkout("c-north", "t1", 30_000, Now, member: "m1", tier: "gold");
        var sale2 = Sales.Checkout("c-south", "t1", 50_000, Now);
        fixture.History.Commit(sale1, sale2);
        await fixture.PublishAsync(sale1);
        await fixture.PublishAsync(sale2);

        var s = await Eventually.Until(chain.GetSnapshotAsync,
            s => s.Stores.Any(r => r.StoreId == "c-north") && s.Stores.Any(r => r.StoreId == "c-south"), "both stores");

        var north = s.Stores.Single(r => r.StoreId == "c-north");
        var south = s.Stores.Single(r => r.StoreId == "c-south");
        Assert.Equal(30_000, north.NetSales);
        Assert.Equal(50_000, south.NetSales);
        Assert.True(s.Stores.ToList().IndexOf(south) < s.Stores.ToList().IndexOf(north), "the bigger store ranks first");
        Assert.Equal(s.Stores.Sum(r => r.NetSales), s.Figures.NetSales);
        Assert.Equal(DashboardScopes.Chain, s.Scope);

        // The chain grain lost: it asks the stores active today again.
        await fixture.Cluster.DeactivateAsync(chain);
        var after = await chain.GetSnapshotAsync();
        Assert.Equal(30_000, after.Stores.Single(r => r.StoreId == "c-north").NetSales);
        Assert.Equal(50_000, after.Stores.Single(r => r.StoreId == "c-south").NetSales);
    }
}
