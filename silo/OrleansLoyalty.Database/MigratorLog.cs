using Microsoft.Extensions.Logging;

namespace OrleansLoyalty.Database;

internal static partial class MigratorLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Schema migrator connected to {Database}")]
    public static partial void Connected(ILogger logger, string database);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Applied migration {MigrationId}")]
    public static partial void Applied(ILogger logger, string migrationId);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Schema is up to date ({Count} migrations)")]
    public static partial void UpToDate(ILogger logger, int count);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning,
        Message = "Database has migration {MigrationId} that this build does not know; is a newer version deployed?")]
    public static partial void UnknownApplied(ILogger logger, string migrationId);
}
