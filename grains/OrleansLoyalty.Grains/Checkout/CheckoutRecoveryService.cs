using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansLoyalty.Contracts.Checkout;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>
/// Finishes checkouts that a crash left <c>committing</c>: every silo looks now and then, and each stuck
/// txnId's own grain carries its plan forward or undoes it (grain calls make concurrent sweeps harmless).
/// </summary>
public sealed partial class CheckoutRecoveryService(
    ICheckoutStore store,
    IGrainFactory grains,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock,
    ILogger<CheckoutRecoveryService> logger) : BackgroundService
{
    /// <summary>A checkout this still is not one in flight: commits take milliseconds.</summary>
    public static readonly TimeSpan StuckAfter = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepOnce();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }
        }
    }

    public async Task<int> SweepOnce()
    {
        var stuck = await store.Unfinished(StuckAfter, 200);
        foreach (var txnId in stuck)
        {
            await grains.GetGrain<ICheckoutGrain>(txnId).Recover();
            LogRecovered(logger, txnId);
        }
        return stuck.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovered unfinished checkout {TxnId}")]
    private static partial void LogRecovered(ILogger logger, string txnId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checkout recovery sweep failed; trying again at the next tick")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
