namespace OrleansLoyalty.Domain;

/// <summary>
/// One member's shopping over the analysis window (365 days up to the run): what RFM scoring and churn risk read.
/// <see cref="Sales"/> counts sales only; <see cref="Spend"/> is what they paid, returns deducted.
/// </summary>
public sealed record PurchaseHistory(
    string MemberId,
    DateTimeOffset RegisteredAt,
    int Sales,
    long Spend,
    DateTimeOffset? FirstSaleAt,
    DateTimeOffset? LastSaleAt)
{
    public bool HasBought => Sales > 0 && LastSaleAt is not null;
}
