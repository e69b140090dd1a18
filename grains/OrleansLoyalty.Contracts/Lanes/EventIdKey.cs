using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>
/// A lane event id as a 128-bit XxHash, for the windows of recent event ids the lane grain and the edge gateway keep:
/// remembering a key allocates nothing that outlives the event, where the id string itself survived into the older
/// generations with every event. Two ids of one lane sharing a key is as likely as two random UUIDs being equal.
/// </summary>
public static class EventIdKey
{
    public static UInt128 Of(string eventId) => XxHash128.HashToUInt128(MemoryMarshal.AsBytes(eventId.AsSpan()));

    /// <summary>32 hex digits, as the gateway's journal snapshot stores a key.</summary>
    public static string Format(UInt128 key) => key.ToString("x32", CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out UInt128 key) =>
        UInt128.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out key);
}
