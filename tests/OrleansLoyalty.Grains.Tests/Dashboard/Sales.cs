using OrleansLoyalty.Contracts.Events;

namespace OrleansLoyalty.Grains.Tests.Dashboard;

/// <summary>Builders of the events a checkout grain would publish.</summary>
public static class Sales
{
    public static CheckoutCommitted Checkout(string store, string txn, long total, DateTimeOffset at, string? member = null,
        string lane = "01", string tier = "silver", IReadOnlyDictionary<string, long>? categories = null) => new()
    {
        StoreId = store,
        TxnId = txn,
        LaneId = lane,
        MemberId = member,
        At = at,
        Subtotal = total + 100,
        DiscountTotal = 100,
        Total = total,
        PointsEarned = member is null ? 0 : total / 100,
        PointsRedeemed = 0,
        StoredValueSpent = 0,
        CouponsRedeemed = 0,
        CategorySales = categories ?? new Dictionary<string, long> { ["食品"] = total },
        TierAfter = member is null ? null : tier,
    };

    public static ReturnCommitted Return(string store, string txn, long total, DateTimeOffset at, string? member = null, string lane = "01",
        IReadOnlyDictionary<string, long>? categories = null) => new()
    {
        StoreId = store,
        TxnId = txn,
        LaneId = lane,
        MemberId = member,
        At = at,
        Subtotal = total,
        Total = total,
        PointsEarned = member is null ? 0 : total / 100,
        CategorySales = categories ?? new Dictionary<string, long> { ["食品"] = total },
    };
}
