

namespace OrleansLoyalty.Domain.Tests;

public class PricingSmokeTests
{
    [Fact]
    public void Anonymous_basket_pays_catalog_prices()
    {
        var result = Shop.Engine().Price(Shop.Request([Shop.Line("1", Shop.Milk, 2), Shop.Weighed("2", Shop.Apple, 1250)]));

        Invariants.Hold(result);
        Assert.Equal(2_000 + 1_500, result.Total);
        Assert.Equal(0, result.PointsToEarn);
        Assert.Empty(result.Discounts);
    }

    [Fact]
    public void Unknown_sku_is_refused_with_catalog_code()
    {
        var result = Shop.Engine().Price(Shop.Request([new BasketLine("1", "NOPE", 1)]));

        Assert.False(result.IsSuccess);
        Assert.Equal("catalog.unknown_item", result.Error!.Code);
        Assert.Equal("1", result.Error.LineId);
    }

    [Theory]
    [InlineData("MILK", 0, null)]      // no quantity
    [InlineData("APPLE", 1, null)]     // weighed goods need grams
    [InlineData("MILK", 1, 500)]       // milk is not sold by weight
    public void Malformed_lines_are_refused_as_invalid(string sku, int qty, int? grams)
    {
        var result = Shop.Engine().Price(Shop.Request([new BasketLine("1", sku, qty, grams)]));

        Assert.Equal("request.invalid", result.Error?.Code);
    }

    [Fact]
    public void A_line_id_used_twice_is_refused()
    {
        var result = Shop.Engine().Price(Shop.Request([Shop.Line("1", Shop.Milk), Shop.Line("1", Shop.Rice)]));

        Assert.Equal("request.invalid", result.Error?.Code);
    }

    [Fact]
    public void An_unknown_sku_with_its_own_price_is_priced()
    {
        var result = Shop.Engine().Price(Shop.Request([new BasketLine("1", "OPEN-PRICE", 2, null, 350)]));

        Assert.Equal(700, result.Total);
    }

    [Fact]
    public void Invalid_campaigns_are_left_out_and_reported_instead_of_breaking_quotes()
    {
        var broken = Shop.Campaign("broken", CampaignKind.PercentOff, Shop.PercentOff(0));
        var engine = Shop.Engine([broken, Shop.Campaign("ok", CampaignKind.PercentOff, Shop.PercentOff(10))]);

        Assert.Equal(["broken"], engine.RejectedCampaignIds.ToArray());
        Assert.Equal(100, engine.Price(Shop.Request([Shop.Line("1", Shop.Milk)])).DiscountTotal);
    }
}
