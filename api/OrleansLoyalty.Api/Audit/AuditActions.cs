namespace OrleansLoyalty.Api.Audit;

/// <summary>
/// Every action the audit log records (docs/audit.md). Resources are <c>kind/id</c> (<c>member/M…</c>,
/// <c>staff/alice</c>); neither they nor an entry's detail ever hold personal data in clear.
/// </summary>
public static class AuditActions
{
    public const string StaffSignedIn = "auth.signed_in";
    public const string SignInFailed = "auth.sign_in_failed";
    public const string StaffCreated = "staff.created";
    public const string DeviceCredentialsIssued = "device.credentials_issued";
    public const string DeviceRevoked = "device.revoked";
    public const string StaffUpdated = "staff.updated";
    public const string StaffDisabled = "staff.disabled";
    public const string StaffEnabled = "staff.enabled";
    public const string StaffPasswordReset = "staff.password_reset";
    public const string StaffPasswordChanged = "staff.password_changed";
    public const string MemberSignedOutEverywhere = "member.signed_out_everywhere";
    public const string MemberPhoneChanged = "member.phone_changed";
    public const string MemberWeChatBound = "member.wechat_bound";
    public const string MemberWeChatUnbound = "member.wechat_unbound";
    public const string MemberPaymentPinSet = "member.payment_pin_set";
    public const string MemberPaymentPinCleared = "member.payment_pin_cleared";

    public const string MemberRegistered = "member.registered";
    public const string MemberLookedUp = "member.looked_up";
    public const string MemberViewed = "member.viewed";
    public const string MemberUpdated = "member.updated";
    public const string MemberLedgerViewed = "member.ledger_viewed";
    public const string MemberPurchasesViewed = "member.purchases_viewed";
    public const string MemberCouponsViewed = "member.coupons_viewed";
    public const string MemberCardsViewed = "member.cards_viewed";
    public const string MemberPointsExchanged = "member.points_exchanged";
    public const string MemberSignedIn = "member.signed_in";
    public const string MemberSignInFailed = "member.sign_in_failed";
    public const string MemberPasswordSet = "member.password_set";
    public const string MemberErased = "member.erased";
    public const string MemberDataExported = "member.data_exported";

    public const string CardBound = "card.bound";
    public const string CardReportedLost = "card.reported_lost";
    public const string CardReportedFound = "card.reported_found";
    public const string CardReplaced = "card.replaced";
    public const string CardRefunded = "card.refunded";

    public const string StoreSaved = "store.saved";
    public const string CatalogUploaded = "catalog.uploaded";
    public const string ProgrammeChanged = "programme.changed";
    public const string CampaignCreated = "campaign.created";
    public const string CampaignPaused = "campaign.paused";
    public const string CampaignResumed = "campaign.resumed";
    public const string CouponTemplateCreated = "coupon_template.created";
    public const string CouponsIssued = "coupon_template.issued";

    public const string CheckoutVoided = "checkout.voided";

    public const string ReportRead = "report.read";
    public const string AnalysisRun = "report.analysis_run";
    public const string MemberAnalysisViewed = "member.analysis_viewed";
}
