namespace OrleansLoyalty.Contracts.Errors;

/// <summary>Error codes of the administration endpoints and of public coupons and campaign budgets.</summary>
public static class AdminErrorCodes
{
    public const string CouponUnknown = "coupon.unknown";
    /// <summary>Orleans' dashboard is switched off on this cluster (<c>OrleansDashboard:Enabled</c>).</summary>
    public const string OrleansDashboardDisabled = "orleans_dashboard.disabled";
    public const string CampaignNotFound = "campaign.not_found";
    public const string CampaignExists = "campaign.exists";
    public const string CampaignBudgetExhausted = "campaign.budget_exhausted";
    public const string CouponTemplateNotFound = "coupon_template.not_found";
    public const string CouponTemplateExists = "coupon_template.exists";
    public const string CouponCodeTaken = "coupon_template.code_taken";
    public const string StoreNotFound = "store.not_found";
    public const string ProductNotFound = "product.not_found";
}
