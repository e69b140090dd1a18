namespace OrleansLoyalty.Integration.Tests.Crash;

/// <summary>
/// Baskets that touch two grains: a stored-value card pays part, the member earns points. The total comes
/// from a quote, as at a real lane: member-day and tier discounts depend on the day and the member.
/// </summary>
internal static class Baskets
{
    public static object Quote(string cardNo, long unitPrice, int qty, string laneId = "01") => new
    {
        storeId = "s001",
        laneId,
        member = new { cardNo },
        lines = Lines(unitPrice, qty),
    };

    /// <summary>The quoted basket with <paramref name="storedValue"/> from the card and the rest of <paramref name="total"/> in cash.</summary>
    public static object Commit(string txnId, string cardNo, long unitPrice, int qty, long total, long storedValue, string laneId = "01") => new
    {
        storeId = "s001",
        laneId,
        txnId,
        member = new { cardNo },
        lines = Lines(unitPrice, qty),
        tenders = new object[]
        {
            new { kind = "storedValue", amount = storedValue, cardNo },
            new { kind = "cash", amount = total - storedValue },
        },
    };

    private static object[] Lines(long unitPrice, int qty) => [new { lineId = "1", sku = "CRASH-" + unitPrice, qty, unitPrice }];
}
