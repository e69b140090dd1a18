using FsCheck.Xunit;

namespace OrleansLoyalty.Domain.Tests;

/// <summary>
/// The catalog finds SKUs through its own table (SKUs of up to 16 characters compared inside the table, longer ones
/// against the stored string); these hold it to a dictionary on every shape of SKU that could trip it up.
/// </summary>
public class CatalogSkuLookupTests
{
    private static readonly string[] Shapes =
    [
        "", "A", "SKU000123", "6901234567890", "1234567890123456", "12345678901234567", "商品-甲", "SKU-0001-LONG-NAME-OF-IT",
    ];

    [Property(MaxTest = 200)]
    public void Finds_every_sku_it_holds_and_nothing_else(int seed)
    {
        var random = new Random(seed);
        var skus = Enumerable.Range(0, random.Next(0, 2_000)).Select(_ => RandomSku(random)).ToList();
        var products = skus.Select((sku, i) => new Product(sku, null, $"p{i}", ["类别"], i, false)).ToList();
        var expected = new Dictionary<string, Product>(StringComparer.Ordinal);
        foreach (var product in products)
        {
            expected[product.Sku] = product;
        }

        var catalog = new Catalog(products);

        Assert.Equal(expected.Count, catalog.Count);
        foreach (var (sku, product) in expected)
        {
            // A copy of the string: found by its characters, not by reference.
            Assert.Same(product, catalog.FindBySku(new string(sku.AsSpan())));
        }
        for (var i = 0; i < 500; i++)
        {
            var probe = random.Next(3) == 0 && skus.Count > 0 ? Near(random, skus[random.Next(skus.Count)]) : RandomSku(random);
            Assert.Equal(expected.GetValueOrDefault(probe), catalog.FindBySku(probe));
            Assert.Equal(expected.ContainsKey(probe), catalog.TryGetBySku(probe, out _));
        }
    }

    [Fact]
    public void Skus_that_share_their_first_sixteen_characters_are_told_apart()
    {
        var catalog = new Catalog([
            new Product("ABCDEFGHIJKLMNOP-1", null, "one", [], 1, false),
            new Product("ABCDEFGHIJKLMNOP-2", null, "two", [], 2, false),
            new Product("ABCDEFGHIJKLMNOP", null, "sixteen", [], 3, false),
        ]);

        Assert.Equal("one", catalog.FindBySku("ABCDEFGHIJKLMNOP-1")?.Name);
        Assert.Equal("two", catalog.FindBySku("ABCDEFGHIJKLMNOP-2")?.Name);
        Assert.Equal("sixteen", catalog.FindBySku("ABCDEFGHIJKLMNOP")?.Name);
        Assert.Null(catalog.FindBySku("ABCDEFGHIJKLMNOP-3"));
        Assert.Null(catalog.FindBySku("ABCDEFGHIJKLMNO"));
    }

    [Fact]
    public void Products_keep_the_order_they_came_in_and_an_empty_catalog_finds_nothing()
    {
        var catalog = new Catalog([Shop.Rice, Shop.Milk, Shop.Apple, Shop.Milk with { Price = 900 }]);

        Assert.Equal(["RICE", "MILK", "APPLE"], catalog.Products.Select(p => p.Sku));
        Assert.Equal(900, catalog.FindBySku("MILK")!.Price);
        Assert.Null(Catalog.Empty.FindBySku("MILK"));
        Assert.Throws<ArgumentNullException>(() => catalog.FindBySku(null!));
    }

    private static string RandomSku(Random random) => random.Next(4) switch
    {
        0 => Shapes[random.Next(Shapes.Length)] + (random.Next(2) == 0 ? "" : random.Next(10).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        1 => "SKU" + random.Next(0, 3_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
        2 => new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => (char)random.Next('0', 'Z'))]),
        _ => new string([.. Enumerable.Range(0, random.Next(14, 19)).Select(_ => (char)random.Next('A', 'D'))]),
    };

    /// <summary>A SKU one character away from <paramref name="sku"/>: longer, shorter or changed.</summary>
    private static string Near(Random random, string sku) => random.Next(3) switch
    {
        0 => sku + "X",
        1 => sku.Length > 0 ? sku[..^1] : "Y",
        _ => sku.Length > 0 ? sku[..^1] + (char)(sku[^1] + 1) : "Z",
    };
}
