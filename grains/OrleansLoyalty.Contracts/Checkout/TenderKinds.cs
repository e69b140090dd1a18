namespace OrleansLoyalty.Contracts.Checkout;

/// <summary>How a shopper may pay (rest.md tenders).</summary>
public static class TenderKinds
{
    public const string StoredValue = "storedValue";

    public static readonly string[] All = ["cash", "bankcard", "wechatpay", "alipay", StoredValue];
}
