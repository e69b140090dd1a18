namespace OrleansLoyalty.Api.Dashboard;

internal static partial class DashboardHubLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Dashboard {Scope} is unavailable")]
    public static partial void Unavailable(this ILogger logger, string scope, Exception exception);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Dashboard {Scope} could not send an update")]
    public static partial void SendFailed(this ILogger logger, string scope, Exception exception);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Dashboard {Scope} could not end its subscription")]
    public static partial void UnsubscribeFailed(this ILogger logger, string scope, Exception exception);
}
