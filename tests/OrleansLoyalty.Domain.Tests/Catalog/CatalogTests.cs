

namespace OrleansLoyalty.Domain.Tests;

public class CatalogTests
{
    [Fact]
    public void Finds_products_by_sku_and_barcode()
    {
        Assert.True(Shop.Catalog.TryGetBySku("MILK", out var bySku));
        Assert.True(Shop.Catalog.TryGetByBarcode("6902", out var byBarcode));
        Assert.Equal("纯牛奶", bySku.Name);
        Assert.Equal("YOGURT", byBarcode.Sku);
        Assert.Null(Shop.Catalog.FindBySku("6901"));
        Assert.Equal(6, Shop.Catalog.Count);
    }

    [Theory]
    [InlineData(1_199, 1_250, 1_499)]  // 1498.75 rounds up
    [InlineData(1_000, 1_234, 1_234)]
    [InlineData(999, 500, 500)]        // 499.5 rounds half up
    [InlineData(999, 499, 499)]        // 498.501
    [InlineData(999, 333, 333)]        // 332.667
    [InlineData(1_001, 1, 1)]          // 1.001
    public void Weighed_price_is_per_kg_times_grams_rounded_half_up(long pricePerKg, int grams, long expected)
    {
        Assert.Equal(expected, Catalog.WeighedPrice(pricePerKg, grams));
    }

    [Fact]
    public void Later_rows_of_a_bulk_upsert_win()
    {
        var catalog = new Catalog([Shop.Milk, Shop.Milk with { Price = 900 }]);

        Assert.Equal(900, catalog.FindBySku("MILK")!.Price);
    }

    [Fact]
    public void Category_rules_match_by_prefix_at_any_depth()
    {
        ImmutableArray<string> yogurt = ["食品", "乳制品", "酸奶"];

        Assert.True(CategoryPaths.IsUnder(yogurt, ["食品"]));
        Assert.True(CategoryPaths.IsUnder(yogurt, ["食品", "乳制品"]));
        Assert.True(CategoryPaths.IsUnder(yogurt, ["食品", "乳制品", "酸奶"]));
        Assert.False(CategoryPaths.IsUnder(yogurt, ["食品", "乳制品", "酸奶", "原味"]));
        Assert.False(CategoryPaths.IsUnder(yogurt, ["乳制品"]));
        Assert.False(CategoryPaths.IsUnder(yogurt, ["食品", "乳"]));
        Assert.False(CategoryPaths.IsUnder(yogurt, []));
    }
}
