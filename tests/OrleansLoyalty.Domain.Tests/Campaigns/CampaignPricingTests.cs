namespace OrleansLoyalty.Domain.Tests;

public class CampaignPricingTests
{
    private static readonly BasketLine[] MilkYogurtRice =
        [Shop.Line("1", Shop.Milk, 2), Shop.Line("2", Shop.Yogurt), Shop.Line("3", Shop.Rice)];

    private static PricingResult Price(IEnumerable<Campaign> campaigns, IEnumerable<BasketLine>? lines = null,
        MemberContext? member = null, DateTimeOffset? at = null, string storeId = "s001",
        ImmutableDictionary<string, long?>? budgets = null)
    {
        var result = Shop.Engine(campaigns).Price(Shop.Request(lines ?? MilkYogurtRice, member, at, storeId: storeId, budgets: budgets));
        Invariants.Hold(result);
        return result;
    }

    private static Campaign DairyPercentOff(int percent = 20, string id = "dairy", CampaignSchedule? schedule = null,
        CampaignTarget? target = null, CampaignLimits? limits = null, CampaignStacking? stacking = null, bool paused = false) =>
        Shop.Campaign(id, CampaignKind.PercentOff, Shop.PercentOff(percent), target ?? Shop.Category("食品", "乳制品"),
            schedule, limits, stacking, paused);

    [Fact]
    public void Percent_off_on_a_category_takes_off_every_line_under_it()
    {
        var result = Price([DairyPercentOff()]);

        var discount = Assert.Single(result.Discounts);
        Assert.Equal(("campaign:dairy", DiscountKind.Promotion, "8折", 510L), (discount.RuleId, discount.Kind, discount.Label, discount.Amount));
        Assert.Equal(["1", "2"], discount.LineIds.ToArray());
        Assert.Equal(2_000 + 550 + 5_990 - 510, result.Total);
        Assert.Equal(new CampaignUsage("dairy", 510, CampaignKind.PercentOff), Assert.Single(result.CampaignUsages));
    }

    [Fact]
    public void Percent_off_on_skus_takes_off_only_those_skus()
    {
        var result = Price([DairyPercentOff(10, target: Shop.Skus("YOGURT"))]);

        Assert.Equal(55, result.DiscountTotal);
        Assert.Equal(["2"], Assert.Single(result.Discounts).LineIds.ToArray());
    }

    [Fact]
    public void Of_two_percent_off_campaigns_on_a_line_the_higher_priority_wins()
    {
        var result = Price([
            DairyPercentOff(50, "half", stacking: new CampaignStacking(false, 1)),
            DairyPercentOff(10, "tenth", stacking: new CampaignStacking(false, 5))]);

        Assert.Equal("campaign:tenth", Assert.Single(result.Discounts).RuleId);
        Assert.Equal(255, result.DiscountTotal);
    }

    [Fact]
    public void An_exclusive_campaign_keeps_its_lines_out_of_other_promotions()
    {
        var everything = Shop.Campaign("mj", CampaignKind.AmountOffOver, Shop.AmountOffOver(5_000, 1_000));
        var exclusiveMilk = DairyPercentOff(10, "milk", target: Shop.Skus("MILK"), stacking: new CampaignStacking(true, 0));
        BasketLine[] lines = [Shop.Line("1", Shop.Milk, 2), Shop.Line("2", Shop.Rice)];

        var shared = Price([everything, DairyPercentOff(10, "milk", target: Shop.Skus("MILK"))], lines);
        var exclusive = Price([everything, exclusiveMilk], lines);

        Assert.Equal(["1", "2"], shared.Discounts.Single(d => d.RuleId == "campaign:mj").LineIds.ToArray());
        Assert.Equal(["2"], exclusive.Discounts.Single(d => d.RuleId == "campaign:mj").LineIds.ToArray());
        Assert.Equal(1_800 + 4_990, exclusive.Total);
    }

    [Fact]
    public void An_exclusive_campaign_beats_a_higher_priority_shared_one()
    {
        var result = Price([
            DairyPercentOff(50, "shared", stacking: new CampaignStacking(false, 9)),
            DairyPercentOff(10, "exclusive", stacking: new CampaignStacking(true, 0))]);

        Assert.Equal("campaign:exclusive", Assert.Single(result.Discounts).RuleId);
    }

    [Fact]
    public void Amount_off_over_needs_the_threshold_and_says_how_much_is_missing()
    {
        var campaign = Shop.Campaign("mj", CampaignKind.AmountOffOver, Shop.AmountOffOver(10_000, 2_000));

        var below = Price([campaign]);
        var above = Price([campaign], [.. MilkYogurtRice, Shop.Line("4", Shop.Rice)]);

        Assert.Empty(below.Discounts);
        Assert.Contains("再买¥14.60可享满100减20", below.Messages);
        var discount = Assert.Single(above.Discounts);
        Assert.Equal(("满100减20", 2_000L), (discount.Label, discount.Amount));
        Assert.Equal(2_000 + 550 + 5_990 * 2 - 2_000, above.Total);
    }

    [Fact]
    public void Amount_off_over_never_takes_more_than_its_lines_are_worth()
    {
        var result = Price([Shop.Campaign("mj", CampaignKind.AmountOffOver, Shop.AmountOffOver(0, 99_999), Shop.Skus("YOGURT"))]);

        Assert.Equal(550, result.DiscountTotal);
        Assert.Equal(0, result.Lines.Single(line => line.LineId == "2").Net);
    }

    [Fact]
    public void Campaigns_run_only_on_their_schedule_in_store_local_time()
    {
        var fridays = DairyPercentOff(schedule: new CampaignSchedule(null, null, [DayOfWeek.Friday]));
        var november = DairyPercentOff(schedule: new CampaignSchedule(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 24), []));
        var mornings = DairyPercentOff(schedule: new CampaignSchedule(null, null, [], new TimeOnly(7, 0), new TimeOnly(9, 0)));

        Assert.Empty(Price([fridays]).Discounts);
        Assert.Single(Price([fridays], at: Shop.Tuesday.AddDays(3)).Discounts);
        Assert.Single(Price([november]).Discounts);                              // the last day is included
        Assert.Empty(Price([november], at: Shop.Wednesday).Discounts);
        Assert.Empty(Price([mornings]).Discounts);                                // 10:00
        Assert.Single(Price([mornings], at: Shop.Tuesday.AddHours(-2)).Discounts); // 08:00
        Assert.Empty(Price([mornings], at: Shop.Tuesday.AddHours(-1)).Discounts);  // 09:00 is the end
    }

    [Fact]
    public void Paused_campaigns_other_stores_and_other_tiers_get_nothing()
    {
        var goldOnly = DairyPercentOff(target: new CampaignTarget(["gold"], [], ["食品", "乳制品"], []));

        Assert.Empty(Price([DairyPercentOff(paused: true)]).Discounts);
        Assert.Empty(Price([DairyPercentOff(target: new CampaignTarget([], ["s002"], ["食品"], []))]).Discounts);
        Assert.Single(Price([DairyPercentOff(target: new CampaignTarget([], ["s002"], ["食品"], []))], storeId: "s002").Discounts);
        Assert.Empty(Price([goldOnly]).Discounts);
        Assert.DoesNotContain(Price([goldOnly], member: Shop.Member("silver")).Discounts, d => d.Kind == DiscountKind.Promotion);
        Assert.Single(Price([goldOnly], member: Shop.Member("gold")).Discounts.Where(d => d.Kind == DiscountKind.Promotion));
    }

    [Fact]
    public void A_campaign_for_segments_runs_only_for_members_the_last_analysis_put_in_one_of_them()
    {
        var winBack = DairyPercentOff(target: Shop.Category("食品", "乳制品") with { Segments = [Segment.AtRisk, Segment.Lost] });
        bool Discounted(MemberContext? member) => Price([winBack], member: member).Discounts.Any(d => d.RuleId == "campaign:dairy");

        Assert.True(Discounted(Shop.Member() with { Segment = Segment.AtRisk }));
        Assert.True(Discounted(Shop.Member() with { Segment = Segment.Lost }));
        Assert.False(Discounted(Shop.Member() with { Segment = Segment.Champions }));
        Assert.False(Discounted(Shop.Member()));
        Assert.False(Discounted(null));
    }

    [Fact]
    public void A_campaign_for_a_segment_that_does_not_exist_is_refused()
    {
        var errors = CampaignValidator.Validate(DairyPercentOff(target: Shop.Category("食品") with { Segments = ["at_risk", "vip"] }));

        Assert.Equal("target.segments: 'vip' is not a segment (champions, loyal, promising, new, needs_attention, at_risk, hibernating, prospect, lost)", Assert.Single(errors));
    }

    [Fact]
    public void A_campaign_gives_at_most_its_remaining_budget()
    {
        var budgeted = DairyPercentOff(limits: new CampaignLimits(null, 100_000));

        var spent = Price([budgeted], budgets: ImmutableDictionary<string, long?>.Empty.Add("dairy", 0));
        var nearlySpent = Price([budgeted], budgets: ImmutableDictionary<string, long?>.Empty.Add("dairy", 150));
        var unlimited = Price([DairyPercentOff(limits: new CampaignLimits(null, 10))], budgets: ImmutableDictionary<string, long?>.Empty.Add("dairy", null));
        var fromDefinition = Price([DairyPercentOff(limits: new CampaignLimits(null, 10))]);

        Assert.Empty(spent.Discounts);
        Assert.Empty(spent.CampaignUsages);
        Assert.Equal(150, nearlySpent.DiscountTotal);
        Assert.Equal(150, Assert.Single(nearlySpent.CampaignUsages).Amount);
        Assert.Equal(510, unlimited.DiscountTotal);
        Assert.Equal(10, fromDefinition.DiscountTotal);
    }

    [Fact]
    public void A_member_who_used_a_campaign_up_to_its_limit_no_longer_gets_it()
    {
        var oncePerMember = DairyPercentOff(limits: new CampaignLimits(1, null));
        var used = ImmutableDictionary<string, int>.Empty.Add("dairy", 1);

        Assert.Single(Price([oncePerMember], member: Shop.Member()).Discounts);
        Assert.Empty(Price([oncePerMember], member: Shop.Member(usage: used)).Discounts);
        Assert.Empty(Price([oncePerMember]).Discounts);
    }

    [Fact]
    public void Campaigns_never_discount_tobacco_or_infant_formula()
    {
        var everything = Shop.Campaign("all", CampaignKind.PercentOff, Shop.PercentOff(50), Shop.Skus("CIG", "FORMULA", "RICE"));

        var result = Price([everything], [Shop.Line("1", Shop.Cigarettes), Shop.Line("2", Shop.Formula), Shop.Line("3", Shop.Rice)]);

        Assert.Equal(["3"], Assert.Single(result.Discounts).LineIds.ToArray());
    }

    [Fact]
    public void Double_points_on_fruit_multiply_only_the_fruit_share()
    {
        var fruit = Shop.Campaign("fruit", CampaignKind.PointsMultiplier, Shop.Multiplier(20), Shop.Category("生鲜", "水果"));
        BasketLine[] lines = [Shop.Weighed("1", Shop.Apple, 1_000), Shop.Line("2", Shop.Rice)];

        var result = Price([fruit], lines, Shop.Member());

        // 71 full yuan; the fruit is 1200/7190 of them: extra ⌊71 × 1200 / 7190⌋ = 11.
        Assert.Equal(71 + 11, result.PointsToEarn);
        Assert.Equal(new CampaignUsage("fruit", 11, CampaignKind.PointsMultiplier), Assert.Single(result.CampaignUsages));
        Assert.Equal(0, Price([fruit], lines).PointsToEarn);
    }

    [Fact]
    public void Bonus_points_come_once_the_threshold_is_reached()
    {
        var bonus = Shop.Campaign("bonus", CampaignKind.BonusPoints, Shop.Bonus(50, threshold: 5_000));

        Assert.Equal(59 + 50, Price([bonus], [Shop.Line("1", Shop.Rice)], Shop.Member()).PointsToEarn);
        Assert.Equal(10, Price([bonus], [Shop.Line("1", Shop.Milk)], Shop.Member()).PointsToEarn);
    }
}
