namespace OrleansLoyalty.Domain;

/// <summary>Stable reason codes for a coupon the engine did not apply.</summary>
public static class CouponRejections
{
    public const string Expired = "coupon.expired";
    public const string NotYetValid = "coupon.not_yet_valid";
    public const string ThresholdNotMet = "coupon.threshold_not_met";
    public const string NotApplicable = "coupon.not_applicable";
    public const string KindAlreadyUsed = "coupon.kind_already_used";
    public const string Unknown = "coupon.unknown";
    public const string AlreadyRedeemed = "coupon.already_redeemed";
}
