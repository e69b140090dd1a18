namespace OrleansLoyalty.Domain.Tests;

public class MemberDiscountTests
{
    private static readonly BasketLine[] MilkAndRice = [Shop.Line("1", Shop.Milk, 2), Shop.Line("2", Shop.Rice)];

    private static PricingResult Price(MemberContext? member, DateTimeOffset at, Programme? programme = null, IEnumerable<BasketLine>? lines = null)
    {
        var result = Shop.Engine(programme: programme).Price(Shop.Request(lines ?? MilkAndRice, member, at));
        Invariants.Hold(result);
        return result;
    }

    [Fact]
    public void Gold_members_get_five_percent_off_labelled_as_their_tier()
    {
        var result = Price(Shop.Member("gold"), Shop.Tuesday);

        var discount = Assert.Single(result.Discounts);
        Assert.Equal(("tier:gold", DiscountKind.Tier, "金卡95折"), (discount.RuleId, discount.Kind, discount.Label));
        Assert.Equal(100 + 300, discount.Amount); // 5990 × 5 % = 299.5 rounds half up
        Assert.Equal(7_590, result.Total);
    }

    [Fact]
    public void Silver_members_get_two_percent_off()
    {
        Assert.Equal("银卡98折", Assert.Single(Price(Shop.Member("silver"), Shop.Tuesday).Discounts).Label);
    }

    [Fact]
    public void Member_day_is_ten_percent_off_on_wednesday_only()
    {
        var wednesday = Price(Shop.Member(), Shop.Wednesday);
        var tuesday = Price(Shop.Member(), Shop.Tuesday);
        var thursday = Price(Shop.Member(), Shop.Wednesday.AddDays(1));

        var discount = Assert.Single(wednesday.Discounts);
        Assert.Equal(("memberDay", "会员日9折", 200L + 599L), (discount.RuleId, discount.Label, discount.Amount));
        Assert.True(wednesday.IsMemberDay);
        Assert.Empty(tuesday.Discounts);
        Assert.Empty(thursday.Discounts);
    }

    [Fact]
    public void Member_day_follows_the_store_local_date_not_utc()
    {
        // 23:30 on Tuesday UTC is already Wednesday 07:30 in Shanghai: the store's clock decides.
        var shanghaiWednesdayMorning = new DateTimeOffset(2026, 11, 25, 7, 30, 0, TimeSpan.FromHours(8));

        Assert.True(Price(Shop.Member(), shanghaiWednesdayMorning).IsMemberDay);
    }

    [Fact]
    public void Member_day_and_tier_discount_do_not_stack_the_larger_applies()
    {
        var gold = Price(Shop.Member("gold"), Shop.Wednesday);
        var generousGold = Programme.Default with
        {
            Tiers = Programme.Default.Tiers.SetItem(2, Programme.Default.Tiers[2] with { DiscountBasisPoints = 1200 }),
        };
        var generous = Price(Shop.Member("gold"), Shop.Wednesday, generousGold);

        Assert.Equal("memberDay", Assert.Single(gold.Discounts).RuleId);
        Assert.Equal(799, gold.DiscountTotal);
        Assert.Equal("金卡88折", Assert.Single(generous.Discounts).Label);
    }

    [Fact]
    public void Anonymous_shoppers_get_no_member_benefits()
    {
        Assert.Empty(Price(null, Shop.Wednesday).Discounts);
    }

    [Fact]
    public void Tobacco_and_infant_formula_are_never_discounted()
    {
        var result = Price(Shop.Member("gold"), Shop.Wednesday, lines: [Shop.Line("1", Shop.Cigarettes), Shop.Line("2", Shop.Formula), Shop.Line("3", Shop.Milk)]);

        Assert.Equal(["3"], Assert.Single(result.Discounts).LineIds.ToArray());
        Assert.Equal(2_500 + 30_000 + 900, result.Total);
    }

    [Fact]
    public void A_line_may_override_price_and_category()
    {
        var result = Price(Shop.Member("gold"), Shop.Tuesday, lines: [new BasketLine("1", "MILK", 1, null, 2_000, ["烟草"])]);

        Assert.Empty(result.Discounts);
        Assert.Equal(2_000, result.Total);
    }
}
