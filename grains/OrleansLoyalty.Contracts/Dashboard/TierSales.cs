namespace OrleansLoyalty.Contracts.Dashboard;

/// <summary>Member checkouts today by the member's tier after the checkout.</summary>
[GenerateSerializer, Immutable, Alias("dashboard.TierSales")]
public sealed record TierSales(
    [property: Id(0)] string Tier,
    [property: Id(1)] long Transactions,
    [property: Id(2)] long GrossSales);
