using Microsoft.Extensions.Logging;

namespace OrleansLoyalty.Grains.Dashboard;

internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Dashboard of {Scope} could not read its history; it shows what arrives from now on and retries")]
    public static partial void HistoryFailed(this ILogger logger, string scope, Exception exception);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Dashboard of {Scope} rebuilt from {Count} historical events")]
    public static partial void Rebuilt(this ILogger logger, string scope, int count);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Dashboard of {Scope} could not publish an update")]
    public static partial void PublishFailed(this ILogger logger, string scope, Exception exception);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Event {EventType} of store {StoreId} was not published to the dashboards")]
    public static partial void EventNotPublished(this ILogger logger, string eventType, string storeId, Exception exception);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Dashboard of store {StoreId} could not report to the chain")]
    public static partial void ChainReportFailed(this ILogger logger, string storeId, Exception exception);
}
