namespace OrleansLoyalty.Domain;

/// <summary>
/// One tier of the programme. A member qualifies with <see cref="SpendThreshold"/> fen paid
/// OR <see cref="VisitsThreshold"/> visits over the last 12 months.
/// </summary>
/// <param name="Id">Stable id (<c>standard</c>, <c>silver</c>, <c>gold</c>).</param>
/// <param name="Name">Full display name (<c>金卡会员</c>).</param>
/// <param name="ShortName">Short name used in discount labels (<c>金卡</c> → <c>金卡95折</c>).</param>
/// <param name="SpendThreshold">Qualifying spend over 12 months, fen.</param>
/// <param name="VisitsThreshold">Qualifying visits over 12 months.</param>
/// <param name="DiscountBasisPoints">Discount on eligible goods; 500 = 5 % (95折).</param>
/// <param name="PointsMultiplierPerMille">Earning multiplier; 1000 = 1.0×, 1500 = 1.5×.</param>
[GenerateSerializer, Immutable, Alias("domain.TierDefinition")]
public sealed record TierDefinition(
    [Id(0)] string Id,
    [Id(1)] string Name,
    [Id(2)] string ShortName,
    [Id(3)] long SpendThreshold,
    [Id(4)] int VisitsThreshold,
    [Id(5)] int DiscountBasisPoints,
    [Id(6)] int PointsMultiplierPerMille)
{
    public bool IsQualifiedBy(long spend12m, int visits12m) =>
        spend12m >= SpendThreshold || visits12m >= VisitsThreshold;
}
