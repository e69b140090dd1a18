using OrleansLoyalty.EdgeGateway.Tests.Infrastructure;

namespace OrleansLoyalty.EdgeGateway.Tests;

[Collection(MqttCollection.Name)]
public sealed class LaneStoryTests
{
    [Fact]
    public async Task A_shopper_swipes_scans_uses_a_coupon_and_pays()
    {
        using var setup = new GatewaySetup(TestBroker.StoreA);
        await using var gateway = await InProcessGateway.StartAsync(setup);
        await using var lane = await DeviceClient.ConnectAsync(setup.StoreId, "01");

        await lane.PublishAsync("card", Payloads.Card(Payloads.NewId("c"), "8800012345"));
        await lane.PublishAsync("scan", Payloads.Scan(Payloads.NewId("s"), TestCatalog.Rice));
        await lane.PublishAsync("scan", Payloads.Scan(Payloads.NewId("s"), TestCatalog.Yogurt, qty: 2));
        var unknown = Payloads.NewId("u");
        await lane.PublishAsync("scan", Payloads.Scan(unknown, "0000000000000"));
        var usedCoupon = Payloads.NewId("used");
        await lane.PublishAsync("pos", Payloads.Coupon(usedCoupon, FakeLaneBackend.UsedCoupon));
        await lane.PublishAsync("pos", Payloads.Coupon(Payloads.NewId("k"), "C-7KQ2-91XZ"));
        var total = TestCatalog.RicePrice + (2 * TestCatalog.YogurtPrice) - FakeLaneBackend.CouponValue;
        await lane.PublishAsync("pos", Payloads.Pay(Payloads.NewId("p"), "txn-story-1", total));

        var receipt = await lane.WaitForAsync("receipt");
        Assert.Equal("txn-story-1", receipt.Json.GetProperty("txnId").GetString());
        Assert.Equal(total, receipt.Json.GetProperty("total").GetInt64());
        Assert.Equal(total / 100, receipt.Json.GetProperty("pointsEarned").GetInt64());
        Assert.Equal("online", receipt.Json.GetProperty("mode").GetString());

        await Eventually.UntilAsync(() => lane.Of("display").Count == 5, "five displays");
        var displays = lane.Of("display").Select(d => d.Json).ToList();
        Assert.Equal([1L, 2L, 3L, 4L, 5L], displays.Select(d => d.GetProperty("seq").GetInt64()));
        Assert.Equal([0L, 5990L, 8490L, 7990L, 0L], displays.Select(d => d.GetProperty("total").GetInt64()));
        Assert.Equal("gold", displays[0].GetProperty("member").GetProperty("tier").GetString());

        var errors = lane.Of("error").ToDictionary(e => e.EventId!, e => e.Json.GetProperty("code").GetString());
        Assert.Equal("catalog.unknown_item", errors[unknown]);
        Assert.Equal("coupon.already_redeemed", errors[usedCoupon]);
    }

    [Fact]
    public async Task A_pay_refused_because_the_price_moved_shows_the_new_total_and_the_new_total_pays()
    {
        using var setup = new GatewaySetup(TestBroker.StoreA);
        await using var gateway = await InProcessGateway.StartAsync(setup);
        await using var lane = await DeviceClient.ConnectAsync(setup.StoreId, "02");

        await lane.PublishAsync("scan", Payloads.Scan(Payloads.NewId("s"), TestCatalog.Rice));
        var stalePay = Payloads.NewId("p");
        await lane.PublishAsync("pos", Payloads.Pay(stalePay, "txn-moved-1", TestCatalog.RicePrice - 100));

        var error = await lane.WaitForAsync("error");
        Assert.Equal(stalePay, error.EventId);
        Assert.Equal("tenders.mismatch", error.Json.GetProperty("code").GetString());
        await Eventually.UntilAsync(() => lane.Of("display").Count == 2, "the refused pay's display");
        var shown = lane.Of("display")[1].Json;
        Assert.Equal(2, shown.GetProperty("seq").GetInt64());
        Assert.Equal(TestCatalog.RicePrice, shown.GetProperty("total").GetInt64());

        await lane.PublishAsync("pos", Payloads.Pay(Payloads.NewId("p"), "txn-moved-2", TestCatalog.RicePrice));
        var receipt = await lane.WaitForAsync("receipt");
        Assert.Equal("txn-moved-2", receipt.Json.GetProperty("txnId").GetString());
        Assert.Equal(TestCatalog.RicePrice, receipt.Json.GetProperty("total").GetInt64());
    }
}
