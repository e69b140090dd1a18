using OrleansLoyalty.EdgeGateway.Input;

namespace OrleansLoyalty.EdgeGateway.Topics;

/// <summary>Builds and reads the MQTT v1 topics (see the MQTT contract).</summary>
public static class TopicScheme
{
    public const string Root = "loyalty/v1/stores";

    public static string DeviceSubscription(string storeId, DeviceKind kind) => $"{Root}/{storeId}/lanes/+/{KindName(kind)}";

    public static string Display(string storeId, string laneId) => $"{Root}/{storeId}/lanes/{laneId}/display";

    public static string Receipt(string storeId, string laneId) => $"{Root}/{storeId}/lanes/{laneId}/receipt";

    public static string Error(string storeId, string laneId) => $"{Root}/{storeId}/lanes/{laneId}/error";

    public static string Status(string storeId) => $"{Root}/{storeId}/gateway/status";

    public static string Device(string storeId, string laneId, DeviceKind kind) => $"{Root}/{storeId}/lanes/{laneId}/{KindName(kind)}";

    public static string KindName(DeviceKind kind) => kind switch
    {
        DeviceKind.Card => "card",
        DeviceKind.Scan => "scan",
        DeviceKind.Pos => "pos",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>
    /// Reads a device topic. Returns false for anything outside the scheme (wrong depth, bad ids,
    /// unknown device kind); a well-formed topic of another store parses and the caller refuses it.
    /// </summary>
    public static bool TryParseDevice(string? topic, out LaneTopic laneTopic)
    {
        laneTopic = default;
        if (topic is null || topic.Length > 256)
        {
            return false;
        }
        var parts = topic.Split('/');
        if (parts.Length != 7 || parts[0] != "loyalty" || parts[1] != "v1" || parts[2] != "stores" || parts[4] != "lanes")
        {
            return false;
        }
        if (!Identifiers.IsTopicId(parts[3]) || !Identifiers.IsTopicId(parts[5]))
        {
            return false;
        }
        DeviceKind? kind = parts[6] switch
        {
            "card" => DeviceKind.Card,
            "scan" => DeviceKind.Scan,
            "pos" => DeviceKind.Pos,
            _ => null,
        };
        if (kind is null)
        {
            return false;
        }
        laneTopic = new LaneTopic(parts[3], parts[5], kind.Value);
        return true;
    }
}
