using Microsoft.Extensions.Logging;

namespace OrleansLoyalty.EdgeGateway.Diagnostics;

/// <summary>Every log line of the gateway, source-generated.</summary>
public static partial class GatewayLog
{
    [LoggerMessage(1, LogLevel.Information, "Edge gateway for store {StoreId} starting: journal {JournalPath}, {Pending} events pending from before, {Torn} torn records dropped")]
    public static partial void Starting(ILogger logger, string storeId, string journalPath, int pending, int torn);

    [LoggerMessage(2, LogLevel.Information, "Connected to the store broker {Host}:{Port} as {ClientId} (session present: {SessionPresent})")]
    public static partial void MqttConnected(ILogger logger, string host, int port, string clientId, bool sessionPresent);

    [LoggerMessage(3, LogLevel.Warning, "Cannot reach the store broker {Host}:{Port}: {Reason}")]
    public static partial void MqttConnectFailed(ILogger logger, string host, int port, string reason);

    [LoggerMessage(4, LogLevel.Warning, "Refused device input ({Kind}) on {Topic}: {Reason}; further refusals of this kind are counted but not logged for a minute")]
    public static partial void BadInput(ILogger logger, string kind, string topic, string reason);

    [LoggerMessage(5, LogLevel.Warning, "Cluster out of reach; lanes continue offline with local pricing ({Reason})")]
    public static partial void ClusterUnreachable(ILogger logger, string reason);

    [LoggerMessage(6, LogLevel.Information, "Cluster reachable again; replaying {Pending} journaled events")]
    public static partial void ClusterReachable(ILogger logger, long pending);

    [LoggerMessage(7, LogLevel.Critical, "Journal write failed; the gateway stops rather than acknowledge what it cannot keep")]
    public static partial void JournalWriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Error, "A journal completion callback failed")]
    public static partial void JournalCallbackFailed(ILogger logger, Exception exception);

    [LoggerMessage(9, LogLevel.Error, "Lane {LaneId} failed on event {EventId}; it is kept in the journal")]
    public static partial void LaneFailed(ILogger logger, string laneId, string eventId, Exception exception);

    [LoggerMessage(10, LogLevel.Warning, "Publishing to {Topic} failed: {Reason}")]
    public static partial void PublishFailed(ILogger logger, string topic, string reason);

    [LoggerMessage(11, LogLevel.Warning, "Offline catalog refresh failed: {Reason}")]
    public static partial void CatalogRefreshFailed(ILogger logger, string reason);

    [LoggerMessage(12, LogLevel.Information, "Offline catalog refreshed: {Products} products")]
    public static partial void CatalogRefreshed(ILogger logger, int products);

    [LoggerMessage(13, LogLevel.Information, "Health endpoint listening on http://127.0.0.1:{Port}/health/live and /health/ready")]
    public static partial void HealthListening(ILogger logger, int port);

    [LoggerMessage(14, LogLevel.Warning, "Replayed event {EventId} of lane {LaneId} was refused by the cluster: {Code} {Message}")]
    public static partial void ReplayRefused(ILogger logger, string laneId, string eventId, string code, string message);

    [LoggerMessage(15, LogLevel.Information, "Lane {LaneId} back online; {Replayed} offline events replayed")]
    public static partial void LaneReplayed(ILogger logger, string laneId, int replayed);

    [LoggerMessage(16, LogLevel.Warning, "Acknowledging a device message failed: {Reason}")]
    public static partial void AcknowledgeFailed(ILogger logger, string reason);

    [LoggerMessage(17, LogLevel.Error, "Device message on {Topic} could not be taken in; it is dropped")]
    public static partial void IntakeFailed(ILogger logger, string topic, Exception exception);

    [LoggerMessage(18, LogLevel.Information, "Lane {LaneId}: the cluster's copy of the session is being restored from {Events} events before the replay")]
    public static partial void RestoringSession(ILogger logger, string laneId, int events);

    [LoggerMessage(19, LogLevel.Information, "Offline pricing rules refreshed: {Campaigns} campaigns, {PublicCoupons} public coupon templates, time zone {TimeZone}")]
    public static partial void RulesRefreshed(ILogger logger, int campaigns, int publicCoupons, string timeZone);

    [LoggerMessage(20, LogLevel.Warning, "Offline pricing rules refresh failed: {Reason}")]
    public static partial void RulesRefreshFailed(ILogger logger, string reason);

    [LoggerMessage(21, LogLevel.Warning, "Offline pricing engine left out invalid campaigns: {CampaignIds}")]
    public static partial void OfflineCampaignsRejected(ILogger logger, string campaignIds);
}
