using System.Text.Json;

namespace OrleansLoyalty.EdgeGateway.Tests.Infrastructure;

public sealed record ReceivedMessage(string Topic, string Payload)
{
    public string Suffix => Topic[(Topic.LastIndexOf('/') + 1)..];

    public JsonElement Json => JsonDocument.Parse(Payload).RootElement;

    public string? EventId => Json.TryGetProperty("eventId", out var id) ? id.GetString() : null;
}
