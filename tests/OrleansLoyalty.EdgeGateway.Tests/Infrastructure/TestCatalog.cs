using OrleansLoyalty.Contracts.Lanes;

namespace OrleansLoyalty.EdgeGateway.Tests.Infrastructure;

public static class TestCatalog
{
    public const string Yogurt = "6901234567892";
    public const long YogurtPrice = 1250;
    public const string Banana = "2000001";
    public const long BananaPricePerKg = 698;
    public const string Rice = "6907777000011";
    public const long RicePrice = 5990;

    public static LaneCatalogSnapshot Snapshot(string storeId) => new()
    {
        StoreId = storeId,
        AsOf = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.FromHours(8)),
        Products =
        [
            new LaneCatalogItem { Sku = "690123", Barcode = Yogurt, Name = "光明酸奶 Yogurt", CategoryPath = ["食品", "乳制品", "酸奶"], Price = YogurtPrice },
            new LaneCatalogItem { Sku = "BANANA", Barcode = Banana, Name = "香蕉 Banana", CategoryPath = ["生鲜", "水果"], Price = BananaPricePerKg, SoldByWeight = true },
            new LaneCatalogItem { Sku = "RICE5", Barcode = Rice, Name = "五常大米 Rice 5kg", CategoryPath = ["食品", "粮油"], Price = RicePrice },
        ],
    };
}
