using Microsoft.Extensions.Logging;
using Npgsql;

namespace OrleansLoyalty.Database;

/// <summary>
/// The body of <c>OrleansLoyalty.Silo migrate</c>: apply migrations, report in one line, return an exit code.
/// </summary>
public static class MigrateCommand
{
    /// <returns>0 when the schema is up to date afterwards, 1 on any failure (already logged).</returns>
    public static async Task<int> RunAsync(string? connectionString, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var problem = DatabaseOptions.Problem(connectionString);
        if (problem is not null)
        {
            MigrateCommandLog.Failed(logger, problem);
            return 1;
        }

        try
        {
            var applied = await SchemaMigrator.ApplyAsync(connectionString!, logger, ct);
            MigrateCommandLog.Done(logger, applied.Count, applied.Count == 0 ? "-" : string.Join(", ", applied));
            return 0;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            MigrateCommandLog.Failed(logger, $"{e.Message} [{DatabaseOptions.Describe(connectionString!)}]");
            return 1;
        }
    }
}
