namespace OrleansLoyalty.EdgeGateway.Mqtt;

/// <summary>The MQTT <c>error</c> payload.</summary>
public sealed record LaneErrorMessage(string EventId, string Code, string Message);
