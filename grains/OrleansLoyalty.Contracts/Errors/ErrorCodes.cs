namespace OrleansLoyalty.Contracts.Errors;

/// <summary>Every stable error code the product answers with, so clients and docs can rely on the spelling.</summary>
public static class ErrorCodes
{
    public const string RequestInvalid = "request.invalid";
    public const string AuthUnauthorized = "auth.unauthorized";
    public const string AuthForbidden = "auth.forbidden";
    public const string AuthForbiddenStore = "auth.forbidden_store";
    public const string AuthInvalidCredentials = "auth.invalid_credentials";
    public const string AuthTooManyAttempts = "auth.too_many_attempts";
    public const string NotFound = "resource.not_found";
    public const string MemberNotFound = "member.not_found";
    public const string MemberPhoneTaken = "member.phone_taken";
    public const string MemberReferralUnknown = "member.referral_unknown";
    /// <summary>A self-registration's code is wrong, used or expired (docs/sign-in.md).</summary>
    public const string MemberPhoneNotVerified = "member.phone_not_verified";
    public const string MemberStoredValueRemaining = "member.stored_value_remaining";
    /// <summary>An app member code that no member's key made: mistyped, forged, or not a member code (docs/member-codes.md).</summary>
    public const string MemberCodeInvalid = "member.code_invalid";
    /// <summary>A genuine app member code shown too long ago: the shopper refreshes it in the app.</summary>
    public const string MemberCodeExpired = "member.code_expired";
    public const string CardNotFound = "card.not_found";
    public const string CardAlreadyBound = "card.already_bound";
    public const string CardLost = "card.lost";
    public const string CardReplaced = "card.replaced";
    public const string CardExpired = "card.expired";
    public const string StoredValueInsufficient = "storedvalue.insufficient";
    public const string StoredValueLimitExceeded = "storedvalue.limit_exceeded";
    /// <summary>This stored-value payment needs the member's payment PIN (docs/payment-pin.md): ask for it and pay again.</summary>
    public const string StoredValuePinRequired = "storedvalue.pin_required";
    public const string StoredValuePinWrong = "storedvalue.pin_wrong";
    /// <summary>Too many wrong PINs in a row: stored value waits for the lock to end or for a new PIN.</summary>
    public const string StoredValuePinLocked = "storedvalue.pin_locked";
    /// <summary>A payment PIN anyone would guess first (all one digit, a run like 123456).</summary>
    public const string PaymentPinWeak = "payment_pin.weak";
    /// <summary>Changing the PIN takes the current PIN or a code sent to the member's phone, and this one was wrong.</summary>
    public const string PaymentPinProofWrong = "payment_pin.proof_wrong";
    /// <summary>WeChat did not accept the <c>wx.login</c> code (used, expired, or from another mini-program): log in to WeChat again.</summary>
    public const string WeChatCodeInvalid = "wechat.code_invalid";
    public const string CardNotBound = "card.not_bound";
    public const string PointsInsufficient = "points.insufficient";
    public const string TxnConflict = "txn.conflict";
    public const string CouponAlreadyRedeemed = "coupon.already_redeemed";
    public const string CampaignMemberLimitReached = "campaign.member_limit_reached";
    public const string TxnNotFound = "txn.not_found";
    public const string TxnInProgress = "txn.in_progress";
    public const string TendersMismatch = "tenders.mismatch";
    public const string CatalogUnknownItem = "catalog.unknown_item";
    public const string StaffExists = "staff.exists";
    public const string DeviceExists = "device.exists";
    public const string StaffNotFound = "staff.not_found";
    /// <summary>The change would leave the chain without an enabled administrator.</summary>
    public const string StaffLastAdmin = "staff.last_admin";
    /// <summary>An administrator may not disable their own account (another administrator can).</summary>
    public const string StaffSelf = "staff.self";
    public const string DeviceNotFound = "device.not_found";
    /// <summary>A staff member's current password, given to change it, is wrong.</summary>
    public const string AuthWrongPassword = "auth.wrong_password";
    /// <summary>A token renewal past the session's limit, or for an account that is gone: sign in again.</summary>
    public const string AuthSessionExpired = "auth.session_expired";
    /// <summary>A limited reward has no unit left (docs/rewards.md, "Limited stock").</summary>
    public const string RewardOutOfStock = "reward.out_of_stock";
    /// <summary>The nightly purchase analysis has not seen the member yet (docs/reports.md).</summary>
    public const string AnalysisNotAvailable = "analysis.not_available";
    public const string ServiceUnavailable = "service.unavailable";
    public const string RateLimited = "request.rate_limited";
    public const string InternalError = "server.error";
}
