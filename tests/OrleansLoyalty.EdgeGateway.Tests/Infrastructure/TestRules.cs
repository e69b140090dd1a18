using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.EdgeGateway.Tests.Infrastructure;

/// <summary>The pricing rules of the fake cluster: the default programme, 10 % off fruit and two public codes.</summary>
public static class TestRules
{
    public const string FruitCampaign = "fruit10";
    /// <summary>Public, unlimited: 5.00 off a basket of 20.00 or more.</summary>
    public const string OpenCode = "PUB5";
    /// <summary>Public but limited to 100 redemptions: only the cluster knows how many are left.</summary>
    public const string LimitedCode = "PUB100";

    public static LaneRulesSnapshot Snapshot(string storeId) => new()
    {
        StoreId = storeId,
        AsOf = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.FromHours(8)),
        TimeZoneId = "Asia/Shanghai",
        Programme = Programme.Default,
        Campaigns =
        [
            new Campaign(FruitCampaign, "水果九折", CampaignKind.PercentOff, CampaignSchedule.Always,
                new CampaignTarget([], [], ["生鲜", "水果"], []), new CampaignReward(10, 0, 0, 0, 0), CampaignLimits.None, CampaignStacking.Default, Paused: false),
        ],
        PublicCouponTemplates =
        [
            Public("pub5", OpenCode, maxRedemptions: null),
            Public("pub100", LimitedCode, maxRedemptions: 100),
        ],
    };

    private static CouponTemplate Public(string templateId, string code, int? maxRedemptions) =>
        new(templateId, "满20减5", CouponKind.AmountOffOver, Threshold: 2_000, Amount: 500, Percent: 0, CategoryPath: [], Skus: [],
            ValidDays: null, ValidFrom: null, ValidTo: null, Public: true, Code: code, MaxRedemptions: maxRedemptions);
}
