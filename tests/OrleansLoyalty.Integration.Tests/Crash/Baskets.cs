namespace OrleansLoyalty.Integration.Tests.Crash;

/// <summary>Commit bodies that touch two grains: a stored-value card and the member who earns points.</summary>
internal static class Baskets
{
    /// <summary>One line of an unpromoted SKU; <paramref name="storedValue"/> from the card, the rest in cash.</summary>
    public static object Commit(string txnId, string cardNo, long unitPrice, int qty, long storedValue, string laneId = "01") => new
    {
        storeId = "s001",
        laneId,
        txnId,
        member = new { cardNo },
        lines = new[] { new { lineId = "1", sku = "CRASH-" + unitPrice, qty, unitPrice } },
        tenders = new object[]
        {
            new { kind = "storedValue", amount = storedValue, cardNo },
            new { kind = "cash", amount = unitPrice * qty - storedValue },
        },
    };
}
