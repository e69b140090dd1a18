using OrleansLoyalty.Contracts.Lanes;

namespace OrleansLoyalty.EdgeGateway.Input;

/// <summary>A valid <see cref="Event"/>, or a refusal with the eventId when one could be read.</summary>
public sealed record DeviceEventParseResult
{
    public LaneEvent? Event { get; private init; }
    public string? EventId { get; private init; }
    public LaneRefusal? Refusal { get; private init; }

    public static DeviceEventParseResult Valid(LaneEvent laneEvent) => new() { Event = laneEvent, EventId = laneEvent.EventId };

    public static DeviceEventParseResult Refused(string code, string message, string? eventId = null) =>
        new() { EventId = eventId, Refusal = new LaneRefusal { Code = code, Message = message } };
}
