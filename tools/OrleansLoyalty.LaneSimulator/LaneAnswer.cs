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

    /// <summary>
    /// Whether the member shown can pay the whole total from stored value without a PIN, as the display says
    /// (<c>member.storedValuePin.state</c> <c>none</c>, or <c>needed</c> with the total within <c>freeUpTo</c>): the
    /// simulated cashier has no PIN to type.
    /// </summary>
    public bool StoredValuePaysWithoutPin
    {
        get
        {
            if (!Body.TryGetProperty("member", out var member) || member.ValueKind != JsonValueKind.Object
                || !member.TryGetProperty("storedValueBalance", out var balance) || balance.GetInt64() < Total
                || !member.TryGetProperty("storedValuePin", out var pin))
            {
                return false;
            }
            var state = pin.GetProperty("state").GetString();
            var freeUpTo = pin.TryGetProperty("freeUpTo", out var free) ? free.GetInt64() : 0;
            return state == "none" || (state is "needed" or "locked" && Total <= freeUpTo);
        }
    }
}
