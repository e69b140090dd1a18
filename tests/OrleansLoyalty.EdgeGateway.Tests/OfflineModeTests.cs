using OrleansLoyalty.EdgeGateway.Tests.Infrastructure;

namespace OrleansLoyalty.EdgeGateway.Tests;

[Collection(MqttCollection.Name)]
public sealed class OfflineModeTests
{
    [Fact]
    public async Task Lanes_keep_selling_offline_and_the_cluster_gets_every_event_once_when_back()
    {
        using var setup = new GatewaySetup(TestBroker.StoreA);
        await using var gateway = await InProcessGateway.StartAsync(setup);
        await using var lane = await DeviceClient.ConnectAsync(setup.StoreId, "04");
        var card = Payloads.NewId("card");
        await lane.PublishAsync("card", Payloads.Card(card, "8800012345"));
        await lane.WaitForAsync("display", d => d.Json.GetProperty("mode").GetString() == "online");

        setup.Backend.Available = false;
        var yogurt = Payloads.NewId("yogurt");
        var banana = Payloads.NewId("banana");
        var pay = Payloads.NewId("pay");
        var txn = Payloads.NewId("txn");
        await lane.PublishAsync("scan", Payloads.Scan(yogurt, TestCatalog.Yogurt, qty: 2));
        await lane.PublishAsync("scan", Payloads.Weighed(banana, TestCatalog.Banana, grams: 1000));
        var offline = await lane.WaitForAsync("display", d => d.Json.GetProperty("lines").GetArrayLength() == 2);
        Assert.Equal("offline", offline.Json.GetProperty("mode").GetString());
        // The gold member seen online keeps the tier's 95折 offline, after the public 10 % off fruit:
        // yogurt 2 × 12.50 − 1.25 = 23.75; bananas 6.98 − 0.70 = 6.28, − 0.31 = 5.97; total 29.72.
        Assert.Equal(2972, offline.Json.GetProperty("total").GetInt64());
        Assert.Equal(["campaign:fruit10", "tier:gold"], offline.Json.GetProperty("discounts").EnumerateArray().Select(d => d.GetProperty("ruleId").GetString()));
        Assert.Equal("张*", offline.Json.GetProperty("member").GetProperty("displayName").GetString());

        var coupon = Payloads.NewId("coupon");
        await lane.PublishAsync("pos", Payloads.Coupon(coupon, "C-ANY"));
        var couponError = await lane.WaitForAsync("error", e => e.EventId == coupon);
        Assert.Equal("offline.unavailable", couponError.Json.GetProperty("code").GetString());

        await lane.PublishAsync("pos", Payloads.Pay(pay, txn, 2972));
        var offlineReceipt = await lane.WaitForAsync("receipt");
        Assert.Equal("offline", offlineReceipt.Json.GetProperty("mode").GetString());
        Assert.Equal(2972, offlineReceipt.Json.GetProperty("total").GetInt64());
        Assert.Equal([card], setup.Backend.Applied("04"));

        setup.Backend.Available = true;
        var settled = await WaitWhileNudging(gateway, lane, "receipt", r => r.Json.GetProperty("settledFromOffline").GetBoolean());
        Assert.Equal("online", settled.Json.GetProperty("mode").GetString());
        Assert.Equal(29, settled.Json.GetProperty("pointsEarned").GetInt64());
        Assert.Equal([card, yogurt, banana, pay], setup.Backend.Applied("04"));
        var payReplayed = setup.Backend.Received("04").Single(e => e.EventId == pay);
        Assert.Equal(2972, payReplayed.OfflineSale?.Total);
        await lane.WaitForAsync("display", d => d.Json.GetProperty("mode").GetString() == "online" && d.Json.GetProperty("seq").GetInt64() > offline.Json.GetProperty("seq").GetInt64());
        Assert.Equal(0, gateway.Journal.PendingCount);
    }

    [Fact]
    public async Task Offline_events_survive_a_restart_and_are_replayed_once()
    {
        using var setup = new GatewaySetup(TestBroker.StoreB);
        await using var lane = await DeviceClient.ConnectAsync(setup.StoreId, "02");
        setup.Backend.Available = false;
        var scans = Enumerable.Range(0, 3).Select(i => Payloads.NewId($"off{i}")).ToList();
        await using (var first = await InProcessGateway.StartAsync(setup))
        {
            foreach (var id in scans)
            {
                await lane.PublishAsync("scan", Payloads.Scan(id, TestCatalog.Rice));
            }
            await lane.WaitForAsync("display", d => d.Json.GetProperty("lines").GetArrayLength() == 3);
        }
        Assert.Empty(setup.Backend.Applied("02"));

        setup.Backend.Available = true;
        await using var second = await InProcessGateway.StartAsync(setup);
        await Eventually.UntilAsync(() => setup.Backend.Applied("02").Count == 3, "the replay", second.NudgeProbe);
        Assert.Equal(scans, setup.Backend.Applied("02"));
        Assert.Equal(scans, setup.Backend.Received("02").Select(e => e.EventId));
        await Eventually.UntilAsync(() => second.Journal.PendingCount == 0, "nothing left owed");
    }

    private static async Task<ReceivedMessage> WaitWhileNudging(InProcessGateway gateway, DeviceClient lane, string suffix, Func<ReceivedMessage, bool> match)
    {
        ReceivedMessage? found = null;
        await Eventually.UntilAsync(() => (found = lane.Of(suffix).FirstOrDefault(match)) is not null, $"a {suffix}", gateway.NudgeProbe);
        return found!;
    }
}
