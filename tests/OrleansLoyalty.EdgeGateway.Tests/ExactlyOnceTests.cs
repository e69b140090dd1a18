using OrleansLoyalty.EdgeGateway.Tests.Infrastructure;

namespace OrleansLoyalty.EdgeGateway.Tests;

[Collection(MqttCollection.Name)]
public sealed class ExactlyOnceTests
{
    [Fact]
    public async Task The_same_event_published_twice_has_one_effect()
    {
        using var setup = new GatewaySetup(TestBroker.StoreA);
        await using var gateway = await InProcessGateway.StartAsync(setup);
        await using var lane = await DeviceClient.ConnectAsync(setup.StoreId, "01");

        var scan = Payloads.NewId("dup");
        await lane.PublishAsync("scan", Payloads.Scan(scan, TestCatalog.Yogurt));
        await lane.PublishAsync("scan", Payloads.Scan(scan, TestCatalog.Yogurt));
        var after = Payloads.NewId("after");
        await lane.PublishAsync("scan", Payloads.Scan(after, TestCatalog.Rice));

        var last = await lane.WaitForAsync("display", d => d.Json.GetProperty("lines").GetArrayLength() == 2);
        Assert.Equal(TestCatalog.YogurtPrice + TestCatalog.RicePrice, last.Json.GetProperty("total").GetInt64());
        Assert.Equal([scan, after], setup.Backend.Applied("01"));
        Assert.Equal(2, lane.Of("display").Count);
        Assert.Equal(1, gateway.Metrics.Count("loyalty.gateway.events.duplicate"));
    }

    [Fact]
    public async Task A_gateway_restarted_between_two_deliveries_applies_the_event_once()
    {
        using var setup = new GatewaySetup(TestBroker.StoreA);
        await using var lane = await DeviceClient.ConnectAsync(setup.StoreId, "02");
        var card = Payloads.NewId("card");
        await using (var first = await InProcessGateway.StartAsync(setup))
        {
            await lane.PublishAsync("card", Payloads.Card(card, "8800012345"));
            await lane.WaitForAsync("display");
        }

        // The device retries the same event, once while the gateway is down (the broker keeps it in the
        // gateway's session) and once after it is back.
        await lane.PublishAsync("card", Payloads.Card(card, "8800012345"));
        await using var second = await InProcessGateway.StartAsync(setup);
        await lane.PublishAsync("card", Payloads.Card(card, "8800012345"));
        var scan = Payloads.NewId("scan");
        await lane.PublishAsync("scan", Payloads.Scan(scan, TestCatalog.Yogurt));

        var display = await lane.WaitForAsync("display", d => d.Json.GetProperty("lines").GetArrayLength() == 1);
        Assert.Equal("张*", display.Json.GetProperty("member").GetProperty("displayName").GetString());
        Assert.Equal([card, scan], setup.Backend.Applied("02"));
        Assert.Equal([card, scan], setup.Backend.Received("02").Select(e => e.EventId));
        Assert.Equal([1L, 2L], lane.Of("display").Select(d => d.Json.GetProperty("seq").GetInt64()));
    }

    [Fact]
    public async Task Events_sent_while_the_gateway_is_down_are_served_after_it_restarts_in_order()
    {
        using var setup = new GatewaySetup(TestBroker.StoreA);
        await using var lane = await DeviceClient.ConnectAsync(setup.StoreId, "03");
        await using (await InProcessGateway.StartAsync(setup))
        {
        }
        var ids = Enumerable.Range(0, 5).Select(i => Payloads.NewId($"down{i}")).ToList();
        foreach (var id in ids)
        {
            await lane.PublishAsync("scan", Payloads.Scan(id, TestCatalog.Yogurt));
        }

        await using var gateway = await InProcessGateway.StartAsync(setup);
        await lane.WaitForAsync("display", d => d.Json.GetProperty("lines").GetArrayLength() == 5);
        Assert.Equal(ids, setup.Backend.Applied("03"));
    }
}
