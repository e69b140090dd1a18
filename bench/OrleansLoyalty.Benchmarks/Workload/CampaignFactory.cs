using System.Collections.Immutable;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Benchmarks.Workload;

/// <summary>
/// 200 running campaigns of every kind: aisle and SKU price cuts, department 满减, points multipliers, bonus
/// points; some exclusive, some for silver/gold only, with different priorities. Deterministic.
/// </summary>
public static class CampaignFactory
{
    public static IReadOnlyList<Campaign> Build()
    {
        var random = new Random(WorkloadShape.Seed + 1);
        var campaigns = new List<Campaign>(WorkloadShape.Campaigns);
        for (var i = 0; i < WorkloadShape.Campaigns; i++)
        {
            var department = random.Next(CatalogFactory.Departments.Length);
            var aisle = random.Next(CatalogFactory.AislesPerDepartment);
            ImmutableArray<string> aislePath = [.. CatalogFactory.Shelf(department, aisle, 0).Take(2)];
            ImmutableArray<string> departmentPath = [CatalogFactory.Departments[department]];
            ImmutableArray<string> tiers = i % 10 == 0 ? ["silver", "gold"] : [];
            var stacking = new CampaignStacking(Exclusive: i % 17 == 0, Priority: random.Next(0, 5));
            var (kind, target, reward) = (i % 5) switch
            {
                0 => (CampaignKind.PercentOff, new CampaignTarget(tiers, [], aislePath, []), new CampaignReward(random.Next(5, 30), 0, 0, 0, 0)),
                1 => (CampaignKind.PercentOff, new CampaignTarget(tiers, [], [], Skus(random, 40)), new CampaignReward(random.Next(10, 40), 0, 0, 0, 0)),
                2 => (CampaignKind.AmountOffOver, new CampaignTarget(tiers, [], departmentPath, []), new CampaignReward(0, 10_000 * random.Next(1, 4), 1_000 * random.Next(1, 3), 0, 0)),
                3 => (CampaignKind.PointsMultiplier, new CampaignTarget(tiers, [], aislePath, []), new CampaignReward(0, 0, 0, 10 * random.Next(2, 4), 0)),
                _ => (CampaignKind.BonusPoints, new CampaignTarget(tiers, [], departmentPath, []), new CampaignReward(0, 5_000 * random.Next(1, 5), 0, 0, 50 * random.Next(1, 5))),
            };
            campaigns.Add(new Campaign($"bench-{i:D3}", $"活动{i}", kind, CampaignSchedule.Always, target, reward, CampaignLimits.None, stacking, Paused: false));
        }
        return campaigns;
    }

    private static ImmutableArray<string> Skus(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => WorkloadShape.Sku(random.Next(WorkloadShape.Skus)))];

    /// <summary>Public coupon codes any shopper may present (the member's own sign-up coupon is the other one).</summary>
    public static IReadOnlyList<CouponTemplate> CouponTemplates() =>
    [
        new("bench-public-5", "食品满20减5", CouponKind.CategoryAmountOff, Threshold: 2_000, Amount: 500, Percent: 0,
            CategoryPath: ["食品"], Skus: [], ValidDays: null, ValidFrom: null, ValidTo: null, Public: true, Code: WorkloadShape.PublicCouponCode, MaxRedemptions: null),
    ];
}
