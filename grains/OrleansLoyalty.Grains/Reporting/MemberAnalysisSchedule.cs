using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OrleansLoyalty.Grains.Programme;

namespace OrleansLoyalty.Grains.Reporting;

/// <summary>
/// Every silo runs this; the advisory lock lets one of them do each night's analysis. A silo that starts with the
/// last run too old runs one at once, so a night the cluster was down is caught up.
/// </summary>
public sealed partial class MemberAnalysisSchedule(
    MemberAnalysisRun run,
    NpgsqlDataSource db,
    IOptions<AnalysisOptions> options,
    IOptions<ChainOptions> chain,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock,
    ILogger<MemberAnalysisSchedule> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Scheduled)
        {
            return;
        }
        var zone = chain.Value.Zone;
        var next = await IsOverdue(settings, stoppingToken) ? clock.GetUtcNow() : NextRun(clock.GetUtcNow(), zone, settings.RunAt);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = next - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            try
            {
                await run.RunUnlessRunning(stoppingToken);
                next = NextRun(clock.GetUtcNow(), zone, settings.RunAt);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogRunFailed(logger, e);
                next = clock.GetUtcNow() + RetryAfterFailure;
            }
        }
    }

    private async Task<bool> IsOverdue(AnalysisOptions settings, CancellationToken ct)
    {
        try
        {
            return await MemberAnalysisSql.LastFinishedAt(db, ct) is not { } last || clock.GetUtcNow() - last > settings.CatchUpWhenOlderThan;
        }
        catch (NpgsqlException e)
        {
            LogRunFailed(logger, e);
            return true;
        }
    }

    /// <summary>The first <paramref name="runAt"/> in <paramref name="zone"/> strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextRun(DateTimeOffset now, TimeZoneInfo zone, TimeSpan runAt)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var candidate = local.Date + runAt;
        if (candidate <= local.DateTime)
        {
            candidate = candidate.AddDays(1);
        }
        return new DateTimeOffset(candidate, zone.GetUtcOffset(candidate));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purchase analysis failed; it is tried again later")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
