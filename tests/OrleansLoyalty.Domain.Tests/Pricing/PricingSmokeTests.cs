

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
}
