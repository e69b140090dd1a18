namespace OrleansLoyalty.Domain.Tests;

/// <summary>
/// One reproducible shop for the golden-results test: a programme, a catalog, campaigns and coupon templates,
/// and a generator of requests against them. Everything comes from <see cref="System.Random"/> with fixed seeds
/// (the seeded algorithm is stable across .NET versions), never from the engine, so the requests stay the same
/// whatever the engine does and the golden file pins the engine's answers to them.
/// </summary>
internal sealed class GoldenWorld
{
    /// <summary>Tiers any member may claim; "platinum" is not in any programme (counts as the lowest tier).</summary>
    private static readonly string[] MemberTiers = ["standard", "standard", "silver", "gold", "platinum"];

    private static readonly string[] Stores = ["s001", "s001", "s001", "s002", "s003"];

    /// <summary>Store-local instants the requests use: weekdays and Wednesdays, month ends, a leap day, early and late hours.</summary>
    private static readonly DateOnly[] Dates =
    [
        new(2026, 11, 24), new(2026, 11, 25), new(2026, 11, 26), new(2026, 11, 29), new(2026, 12, 2), new(2026, 12, 31),
        new(2027, 1, 1), new(2027, 2, 6), new(2027, 2, 28), new(2027, 3, 3), new(2028, 2, 29), new(2026, 9, 25),
    ];

    /// <summary>Category paths a lane may send that no product of any golden world is on.</summary>
    public static readonly ImmutableArray<string>[] NovelPaths =
    [
        ["新品", "试销"],
        ["烟草", "电子烟"],
        ["食品", "乳制品", "新口味"],
        ["生鲜", "水果", "进口", "车厘子"],
    ];

    private readonly int _seed;
    private readonly Product[] _products;
    private readonly ImmutableArray<string>[] _categories;
    private readonly string[] _campaignIds;
    private readonly string[] _publicCodes;
    private readonly (string Code, string TemplateId)[] _memberCoupons;

    public GoldenWorld(string name, int seed, Programme programme, IReadOnlyList<Product> products,
        IReadOnlyList<Campaign> campaigns, IReadOnlyList<CouponTemplate> templates)
    {
        Name = name;
        _seed = seed;
        _products = [.. products];
        _categories = [.. products.Select(p => p.CategoryPath).Where(path => !path.IsDefaultOrEmpty).DistinctBy(path => string.Join('/', path))];
        _campaignIds = [.. campaigns.Select(c => c.CampaignId)];
        _publicCodes = [.. templates.Where(t => t.Public && t.Code is not null).Select(t => t.Code!)];
        var memberTemplates = templates.Where(t => !t.Public).Select(t => t.TemplateId)
            .Concat([programme.Gifts?.SignUp?.Coupon?.TemplateId, programme.Gifts?.Birthday?.Coupon?.TemplateId, "t-withdrawn"])
            .OfType<string>().ToArray();
        _memberCoupons = [.. memberTemplates.Select((id, i) => ($"MC-{i}", id))];
        Engine = new PricingEngine(programme, new Catalog(products), campaigns, templates);
    }

    public string Name { get; }

    public PricingEngine Engine { get; }

    /// <summary>Request number <paramref name="number"/> of this world; the same number always gives the same request.</summary>
    public PricingRequest Request(int number)
    {
        var random = new Random(unchecked(_seed * 100_003 + number));
        var date = Dates[random.Next(Dates.Length)];
        var time = new TimeOnly(random.Next(6, 23), random.Next(60));
        var at = new DateTimeOffset(date.ToDateTime(time), TimeSpan.FromHours(8));
        var member = random.Next(4) == 0 ? null : Member(random, date);
        var storeId = random.Next(200) == 0 ? "" : Stores[random.Next(Stores.Length)];
        return new PricingRequest(storeId, "03", at, member, Lines(random), Codes(random),
            RedeemPoints(random), Budgets(random), Redemptions(random));
    }

    private ImmutableArray<BasketLine> Lines(Random random)
    {
        var count = random.Next(10) == 0 ? random.Next(21, 45) : random.Next(0, 21);
        var lines = ImmutableArray.CreateBuilder<BasketLine>(count);
        for (var i = 0; i < count; i++)
        {
            var id = $"L{i}";
            var product = _products[random.Next(_products.Length)];
            var roll = random.Next(100);
            lines.Add(roll switch
            {
                // Open-price items the catalog does not know, by unit and by weight.
                < 3 => new BasketLine(id, $"OPEN-{random.Next(5)}", random.Next(1, 4), null, random.Next(0, 8_000)),
                < 5 => new BasketLine(id, $"OPEN-W{random.Next(3)}", 0, random.Next(1, 2_500), random.Next(100, 9_000),
                    random.Next(2) == 0 ? null : CategoryFor(random)),
                // The lane overrides the catalog's price or category.
                < 12 => Known(random, id, product) with { UnitPrice = random.Next(0, 20_000) },
                < 17 => Known(random, id, product) with { CategoryPath = CategoryFor(random) },
                _ => Known(random, id, product),
            });
        }
        if (count > 0 && random.Next(60) == 0)
        {
            MakeOneLineInvalid(random, lines);
        }
        return lines.ToImmutable();
    }

    /// <summary>A category a lane may send: mostly one of the catalog's paths, else a prefix of one or a path no product is on.</summary>
    private ImmutableArray<string> CategoryFor(Random random)
    {
        var known = _categories[random.Next(_categories.Length)];
        return random.Next(10) switch
        {
            0 => [.. known.Take(random.Next(1, known.Length + 1))],
            1 => NovelPaths[random.Next(NovelPaths.Length)],
            _ => known,
        };
    }

    private static BasketLine Known(Random random, string id, Product product) =>
        product.SoldByWeight
            ? new BasketLine(id, product.Sku, 0, random.Next(1, 3_000))
            : new BasketLine(id, product.Sku, random.Next(20) == 0 ? random.Next(10, 200) : random.Next(1, 6));

    private static void MakeOneLineInvalid(Random random, ImmutableArray<BasketLine>.Builder lines)
    {
        var i = random.Next(lines.Count);
        var line = lines[i];
        lines[i] = random.Next(6) switch
        {
            0 when lines.Count > 1 => line with { LineId = lines[(i + 1) % lines.Count].LineId },
            1 => line with { Qty = 0, WeightGrams = null },
            2 => new BasketLine(line.LineId, "NOT-IN-CATALOG", 1),
            3 => line with { WeightGrams = line.WeightGrams is null ? 250 : null },
            4 => line with { LineId = " " },
            _ => line with { UnitPrice = -1 },
        };
    }

    private MemberContext Member(Random random, DateOnly date)
    {
        var coupons = _memberCoupons
            .Where(_ => random.Next(3) != 0)
            .Select(c => new Coupon(c.Code, c.TemplateId, CouponStatusFor(random), date.AddDays(random.Next(4) == 0 ? 3 : -20),
                date.AddDays(random.Next(5) == 0 ? -1 : 25)))
            .ToImmutableArray();
        var usage = random.Next(3) == 0
            ? _campaignIds.Where(_ => random.Next(4) == 0).ToImmutableDictionary(id => id, _ => random.Next(0, 3))
            : null;
        var balance = random.Next(5) switch { 0 => 0, 1 => random.Next(0, 250), 2 => -50, _ => random.Next(0, 60_000) };
        return new MemberContext($"m{random.Next(1000)}", MemberTiers[random.Next(MemberTiers.Length)], Birthday(random, date), balance, coupons, usage);
    }

    private static CouponStatus CouponStatusFor(Random random) => random.Next(10) switch
    {
        0 => CouponStatus.Used,
        1 => CouponStatus.Expired,
        _ => CouponStatus.Active,
    };

    private static MemberBirthday? Birthday(Random random, DateOnly date)
    {
        switch (random.Next(8))
        {
            case 0:
                return null;
            case 1 or 2:
                return new MemberBirthday(date.Month, date.Day, BirthdayCalendar.Gregorian);
            case 3:
                var (_, month, isLeap, day) = Birthdays.ToLunar(date);
                return new MemberBirthday(month, day, BirthdayCalendar.Lunar, isLeap);
            case 4:
                return new MemberBirthday(2, 29, BirthdayCalendar.Gregorian);
            case 5:
                return new MemberBirthday(random.Next(0, 14), random.Next(0, 32), random.Next(2) == 0 ? BirthdayCalendar.Gregorian : BirthdayCalendar.Lunar);
            default:
                return new MemberBirthday(random.Next(1, 13), random.Next(1, 29), BirthdayCalendar.Gregorian);
        }
    }

    private ImmutableArray<string> Codes(Random random)
    {
        var codes = new List<string>();
        var count = random.Next(0, 5);
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(20);
            string code = roll switch
            {
                < 9 when _memberCoupons.Length > 0 => _memberCoupons[random.Next(_memberCoupons.Length)].Code,
                < 16 when _publicCodes.Length > 0 => _publicCodes[random.Next(_publicCodes.Length)],
                16 => "NOPE",
                17 => "  ",
                18 when codes.Count > 0 => codes[random.Next(codes.Count)],
                _ => _publicCodes.Length > 0 ? _publicCodes[0] : "NOPE",
            };
            // Cashiers type codes in any case.
            codes.Add(random.Next(4) == 0 ? code.ToLowerInvariant() : code);
        }
        return [.. codes];
    }

    private static long RedeemPoints(Random random) => random.Next(5) switch
    {
        0 or 1 => 0,
        2 => 100,
        3 => random.Next(1, 2_000),
        _ => random.Next(1, 40_000),
    };

    private ImmutableDictionary<string, long?>? Budgets(Random random)
    {
        if (random.Next(3) != 0)
        {
            return null;
        }
        return _campaignIds.Where(_ => random.Next(5) == 0).ToImmutableDictionary(id => id, _ => random.Next(6) switch
        {
            0 => (long?)null,
            1 => 0,
            2 => random.Next(1, 50),
            3 => random.Next(50, 3_000),
            _ => random.Next(3_000, 1_000_000),
        });
    }

    private ImmutableDictionary<string, long>? Redemptions(Random random) =>
        random.Next(4) != 0 || _publicCodes.Length == 0
            ? null
            : _publicCodes.Where(_ => random.Next(2) == 0).ToImmutableDictionary(code => code, _ => (long)random.Next(-1, 3));
}
