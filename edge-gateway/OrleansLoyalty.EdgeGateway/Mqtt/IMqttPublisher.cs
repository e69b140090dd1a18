namespace OrleansLoyalty.EdgeGateway.Mqtt;

/// <summary>Publishes to the store broker, waiting out a broker reconnect.</summary>
public interface IMqttPublisher
{
    bool IsConnected { get; }

    Task PublishAsync(string topic, byte[] payload, bool retain, CancellationToken cancellationToken);
}
