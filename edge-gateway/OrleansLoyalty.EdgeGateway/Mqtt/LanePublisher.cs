using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.EdgeGateway.Diagnostics;
using OrleansLoyalty.EdgeGateway.Json;
using OrleansLoyalty.EdgeGateway.Options;
using OrleansLoyalty.EdgeGateway.Topics;

namespace OrleansLoyalty.EdgeGateway.Mqtt;

/// <summary>What the gateway tells lanes: display, receipt, error, and its own status.</summary>
public sealed class LanePublisher(
    IMqttPublisher mqtt,
    IOptions<GatewayOptions> options,
    GatewayInstruments instruments,
    ILogger<LanePublisher> logger)
{
    private readonly string _storeId = options.Value.StoreId;

    public Task PublishDisplayAsync(string laneId, LaneDisplay display, CancellationToken cancellationToken) =>
        PublishAsync(TopicScheme.Display(_storeId, laneId), display, "display", retain: false, cancellationToken);

    public Task PublishReceiptAsync(string laneId, LaneReceipt receipt, CancellationToken cancellationToken) =>
        PublishAsync(TopicScheme.Receipt(_storeId, laneId), receipt, "receipt", retain: false, cancellationToken);

    public Task PublishErrorAsync(string laneId, LaneErrorMessage error, CancellationToken cancellationToken) =>
        PublishAsync(TopicScheme.Error(_storeId, laneId), error, "error", retain: false, cancellationToken);

    public Task PublishStatusAsync(GatewayStatusMessage status, CancellationToken cancellationToken) =>
        PublishAsync(TopicScheme.Status(_storeId), status, "status", retain: true, cancellationToken);

    public static byte[] Serialize<T>(T message) => JsonSerializer.SerializeToUtf8Bytes(message, GatewayJson.Options);

    private async Task PublishAsync<T>(string topic, T message, string kind, bool retain, CancellationToken cancellationToken)
    {
        try
        {
            await mqtt.PublishAsync(topic, Serialize(message), retain, cancellationToken).ConfigureAwait(false);
            instruments.MessageOut(kind);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            GatewayLog.PublishFailed(logger, topic, failure.Message);
        }
    }
}
