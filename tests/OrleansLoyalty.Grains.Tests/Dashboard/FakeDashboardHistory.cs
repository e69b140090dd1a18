using System.Collections.Concurrent;
using OrleansLoyalty.Contracts.Events;
using OrleansLoyalty.Grains.Dashboard;

namespace OrleansLoyalty.Grains.Tests.Dashboard;

/// <summary>Stands in for PostgreSQL: what a test "commits" here is what a rebuilt grain reads back.</summary>
public sealed class FakeDashboardHistory : IDashboardHistory
{
    private readonly ConcurrentQueue<LoyaltyEvent> _committed = new();

    public void Commit(params LoyaltyEvent[] events)
    {
        foreach (var e in events)
        {
            _committed.Enqueue(e);
        }
    }

    public Task<IReadOnlyList<LoyaltyEvent>> LoadStoreEventsAsync(string storeId, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LoyaltyEvent>>(
            [.. _committed.Where(e => e.StoreId == storeId && e.At >= since && e is TransactionEvent or MemberRegistered).OrderBy(e => e.At)]);

    public Task<IReadOnlyList<string>> LoadActiveStoreIdsAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. _committed.Where(e => e.At >= since).Select(e => e.StoreId).Distinct()]);
}
