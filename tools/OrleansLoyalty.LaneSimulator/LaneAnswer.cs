using System.Text.Json;

namespace OrleansLoyalty.LaneSimulator;

/// <summary>What the gateway said to a lane: a <c>display</c>, <c>receipt</c> or <c>error</c>, parsed.</summary>
public sealed record LaneAnswer(string Kind, JsonElement Body, long ReceivedTimestamp)
{
    public string? EventId => Body.TryGetProperty("eventId", out var id) ? id.GetString() : null;

    public long Total => Body.TryGetProperty("total", out var total) ? total.GetInt64() : 0;

    public IReadOnlyList<string> LineIds =>
        Body.TryGetProperty("lines", out var lines) ? [.. lines.EnumerateArray().Select(l => l.GetProperty("lineId").GetString()!)] : [];

    public bool HasMember => Body.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Object;
}
