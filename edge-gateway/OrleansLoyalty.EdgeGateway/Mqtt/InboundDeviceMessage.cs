namespace OrleansLoyalty.EdgeGateway.Mqtt;

/// <summary>
/// A device message as received, not yet acknowledged. <see cref="Payload"/> is empty when the
/// message was too large to copy; <see cref="PayloadLength"/> always tells its size.
/// </summary>
public sealed record InboundDeviceMessage(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    long PayloadLength,
    long ReceivedTimestamp,
    Func<Task> AcknowledgeAsync);
