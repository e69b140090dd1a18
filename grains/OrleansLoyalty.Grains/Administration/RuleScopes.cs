namespace OrleansLoyalty.Grains.Administration;

/// <summary>The parts of the rules that change independently; each has a row in <c>rules_versions</c>.</summary>
public static class RuleScopes
{
    public const string Programme = "programme";
    public const string Campaigns = "campaigns";
    public const string CouponTemplates = "couponTemplates";
    /// <summary>Every store's settings (name, time zone, region): a small table, reloaded whole.</summary>
    public const string Stores = "stores";
    /// <summary>Members' segments from the last purchase analysis, for campaigns that target segments.</summary>
    public const string Segments = "segments";
    private const string CatalogPrefix = "catalog:";

    /// <summary>The PostgreSQL NOTIFY channel a write announces itself on.</summary>
    public const string NotifyChannel = "loyalty_rules";

    public static string Catalog(string storeId) => CatalogPrefix + storeId;

    public static bool IsCatalog(string scope, out string storeId)
    {
        if (scope.StartsWith(CatalogPrefix, StringComparison.Ordinal))
        {
            storeId = scope[CatalogPrefix.Length..];
            return true;
        }
        storeId = "";
        return false;
    }
}
