namespace OrleansLoyalty.Domain.Tests;

/// <summary>
/// Random campaigns of every kind and option: targets (everything, a category at any depth, SKUs, both,
/// nothing in the catalog), tiers, stores, schedules (dates, weekdays, daily hours), per-member limits,
/// budgets (zero included), exclusive and stacking ones with tied priorities, paused and invalid ones.
/// </summary>
internal static class GoldenCampaigns
{
    private static readonly DateOnly Around = new(2026, 12, 1);

    public static List<Campaign> Random(Random random, IReadOnlyList<Product> products, int count)
    {
        var campaigns = new List<Campaign>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = (CampaignKind)random.Next(4);
            var reward = Reward(random, kind);
            if (random.Next(50) == 0)
            {
                reward = new CampaignReward(0, -1, 0, 5, 0); // refused by the validator, left out by the engine
            }
            // Ids do not follow creation order, so precedence by id differs from index order.
            var id = $"c{random.Next(100):D2}-{i}";
            campaigns.Add(new Campaign(id, $"活动{i}", kind, Schedule(random), Target(random, products), reward,
                new CampaignLimits(random.Next(7) == 0 ? random.Next(1, 3) : null, Budget(random)),
                new CampaignStacking(random.Next(8) == 0, random.Next(0, 4)),
                Paused: random.Next(25) == 0));
        }
        return campaigns;
    }

    private static CampaignReward Reward(Random random, CampaignKind kind) => kind switch
    {
        CampaignKind.PercentOff => new CampaignReward(random.Next(10) == 0 ? random.Next(1, 101) : random.Next(5, 40), 0, 0, 0, 0),
        CampaignKind.AmountOffOver => new CampaignReward(0, random.Next(4) == 0 ? 0 : random.Next(1, 40) * 500, random.Next(1, 60) * 100 + random.Next(3), 0, 0),
        CampaignKind.PointsMultiplier => new CampaignReward(0, 0, 0, random.Next(10, 41), 0),
        _ => new CampaignReward(0, random.Next(3) == 0 ? 0 : random.Next(1, 30) * 500, 0, 0, random.Next(1, 500)),
    };

    private static CampaignSchedule Schedule(Random random)
    {
        if (random.Next(5) < 3)
        {
            return CampaignSchedule.Always;
        }
        DateOnly? from = random.Next(3) == 0 ? null : Around.AddDays(random.Next(-120, 60));
        DateOnly? to = random.Next(3) == 0 ? null : (from ?? Around).AddDays(random.Next(0, 150));
        ImmutableArray<DayOfWeek> weekdays = random.Next(4) == 0
            ? [.. Enum.GetValues<DayOfWeek>().Where(_ => random.Next(2) == 0)]
            : [];
        TimeOnly? start = random.Next(5) == 0 ? new TimeOnly(random.Next(6, 14), random.Next(2) * 30) : null;
        TimeOnly? end = random.Next(5) == 0 ? new TimeOnly(random.Next(12, 23), random.Next(2) * 30) : null;
        return new CampaignSchedule(from, to, weekdays, start, end);
    }

    private static CampaignTarget Target(Random random, IReadOnlyList<Product> products)
    {
        ImmutableArray<string> tiers = random.Next(7) switch
        {
            0 => ["silver", "gold"],
            1 => ["standard"],
            _ => [],
        };
        ImmutableArray<string> stores = random.Next(10) == 0 ? (random.Next(2) == 0 ? ["s001"] : ["s002", "s003"]) : [];
        var roll = random.Next(20);
        ImmutableArray<string> category = roll switch
        {
            < 4 => [],
            < 13 => Prefix(random, WithCategory(random, products).CategoryPath),
            13 => ["不存在的类别"],
            < 17 => [],
            _ => Prefix(random, WithCategory(random, products).CategoryPath),
        };
        ImmutableArray<string> skus = roll >= 14
            ? [.. Enumerable.Range(0, random.Next(1, 41)).Select(_ => random.Next(15) == 0 ? "UNKNOWN-SKU" : products[random.Next(products.Count)].Sku)]
            : [];
        return new CampaignTarget(tiers, stores, category, skus);
    }

    /// <summary>A random product that has a category (some products have none).</summary>
    public static Product WithCategory(Random random, IReadOnlyList<Product> products)
    {
        while (true)
        {
            var product = products[random.Next(products.Count)];
            if (!product.CategoryPath.IsDefaultOrEmpty)
            {
                return product;
            }
        }
    }

    private static ImmutableArray<string> Prefix(Random random, ImmutableArray<string> path) =>
        [.. path.Take(random.Next(1, path.Length + 1))];

    private static long? Budget(Random random) => random.Next(8) switch
    {
        0 => 0,
        1 => random.Next(1, 200),
        2 => random.Next(200, 20_000),
        _ => null,
    };
}
