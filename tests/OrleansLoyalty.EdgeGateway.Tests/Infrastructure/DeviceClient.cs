using System.Collections.Concurrent;
using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using OrleansLoyalty.EdgeGateway.Mqtt;

namespace OrleansLoyalty.EdgeGateway.Tests.Infrastructure;

/// <summary>A lane device (by default the lane terminal) on the real broker: publishes events, collects what the gateway answers.</summary>
public sealed class DeviceClient : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly ConcurrentQueue<ReceivedMessage> _received = new();

    private DeviceClient(IMqttClient client, string storeId, string laneId)
    {
        _client = client;
        StoreId = storeId;
        LaneId = laneId;
    }

    public string StoreId { get; }
    public string LaneId { get; }

    public IReadOnlyList<ReceivedMessage> Received => [.. _received];

    public IReadOnlyList<ReceivedMessage> Of(string suffix) => [.. _received.Where(m => m.Suffix == suffix)];

    public static Task<DeviceClient> ConnectAsync(string storeId, string laneId, string role = "terminal") =>
        ConnectAsync(storeId, laneId, TestBroker.Device(storeId, laneId, role), subscribe: true);

    /// <param name="overTls">Connect as a device on the store's network does: to the TLS listener, trusting the store CA.</param>
    public static async Task<DeviceClient> ConnectAsync(string storeId, string laneId, (string Username, string Password) credentials, bool subscribe, bool overTls = false)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var device = new DeviceClient(client, storeId, laneId);
        client.ApplicationMessageReceivedAsync += args =>
        {
            device._received.Enqueue(new ReceivedMessage(args.ApplicationMessage.Topic, Encoding.UTF8.GetString(args.ApplicationMessage.Payload)));
            return Task.CompletedTask;
        };
        var builder = new MqttClientOptionsBuilder();
        if (overTls)
        {
            builder.WithTcpServer("127.0.0.1", TestBroker.Tls.Port).WithStoreBrokerTls(TestBroker.Tls.CaFile);
        }
        else
        {
            builder.WithTcpServer("127.0.0.1", TestBroker.Port);
        }
        var options = builder
            .WithClientId($"test-{credentials.Username}-{Guid.NewGuid():N}")
            .WithCredentials(credentials.Username, credentials.Password)
            .WithCleanStart()
            .Build();
        var result = await client.ConnectAsync(options);
        Assert.Equal(MqttClientConnectResultCode.Success, result.ResultCode);
        if (subscribe)
        {
            var lane = $"loyalty/v1/stores/{storeId}/lanes/{laneId}";
            await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                .WithTopicFilter($"{lane}/display", MqttQualityOfServiceLevel.AtLeastOnce)
                .WithTopicFilter($"{lane}/receipt", MqttQualityOfServiceLevel.AtLeastOnce)
                .WithTopicFilter($"{lane}/error", MqttQualityOfServiceLevel.AtLeastOnce)
                .Build());
        }
        return device;
    }

    public Task<MqttClientPublishResult> PublishAsync(string kind, string json) =>
        PublishRawAsync($"loyalty/v1/stores/{StoreId}/lanes/{LaneId}/{kind}", Encoding.UTF8.GetBytes(json));

    public Task<MqttClientPublishResult> PublishRawAsync(string topic, byte[] payload) =>
        _client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());

    public Task<MqttClientSubscribeResult> SubscribeAsync(string filter) =>
        _client.SubscribeAsync(filter, MqttQualityOfServiceLevel.AtLeastOnce);

    public Task PingAsync() => _client.PingAsync();

    public async Task<ReceivedMessage> WaitForAsync(string suffix, Func<ReceivedMessage, bool>? match = null, TimeSpan? deadline = null)
    {
        ReceivedMessage? found = null;
        await Eventually.UntilAsync(
            () => (found = _received.FirstOrDefault(m => m.Suffix == suffix && (match?.Invoke(m) ?? true))) is not null,
            $"a {suffix} on lane {StoreId}/{LaneId}",
            deadline: deadline);
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }
        _client.Dispose();
    }
}
