namespace OrleansLoyalty.Domain;

/// <summary>A line while it is being priced: mutable, private to one <see cref="PricingSession"/>.</summary>
internal sealed class WorkLine
{
    public required int Index { get; init; }
    public required string LineId { get; init; }
    public required string Sku { get; init; }
    public required string Name { get; init; }
    public required int Qty { get; init; }
    public required int? WeightGrams { get; init; }
    public required long UnitPrice { get; init; }
    public required long Gross { get; init; }
    public required ImmutableArray<string> CategoryPath { get; init; }
    public required ImmutableArray<string> CategoryKeys { get; init; }

    /// <summary>False for categories the programme keeps out of every discount (tobacco, infant formula, top-ups).</summary>
    public required bool Discountable { get; init; }

    /// <summary>False for categories that earn no points.</summary>
    public required bool Earnable { get; init; }

    /// <summary>Campaign indexes (precedence order) that target this line and are running for this request.</summary>
    public int[] Campaigns { get; set; } = [];

    /// <summary>The exclusive campaign that took this line out of every other campaign, or -1.</summary>
    public int ClaimedBy { get; set; } = -1;

    public long Discount { get; set; }
    public long Net => Gross - Discount;
    public long PointsValue { get; set; }
    public long PointsRedeemed { get; set; }
    public long PointsToEarn { get; set; }
}
