namespace OrleansLoyalty.Domain;

/// <summary>
/// A line while it is being priced: mutable, private to one <see cref="PricingSession"/>. The session keeps its
/// line objects for the next quote on the same thread, so <see cref="Load"/> sets every field.
/// </summary>
internal sealed class WorkLine
{
    public int Index { get; private set; }
    public string LineId { get; private set; } = "";
    public string Sku { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int Qty { get; private set; }
    public int? WeightGrams { get; private set; }
    public long UnitPrice { get; private set; }
    public long Gross { get; private set; }
    public ImmutableArray<string> CategoryPath { get; private set; } = [];

    /// <summary>The campaigns its category may bring and whether it gets discounts and earns points.</summary>
    public CategoryProfile Profile { get; private set; } = null!;

    /// <summary>False for categories the programme keeps out of every discount (tobacco, infant formula, top-ups).</summary>
    public bool Discountable => Profile.Discountable;

    /// <summary>False for categories that earn no points.</summary>
    public bool Earnable => Profile.Earnable;

    /// <summary>Where this line's running campaigns start in the session's list (see <see cref="PricingSession.CampaignsOf"/>).</summary>
    public int CampaignStart { get; set; }

    public int CampaignCount { get; set; }

    /// <summary>The exclusive campaign that took this line out of every other campaign, or -1.</summary>
    public int ClaimedBy { get; set; }

    public long Discount { get; set; }
    public long Net => Gross - Discount;
    public long PointsValue { get; set; }
    public long PointsRedeemed { get; set; }
    public long PointsToEarn { get; set; }

    public void Load(int index, string lineId, string sku, string name, int qty, int? weightGrams, long unitPrice, long gross,
        ImmutableArray<string> categoryPath, CategoryProfile profile)
    {
        Index = index;
        LineId = lineId;
        Sku = sku;
        Name = name;
        Qty = qty;
        WeightGrams = weightGrams;
        UnitPrice = unitPrice;
        Gross = gross;
        CategoryPath = categoryPath;
        Profile = profile;
        CampaignStart = 0;
        CampaignCount = 0;
        ClaimedBy = -1;
        Discount = 0;
        PointsValue = 0;
        PointsRedeemed = 0;
        PointsToEarn = 0;
    }

    /// <summary>Lets go of the strings and arrays of the quote it was part of.</summary>
    public void Release() => Load(0, "", "", "", 0, null, 0, 0, [], null!);
}
