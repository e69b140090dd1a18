namespace OrleansLoyalty.Contracts.Ledger;

/// <summary>What moved a member's points or a card's stored value. Stored as text in the ledger table.</summary>
public static class LedgerKind
{
    public const string PointsEarned = "points.earned";
    public const string PointsRedeemed = "points.redeemed";
    /// <summary>Points spent on a coupon or gift from the rewards catalogue (not at a lane).</summary>
    public const string PointsExchanged = "points.exchanged";
    public const string PointsSignupGift = "points.signup_gift";
    public const string PointsReferralGift = "points.referral_gift";
    public const string PointsBirthday = "points.birthday";
    public const string PointsExpired = "points.expired";
    public const string PointsClawedBack = "points.clawed_back";
    public const string PointsReturned = "points.returned";
    public const string StoredValueTopUp = "storedvalue.topup";
    public const string StoredValueRefund = "storedvalue.refund";
    public const string StoredValueSpent = "storedvalue.spent";
    public const string StoredValueReturned = "storedvalue.returned";
    public const string StoredValueTransferIn = "storedvalue.transfer_in";
    public const string StoredValueTransferOut = "storedvalue.transfer_out";
}
