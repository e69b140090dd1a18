using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>
/// Clears the plans of sales that no longer need them (<see cref="ICheckoutStore.ForgetPlans"/>): a plan is what a
/// crash needs to finish or undo a sale, and a committed sale keeps a copy of a few KB for ever otherwise. A day's wait
/// leaves every retry, recovery sweep and investigation of the day the plan as it was. Each run looks at the sales made
/// since the window its last successful run looked at (after a start: <see cref="LookBack"/>), so it reads a few
/// minutes of the table, not all of it. Every silo prunes; they share the work harmlessly.
/// </summary>
public sealed partial class CheckoutPlanPruning(
    ICheckoutStore store,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock,
    ILogger<CheckoutPlanPruning> logger) : BackgroundService
{
    /// <summary>How long a settled sale keeps its plan.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    /// <summary>How often each silo prunes.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    /// <summary>How far back a silo's first run looks: its own stop, or the cluster's, up to that long is covered.</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(2);

    /// <summary>Rows cleared per statement: short transactions between the lanes' commits.</summary>
    public const int Batch = 1_000;

    private long? _lastSuccess;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var cleared = await PruneOnce(stoppingToken);
                if (cleared > 0)
                {
                    LogPruned(logger, cleared);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPruneFailed(logger, e);
            }
        }
    }

    /// <summary>Clears batch after batch until none is left in the window; how many plans it cleared.</summary>
    public async Task<int> PruneOnce(CancellationToken cancellationToken = default)
    {
        var started = clock.GetTimestamp();
        // Since the last success plus a tick of overlap, so a late or failed run leaves no sales behind.
        var span = _lastSuccess is { } last ? clock.GetElapsedTime(last) + Interval : LookBack;
        span = span < LookBack ? span : LookBack;
        var total = 0;
        int cleared;
        do
        {
            cleared = await store.ForgetPlans(KeptFor, span, Batch);
            total += cleared;
        }
        while (cleared == Batch && !cancellationToken.IsCancellationRequested);
        _lastSuccess = started;
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cleared the plans of {Count} settled sales")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Clearing settled sales' plans failed; trying again at the next tick")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
