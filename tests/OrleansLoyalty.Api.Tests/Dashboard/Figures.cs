using OrleansLoyalty.Api.Dashboard;
using OrleansLoyalty.Contracts.Dashboard;

namespace OrleansLoyalty.Api.Tests.Dashboard;

/// <summary>Snapshots and updates as a dashboard grain would make them.</summary>
public static class Figures
{
    public static readonly DateTimeOffset At = new(2026, 11, 22, 10, 0, 0, TimeSpan.FromHours(8));

    public static DashboardSnapshot Snapshot(DashboardScope scope, long netSales, long seq = 0) => new()
    {
        Scope = scope.Kind,
        StoreId = scope.IsChain ? null : scope.Key,
        Epoch = "e1",
        Seq = seq,
        Date = DateOnly.FromDateTime(At.DateTime),
        TimeZone = "Asia/Shanghai",
        At = At,
        Figures = new DashboardFigures { NetSales = netSales, GrossSales = netSales },
        Minutes = [.. Enumerable.Range(0, 60).Select(i => new MinutePoint(At.AddMinutes(i - 59), 0, 0))],
    };

    public static DashboardUpdate Update(DashboardScope scope, long seq, long netSales, string? activityId = null) => new()
    {
        Scope = scope.Kind,
        StoreId = scope.IsChain ? null : scope.Key,
        Epoch = "e1",
        Seq = seq,
        Date = DateOnly.FromDateTime(At.DateTime),
        At = At,
        Figures = new DashboardFigures { NetSales = netSales, GrossSales = netSales },
        Minutes = [new MinutePoint(At, netSales, seq)],
        Activity = activityId is null ? [] : [new ActivityItem { Id = activityId, Kind = "sale", At = At, StoreId = scope.Key, Amount = netSales }],
    };
}
