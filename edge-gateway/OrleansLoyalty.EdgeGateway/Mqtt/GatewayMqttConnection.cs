using System.Buffers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using OrleansLoyalty.EdgeGateway.Diagnostics;
using OrleansLoyalty.EdgeGateway.Options;
using OrleansLoyalty.EdgeGateway.Topics;

namespace OrleansLoyalty.EdgeGateway.Mqtt;

/// <summary>
/// The gateway's one MQTT 5 connection to the store broker. A persistent session (stable client id,
/// clean start off, long session expiry) keeps QoS 1 device messages at the broker while the gateway
/// is down; messages are acknowledged manually, by the intake, once journaled. A background loop pings
/// and reconnects. The last will marks the gateway offline if it dies.
/// </summary>
public sealed class GatewayMqttConnection : BackgroundService, IMqttPublisher
{
    private readonly IMqttClient _client;
    private readonly InboundMessageQueue _inbox;
    private readonly GatewayOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _clientId;
    private TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _generation;

    public GatewayMqttConnection(InboundMessageQueue inbox, IOptions<GatewayOptions> options, TimeProvider time, ILogger<GatewayMqttConnection> logger)
    {
        _inbox = inbox;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _clientId = string.IsNullOrWhiteSpace(_options.Mqtt.ClientId) ? $"gateway-{_options.StoreId}" : _options.Mqtt.ClientId;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageReceivedAsync;
        _client.DisconnectedAsync += _ =>
        {
            Interlocked.Exchange(ref _connected, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            return Task.CompletedTask;
        };
    }

    public bool IsConnected => _client.IsConnected;

    /// <summary>Connected and subscribed to the store's device topics: device messages reach the gateway.</summary>
    public bool IsReady => _client.IsConnected && Volatile.Read(ref _connected).Task.IsCompleted;

    /// <summary>Raised after every (re)connection and subscription; the status publisher announces itself then.</summary>
    public event Func<Task>? Connected;

    public async Task PublishAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        while (true)
        {
            await Volatile.Read(ref _connected).Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception failure) when (failure is not OperationCanceledException && !_client.IsConnected)
            {
                // Lost the connection mid-publish: wait for the reconnect and send again.
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_client.IsConnected)
        {
            try
            {
                var status = new GatewayStatusMessage(GatewayStatusMessage.Offline, _time.GetUtcNow(), false, -1);
                await _client.PublishAsync(
                    new MqttApplicationMessageBuilder()
                        .WithTopic(TopicScheme.Status(_options.StoreId))
                        .WithPayload(LanePublisher.Serialize(status))
                        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                        .WithRetainFlag()
                        .Build(),
                    cancellationToken).ConfigureAwait(false);
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                GatewayLog.PublishFailed(_logger, TopicScheme.Status(_options.StoreId), failure.Message);
            }
        }
    }

    public override void Dispose()
    {
        _client.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await _client.TryPingAsync(stoppingToken).ConfigureAwait(false))
                {
                    await ConnectAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                GatewayLog.MqttConnectFailed(_logger, _options.Mqtt.Host, _options.Mqtt.Port, failure.Message);
            }
            try
            {
                await Task.Delay(_options.Mqtt.ReconnectDelay, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ConnectAsync(CancellationToken stoppingToken)
    {
        var mqtt = _options.Mqtt;
        var will = new GatewayStatusMessage(GatewayStatusMessage.Offline, _time.GetUtcNow(), false, -1);
        var builder = new MqttClientOptionsBuilder();
        if (mqtt.Tls.Enabled)
        {
            builder.WithStoreBrokerTls(mqtt.Tls.CaFile, mqtt.Tls.ServerName);
        }
        var clientOptions = builder
            .WithTcpServer(mqtt.Host, mqtt.Port)
            .WithClientId(_clientId)
            .WithCredentials(mqtt.Username, mqtt.Password)
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)mqtt.SessionExpiry.TotalSeconds)
            .WithKeepAlivePeriod(mqtt.KeepAlive)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithWillTopic(TopicScheme.Status(_options.StoreId))
            .WithWillPayload(LanePublisher.Serialize(will))
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillRetain()
            .Build();
        // A new generation before CONNACK: messages of the new connection may arrive before ConnectAsync returns.
        Interlocked.Increment(ref _generation);
        var result = await _client.ConnectAsync(clientOptions, stoppingToken).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            GatewayLog.MqttConnectFailed(_logger, mqtt.Host, mqtt.Port, result.ResultCode.ToString());
            return;
        }
        var subscribe = new MqttClientSubscribeOptionsBuilder();
        foreach (var kind in Enum.GetValues<DeviceKind>())
        {
            subscribe.WithTopicFilter(TopicScheme.DeviceSubscription(_options.StoreId, kind), MqttQualityOfServiceLevel.AtLeastOnce);
        }
        await _client.SubscribeAsync(subscribe.Build(), stoppingToken).ConfigureAwait(false);
        GatewayLog.MqttConnected(_logger, mqtt.Host, mqtt.Port, _clientId, result.IsSessionPresent);
        Volatile.Read(ref _connected).TrySetResult();
        if (Connected is { } connected)
        {
            await connected().ConfigureAwait(false);
        }
    }

    private Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        // Acknowledged by the intake once the event is durable (or known to be a repeat or refused).
        args.AutoAcknowledge = false;
        var generation = Volatile.Read(ref _generation);
        var message = args.ApplicationMessage;
        var length = message.Payload.Length;
        var payload = length <= _options.MaxPayloadBytes ? message.Payload.ToArray() : ReadOnlyMemory<byte>.Empty;
        _inbox.Post(new InboundDeviceMessage(message.Topic, payload, length, _time.GetTimestamp(), () => AcknowledgeAsync(args, generation)));
        return Task.CompletedTask;
    }

    private Task AcknowledgeAsync(MqttApplicationMessageReceivedEventArgs args, int generation)
    {
        // A PUBACK belongs to the connection that delivered the message; after a reconnect the broker
        // sends the message again and that copy is acknowledged instead.
        if (generation != Volatile.Read(ref _generation) || !_client.IsConnected)
        {
            return Task.CompletedTask;
        }
        return args.AcknowledgeAsync(CancellationToken.None);
    }
}
