namespace OrleansLoyalty.Contracts.Events;

/// <summary>
/// A coupon was redeemed. Dashboards count redemptions from <see cref="TransactionEvent.CouponsRedeemed"/>
/// (so that a rebuild from the transactions table gives the same number); this event feeds the activity list.
/// </summary>
[GenerateSerializer, Immutable, Alias("events.CouponRedeemed")]
public sealed record CouponRedeemed : LoyaltyEvent
{
    [Id(0)] public required string TxnId { get; init; }
    [Id(1)] public required string TemplateId { get; init; }
    [Id(2)] public string? MemberId { get; init; }
    [Id(3)] public string? LaneId { get; init; }
    [Id(4)] public long Amount { get; init; }
}
