namespace OrleansLoyalty.Domain;

/// <summary>One reason money came off, so a cashier can say why every fen came off.</summary>
/// <param name="RuleId"><c>tier:gold</c>, <c>memberDay</c>, <c>campaign:{id}</c>, <c>coupon:{code}</c> or <c>points</c>.</param>
/// <param name="Label">What the receipt prints: <c>金卡95折</c>, <c>会员日9折</c>, <c>满100减20</c>.</param>
/// <param name="LineIds">The lines it took money off.</param>
[GenerateSerializer, Immutable, Alias("domain.Discount")]
public sealed record Discount(
    [Id(0)] string RuleId,
    [Id(1)] DiscountKind Kind,
    [Id(2)] string Label,
    [Id(3)] long Amount,
    [Id(4)] ImmutableArray<string> LineIds)
{
    /// <summary>The rule id of the discount a coupon gave: <c>coupon:{code}</c>.</summary>
    public static string CouponRuleId(string code) => "coupon:" + code;
}
