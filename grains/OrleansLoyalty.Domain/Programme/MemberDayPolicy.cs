namespace OrleansLoyalty.Domain;

/// <summary>
/// 会员日: every <see cref="Weekday"/> (store-local) members get <see cref="DiscountBasisPoints"/> off eligible goods.
/// It does not stack with the tier discount: per line the larger of the two applies.
/// </summary>
[GenerateSerializer, Immutable, Alias("domain.MemberDayPolicy")]
public sealed record MemberDayPolicy(
    [Id(0)] bool Enabled,
    [Id(1)] DayOfWeek Weekday,
    [Id(2)] int DiscountBasisPoints,
    [Id(3)] string Label)
{
    public bool IsMemberDay(DateOnly storeLocalDate) => Enabled && storeLocalDate.DayOfWeek == Weekday;
}
