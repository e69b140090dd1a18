using System.Text;
using OrleansLoyalty.EdgeGateway.Tests.Infrastructure;

namespace OrleansLoyalty.EdgeGateway.Tests;

[Collection(MqttCollection.Name)]
public sealed class BadInputTests
{
    [Fact]
    public async Task Each_kind_of_bad_input_gets_an_error_and_other_lanes_keep_being_served()
    {
        using var setup = new GatewaySetup(TestBroker.StoreA);
        await using var gateway = await InProcessGateway.StartAsync(setup);
        await using var bad = await DeviceClient.ConnectAsync(setup.StoreId, "01");
        await using var good = await DeviceClient.ConnectAsync(setup.StoreId, "02");

        var oversize = Encoding.UTF8.GetBytes(Payloads.Scan("big-1", TestCatalog.Yogurt).Replace("\"qty\":1", "\"pad\":\"" + new string('x', 65 * 1024) + "\",\"qty\":1"));
        await bad.PublishRawAsync($"loyalty/v1/stores/{setup.StoreId}/lanes/01/scan", oversize);
        await bad.PublishAsync("scan", "{\"eventId\":\"broken-1\",");
        await bad.PublishAsync("scan", """{"eventId":"wrongtype-1","at":"2026-11-22T09:30:00+08:00","barcode":6901234567892}""");
        await bad.PublishAsync("scan", """{"eventId":"missing-1","at":"2026-11-22T09:30:00+08:00"}""");
        await bad.PublishAsync("card", """{"eventId":"bad id with spaces","at":"2026-11-22T09:30:00+08:00","cardNo":"1","medium":"ic"}""");
        await bad.PublishAsync("pos", """{"eventId":"badtype-1","at":"2026-11-22T09:30:00+08:00","type":"teleport"}""");
        await bad.PublishAsync("scan", """[1,2,3]""");

        await Eventually.UntilAsync(() => bad.Of("error").Count >= 7, "seven errors on the bad lane");
        var codes = bad.Of("error").Select(e => (e.EventId, Code: e.Json.GetProperty("code").GetString())).ToList();
        Assert.Contains(("", "request.too_large"), codes);
        Assert.Contains(("", "request.malformed_json"), codes);
        Assert.Contains(("wrongtype-1", "request.invalid"), codes);
        Assert.Contains(("missing-1", "request.invalid"), codes);
        Assert.Contains(("badtype-1", "request.invalid"), codes);
        Assert.Equal(5, codes.Count(c => c.Code == "request.invalid"));
        Assert.Empty(bad.Of("display"));

        var scan = Payloads.NewId("ok");
        await good.PublishAsync("scan", Payloads.Scan(scan, TestCatalog.Yogurt));
        var display = await good.WaitForAsync("display");
        Assert.Equal(TestCatalog.YogurtPrice, display.Json.GetProperty("total").GetInt64());
        Assert.Equal(7, gateway.Metrics.Count("loyalty.gateway.events.refused"));
    }

    [Fact]
    public async Task Topics_outside_the_scheme_are_dropped_and_counted_without_stopping_the_gateway()
    {
        using var setup = new GatewaySetup(TestBroker.StoreA);
        await using var gateway = await InProcessGateway.StartAsync(setup);
        // The gateway's own account may write anywhere in its store: the only way to reach it with a bad lane id.
        await using var sender = await DeviceClient.ConnectAsync(setup.StoreId, "03", TestBroker.Gateway(setup.StoreId), subscribe: false);
        await using var lane = await DeviceClient.ConnectAsync(setup.StoreId, "03");

        await sender.PublishRawAsync($"loyalty/v1/stores/{setup.StoreId}/lanes/lane.with.dots/scan", Encoding.UTF8.GetBytes(Payloads.Scan("x-1", TestCatalog.Yogurt)));
        await sender.PublishRawAsync($"loyalty/v1/stores/{setup.StoreId}/lanes/{new string('9', 40)}/card", Encoding.UTF8.GetBytes(Payloads.Card("x-2", "8800012345")));
        await Eventually.UntilAsync(() => gateway.Metrics.Count("loyalty.gateway.messages.dropped", "topic_outside_scheme") == 2, "two dropped messages");

        await lane.PublishAsync("scan", Payloads.Scan(Payloads.NewId("ok"), TestCatalog.Rice));
        var display = await lane.WaitForAsync("display");
        Assert.Equal(TestCatalog.RicePrice, display.Json.GetProperty("total").GetInt64());
        Assert.Empty(lane.Of("error"));
    }
}
