namespace OrleansLoyalty.EdgeGateway.Mqtt;

/// <summary>The retained <c>gateway/status</c> payload (also the last will). <c>Status</c>: online, degraded (replaying) or offline.</summary>
public sealed record GatewayStatusMessage(string Status, DateTimeOffset At, bool ClusterReachable, long Buffered)
{
    public const string Online = "online";
    public const string Degraded = "degraded";
    public const string Offline = "offline";
}
