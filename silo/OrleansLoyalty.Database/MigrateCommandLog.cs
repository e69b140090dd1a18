using Microsoft.Extensions.Logging;

namespace OrleansLoyalty.Database;

internal static partial class MigrateCommandLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Migrations applied: {Count} ({Ids})")]
    public static partial void Done(ILogger logger, int count, string ids);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Migration failed: {Reason}")]
    public static partial void Failed(ILogger logger, string reason);
}
