namespace OrleansLoyalty.Domain;

/// <summary>
/// Rule ids and receipt labels of the member discounts (<c>tier:gold</c> / <c>金卡95折</c>, <c>会员日9折</c>), made
/// once per engine from the programme instead of formatted on every member's quote.
/// </summary>
internal sealed class MemberDiscountLabels
{
    private readonly (string RuleId, string Label)[] _tiers;

    public MemberDiscountLabels(Programme programme)
    {
        _tiers = programme.Tiers.IsDefault
            ? []
            : [.. programme.Tiers.Select(tier => tier is null
                ? ("", "")
                : ($"tier:{tier.Id}", tier.ShortName + DiscountLabels.ZheFromBasisPoints(tier.DiscountBasisPoints)))];
        MemberDayLabel = programme.MemberDay is { } memberDay
            ? memberDay.Label + DiscountLabels.ZheFromBasisPoints(memberDay.DiscountBasisPoints)
            : "";
    }

    /// <summary>Rule id and label of the tier at <paramref name="tierIndex"/> in the programme's tiers.</summary>
    public (string RuleId, string Label) Tier(int tierIndex) => _tiers[tierIndex];

    public string MemberDayLabel { get; }
}
