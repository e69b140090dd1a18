using System.Text;
using MQTTnet;
using OrleansLoyalty.EdgeGateway.Tests.Infrastructure;

namespace OrleansLoyalty.EdgeGateway.Tests;

[Collection(MqttCollection.Name)]
public sealed class BrokerAclTests
{
    [Fact]
    public async Task A_device_cannot_publish_to_or_listen_on_another_stores_lanes()
    {
        using var setup = new GatewaySetup(TestBroker.StoreB);
        await using var gatewayB = await InProcessGateway.StartAsync(setup);
        await using var laneB = await DeviceClient.ConnectAsync(TestBroker.StoreB, "01");
        // A scanner of store A, with its own valid credentials, aimed at store B.
        await using var intruder = await DeviceClient.ConnectAsync(TestBroker.StoreA, "01", TestBroker.Device(TestBroker.StoreA, "01", "scan"), subscribe: false);

        var foreign = await intruder.PublishRawAsync($"loyalty/v1/stores/{TestBroker.StoreB}/lanes/01/scan", Encoding.UTF8.GetBytes(Payloads.Scan("intrude-1", TestCatalog.Yogurt)));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, foreign.ReasonCode);
        // Mosquitto 2.0 grants the subscription but checks the ACL on every delivery.
        await intruder.SubscribeAsync($"loyalty/v1/stores/{TestBroker.StoreB}/lanes/01/display");
        // Even on its own store a scanner may not speak for the POS.
        var otherKind = await intruder.PublishRawAsync($"loyalty/v1/stores/{TestBroker.StoreA}/lanes/01/pos", Encoding.UTF8.GetBytes(Payloads.Void("intrude-2")));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, otherKind.ReasonCode);

        // Store B's own lane is served, and never saw the intruder's scan.
        await laneB.PublishAsync("scan", Payloads.Scan(Payloads.NewId("b"), TestCatalog.Rice));
        var display = await laneB.WaitForAsync("display");
        Assert.Single(display.Json.GetProperty("lines").EnumerateArray());
        Assert.DoesNotContain("intrude-1", setup.Backend.Received("01").Select(e => e.EventId));
        // A round trip on the intruder's connection: a display delivered to it would have arrived before the answer.
        await intruder.PingAsync();
        Assert.Empty(intruder.Received);
    }

    [Fact]
    public async Task Wrong_credentials_are_refused_by_the_broker()
    {
        var (username, _) = TestBroker.Device(TestBroker.StoreA, "01");
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", TestBroker.Port).WithCredentials(username, "not-the-password").Build();
        string outcome;
        try
        {
            outcome = (await client.ConnectAsync(options)).ResultCode.ToString();
        }
        catch (MQTTnet.Adapter.MqttConnectingFailedException failed)
        {
            outcome = failed.Message;
        }
        Assert.Matches("(?i)not ?authori[sz]ed|bad ?user ?name ?or ?password", outcome);
        Assert.False(client.IsConnected);
    }
}
