using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using OrleansLoyalty.Contracts.Dashboard;
using OrleansLoyalty.Contracts.Events;

namespace OrleansLoyalty.Grains.Tests.Dashboard;

[Collection(DashboardClusterCollection.Name)]
public sealed class StoreDashboardGrainTests(DashboardClusterFixture fixture)
{
    private DateTimeOffset Now => fixture.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));

    private Task<DashboardSnapshot> SnapshotWhen(string store, Func<DashboardSnapshot, bool> done, string what) =>
        Eventually.Until(() => fixture.Client.GetGrain<IStoreDashboardGrain>(store).GetSnapshotAsync(), done, what);

    [Fact]
    public async Task Committed_checkouts_show_in_the_store_figures()
    {
        const string store = "s-commits";
        await fixture.PublishAsync(Sales.Checkout(store, "t1", 10_000, Now, member: "m1", tier: "gold",
            categories: new Dictionary<string, long> { ["食品"] = 6_000, ["日用品"] = 4_000 }));
        await fixture.PublishAsync(Sales.Checkout(store, "t2", 5_000, Now, lane: "02"));

        var s = await SnapshotWhen(store, s => s.Figures.Transactions == 2, "two transactions");

        Assert.Equal(15_000, s.Figures.NetSales);
        Assert.Equal(7_500, s.Figures.AverageBasket);
        Assert.Equal(6_666, s.Figures.MemberShareBasisPoints); // 100.00 of 150.00 from members
        Assert.Equal(100, s.Figures.PointsIssued);
        Assert.Equal(200, s.Figures.DiscountTotal);
        Assert.Equal(2, s.Figures.LanesOnline);
        Assert.Equal(new CategorySales("食品", 11_000), s.TopCategories[0]);
        Assert.Equal(new CategorySales("日用品", 4_000), s.TopCategories[1]);
        Assert.Equal(new TierSales("gold", 1, 10_000), Assert.Single(s.TierMix));
        Assert.Equal(60, s.Minutes.Count);
        Assert.Equal(15_000, s.Minutes[^1].NetSales);
        Assert.Equal(new DateOnly(2026, 11, 22), s.Date);
        Assert.Equal(["sale:t2", "sale:t1"], s.Activity.Select(a => a.Id));
    }

    [Fact]
    public async Task A_return_takes_back_sales_points_and_category_figures()
    {
        const string store = "s-returns";
        await fixture.PublishAsync(Sales.Checkout(store, "t1", 8_000, Now, member: "m1"));
        await fixture.PublishAsync(Sales.Return(store, "r1", 3_000, Now, member: "m1"));

        var s = await SnapshotWhen(store, s => s.Figures.Returns == 1, "the return");

        Assert.Equal(5_000, s.Figures.NetSales);
        Assert.Equal(8_000, s.Figures.GrossSales);
        Assert.Equal(3_000, s.Figures.Refunds);
        Assert.Equal(1, s.Figures.Transactions);
        Assert.Equal(50, s.Figures.PointsIssued);
        Assert.Equal(5_000, s.TopCategories.Single().NetSales);
        Assert.Equal(5_000, s.Minutes[^1].NetSales);
    }

    [Fact]
    public async Task The_same_transaction_published_twice_counts_once()
    {
        const string store = "s-repeat";
        var sale = Sales.Checkout(store, "t1", 1_000, Now);
        await fixture.PublishAsync(sale);
        await fixture.PublishAsync(sale);
        await fixture.PublishAsync(Sales.Checkout(store, "t2", 2_000, Now));

        var s = await SnapshotWhen(store, s => s.Activity.Any(a => a.Id == "sale:t2"), "the second sale");

        Assert.Equal(2, s.Figures.Transactions);
        Assert.Equal(3_000, s.Figures.NetSales);
    }

    [Fact]
    public async Task A_sale_and_its_coupons_published_as_one_batch_all_show()
    {
        const string store = "s-batch";
        await fixture.PublishAsync(
        [
            Sales.Checkout(store, "t1", 4_000, Now, member: "m1"),
            new CouponRedeemed { StoreId = store, TxnId = "t1", TemplateId = "signup-10-off-50", MemberId = "m1", Amount = 1_000, At = Now },
        ]);

        var s = await SnapshotWhen(store, s => s.Activity.Count == 2, "the sale and its coupon");

        Assert.Equal(4_000, s.Figures.NetSales);
        Assert.Equal(["coupon", "sale"], s.Activity.Select(a => a.Kind).Order());
        Assert.Equal("signup-10-off-50", s.Activity.Single(a => a.Kind == "coupon").Detail);
    }

    [Fact]
    public async Task Sales_published_at_once_by_many_lanes_of_many_stores_all_show_in_their_own_store()
    {
        var stores = Enumerable.Range(1, 8).Select(i => $"s-rush-{i}").ToArray();

        // Many checkouts finishing at the same moment share enqueues; no store may lose or borrow a sale.
        await Task.WhenAll(stores.SelectMany(store => Enumerable.Range(1, 40).Select(n =>
            Task.Run(() => fixture.PublishAsync(Sales.Checkout(store, $"{store}-t{n}", 100 * n, Now))))));

        foreach (var store in stores)
        {
            var s = await SnapshotWhen(store, s => s.Figures.Transactions == 40, $"40 sales of {store}");
            Assert.Equal(100 * (40 * 41 / 2), s.Figures.NetSales);
        }
    }

    [Fact]
    public async Task Registrations_top_ups_and_lane_changes_show()
    {
        const string store = "s-other";
        await fixture.PublishAsync(new MemberRegistered { StoreId = store, MemberId = "m9", Tier = "bronze", At = Now });
        await fixture.PublishAsync(new StoredValueToppedUp { StoreId = store, TxnId = "u1", CardNoMasked = "8800****2345", Amount = 50_000, At = Now });
        await fixture.PublishAsync(Sales.Checkout(store, "t1", 1_000, Now, lane: "03"));
        await fixture.PublishAsync(new LaneStatusChanged { StoreId = store, LaneId = "03", Online = false, At = Now.AddSeconds(1) });
        await fixture.PublishAsync(new LaneStatusChanged { StoreId = store, LaneId = "04", Online = true, At = Now.AddSeconds(1) });

        var s = await SnapshotWhen(store, s => s.Lanes.Count == 2, "two lanes");

        Assert.Equal(1, s.Figures.NewMembers);
        Assert.Equal(50_000, s.Figures.StoredValueToppedUp);
        Assert.Equal(1, s.Figures.LanesOnline);
        Assert.Equal(2, s.Figures.LanesTotal);
        Assert.False(s.Lanes.Single(l => l.LaneId == "03").Online);
        Assert.Equal(1_000, s.Lanes.Single(l => l.LaneId == "03").NetSales);
    }

    [Fact]
    public async Task Figures_are_rebuilt_from_history_after_the_grain_is_lost()
    {
        const string store = "s-restart";
        var sale1 = Sales.Checkout(store, "t1", 4_000, Now, member: "m1");
        var sale2 = Sales.Checkout(store, "t2", 6_000, Now);
        var refund = Sales.Return(store, "r1", 1_000, Now);
        var yesterday = Sales.Checkout(store, "old", 99_000, Now.AddDays(-1));
        fixture.History.Commit(sale1, sale2, refund, yesterday);
        foreach (var e in new LoyaltyEvent[] { sale1, sale2, refund })
        {
            await fixture.PublishAsync(e);
        }
        var grain = fixture.Client.GetGrain<IStoreDashboardGrain>(store);
        var before = await SnapshotWhen(store, s => s.Figures.Returns == 1, "all three events");

        await fixture.Cluster.DeactivateAsync(grain);
        var after = await grain.GetSnapshotAsync();

        Assert.NotEqual(before.Epoch, after.Epoch);
        Assert.Equal(before.Figures, after.Figures);
        Assert.Equal(9_000, after.Figures.NetSales);
        Assert.Equal(before.TopCategories, after.TopCategories);
        Assert.Equal(before.Minutes[^1], after.Minutes[^1]);

        // A late copy of an event the history already holds must not count again.
        await fixture.PublishAsync(sale2);
        await fixture.PublishAsync(Sales.Checkout(store, "t3", 500, Now));
        var later = await SnapshotWhen(store, s => s.Activity.Any(a => a.Id == "sale:t3"), "the sale after the restart");
        Assert.Equal(9_500, later.Figures.NetSales);
        Assert.Equal(3, later.Figures.Transactions);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Store_updates_reach_a_subscriber_on_the_dashboard_stream(bool coHostedApi)
    {
        // The api either runs in the silo's process (its client is the silo's own) or beside the cluster.
        var store = coHostedApi ? "s-stream-cohosted" : "s-stream-external";
        var client = coHostedApi
            ? fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IClusterClient>()
            : fixture.Client;
        var received = new System.Collections.Concurrent.ConcurrentQueue<DashboardUpdate>();
        var stream = client.GetStreamProvider(LoyaltyStreams.ProviderName)
            .GetStream<DashboardUpdate>(StreamId.Create(LoyaltyStreams.DashboardUpdatesNamespace, store));
        var handle = await stream.SubscribeAsync((u, _) => { received.Enqueue(u); return Task.CompletedTask; });
        try
        {
            await fixture.PublishAsync(Sales.Checkout(store, "t1", 1_234, Now));

            var update = await Eventually.Until(() => Task.FromResult(received.LastOrDefault()),
                u => u?.Figures.NetSales == 1_234, "an update with the sale");

            Assert.Equal(store, update!.StoreId);
            Assert.Contains(update.Activity, a => a.Id == "sale:t1");
            Assert.Equal(1_234, update.Minutes.Single().NetSales);
        }
        finally
        {
            await handle.UnsubscribeAsync();
        }
    }
}
