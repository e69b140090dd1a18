using System.Collections.Immutable;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Contracts.Events;

/// <summary>The events of committed receipts, so that a checkout publishes with one line.</summary>
public static class LoyaltyEvents
{
    /// <summary>Lines without a category count under this top-level category.</summary>
    public const string Uncategorised = "其他";

    /// <param name="storedValueSpent">Fen paid from stored-value cards (the card debits of the commit).</param>
    public static CheckoutCommitted Checkout(Receipt receipt, long storedValueSpent) => new()
    {
        StoreId = receipt.StoreId,
        At = receipt.CommittedAt,
        TxnId = receipt.TxnId,
        LaneId = receipt.LaneId,
        MemberId = receipt.Member?.MemberId,
        Subtotal = receipt.Subtotal,
        DiscountTotal = receipt.DiscountTotal,
        Total = receipt.Total,
        PointsEarned = receipt.PointsEarned,
        PointsRedeemed = receipt.PointsRedeemed,
        StoredValueSpent = storedValueSpent,
        CouponsRedeemed = receipt.CouponsRedeemed.IsDefault ? 0 : receipt.CouponsRedeemed.Length,
        CategorySales = TopLevelCategorySales(receipt.Lines),
        TierAfter = receipt.Member is null ? null : receipt.Tier,
        TierChanged = receipt.TierChanged,
    };

    /// <param name="memberId">The member of the original purchase, if any.</param>
    /// <param name="categorySales">Refund per top-level category, when the caller knows the returned lines' categories.</param>
    public static ReturnCommitted Return(ReturnReceipt receipt, string? memberId, IReadOnlyDictionary<string, long>? categorySales = null) => new()
    {
        StoreId = receipt.StoreId,
        At = receipt.CommittedAt,
        TxnId = receipt.TxnId,
        OriginalTxnId = receipt.OriginalTxnId,
        LaneId = receipt.LaneId,
        MemberId = memberId,
        Subtotal = receipt.Refund,
        Total = receipt.Refund,
        PointsEarned = receipt.PointsClawedBack,
        PointsRedeemed = receipt.PointsGivenBack,
        StoredValueSpent = receipt.StoredValueRefund,
        CouponsRedeemed = receipt.CouponsRestored.IsDefault ? 0 : receipt.CouponsRestored.Length,
        CategorySales = categorySales ?? new Dictionary<string, long>(),
        TierAfter = memberId is null ? null : receipt.Tier,
    };

    /// <summary>Net fen per top-level category ("食品" of 食品/乳制品/酸奶).</summary>
    public static IReadOnlyDictionary<string, long> TopLevelCategorySales(ImmutableArray<PricedLine> lines) =>
        (lines.IsDefault ? [] : lines).GroupBy(TopLevelCategory).ToDictionary(g => g.Key, g => g.Sum(l => l.Net));

    /// <summary>A return's refund per top-level category, each returned line under the category it was sold in.</summary>
    public static IReadOnlyDictionary<string, long> TopLevelCategoryRefunds(ImmutableArray<PricedLine> sold, IEnumerable<ReturnedLine> returned)
    {
        var categories = (sold.IsDefault ? [] : sold).ToDictionary(l => l.LineId, TopLevelCategory, StringComparer.Ordinal);
        return returned.Where(l => l.Refund != 0)
            .GroupBy(l => categories.GetValueOrDefault(l.LineId, Uncategorised))
            .ToDictionary(g => g.Key, g => g.Sum(l => l.Refund));
    }

    private static string TopLevelCategory(PricedLine line) => line.CategoryPath.IsDefaultOrEmpty ? Uncategorised : line.CategoryPath[0];
}
