using System.Net;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests.Admin;

[Collection(ApiCollection.Name)]
public sealed class CatalogTests(ApiFixture fixture)
{
    [Fact]
    public async Task Head_office_lists_every_store_and_a_manager_only_their_own()
    {
        var mine = AdminHttp.Store();
        var other = AdminHttp.Store();
        await fixture.Admin.PutAsync($"/api/v1/stores/{mine}", new { name = "徐家汇店", timeZone = "Asia/Shanghai", region = "华东" });
        await fixture.Admin.PutAsync($"/api/v1/stores/{other}", new { name = "天河店", timeZone = "Asia/Shanghai", region = "华南" });
        var manager = await fixture.ManagerAsync(mine);

        var all = await fixture.Admin.GetAsync("/api/v1/stores");
        var own = await manager.GetAsync("/api/v1/stores");

        var ids = all.Body!.AsArray().Select(s => s!["storeId"]!.GetValue<string>()).ToList();
        Assert.Contains(mine, ids);
        Assert.Contains(other, ids);
        Assert.Equal([(mine, "徐家汇店")], own.Body!.AsArray().Select(s => (s!["storeId"]!.GetValue<string>(), s["name"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Fifty_thousand_products_upload_in_one_call_and_price_a_basket_by_sku()
    {
        var storeId = AdminHttp.Store();
        var products = Enumerable.Range(0, 50_000).Select(i => new
        {
            sku = $"SKU{i:D6}", barcode = $"690{i:D10}", name = $"商品{i}",
            categoryPath = new[] { "食品", i % 2 == 0 ? "乳制品" : "零食", $"子类{i % 7}" }, price = 100 + i,
        }).ToArray();

        var upload = await fixture.Admin.PutAsync($"/api/v1/stores/{storeId}/products", products);

        Assert.Equal(HttpStatusCode.OK, upload.Status);
        Assert.Equal(50_000, upload.Long("upserted"));
        var quote = await AdminHttp.Until(
            () => fixture.Admin.QuoteAsync(storeId, null, AdminHttp.Line("1", "SKU012345", 2), AdminHttp.Line("2", "SKU049999", 1)),
            r => r.Status == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, quote.Status);
        Assert.Equal((100 + 12_345) * 2 + (100 + 49_999), quote.Long("total"));
        var bySku = await fixture.Admin.GetAsync($"/api/v1/stores/{storeId}/products?sku=SKU000007");
        Assert.Equal(107, bySku.Long("price"));
        Assert.Equal(new[] { "食品", "零食", "子类0" }, bySku.Body!["categoryPath"]!.AsArray().Select(n => n!.GetValue<string>()));
        var byBarcode = await fixture.Admin.GetAsync($"/api/v1/stores/{storeId}/products?barcode=6900000000008");
        Assert.Equal("SKU000008", byBarcode.Body!["sku"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_upload_changes_the_price_the_next_quotes_use()
    {
        var storeId = AdminHttp.Store();
        await fixture.Admin.PutCatalogAsync(storeId, ("MILK", 1250));
        await AdminHttp.Until(() => fixture.Admin.QuoteAsync(storeId, null, AdminHttp.Line("1", "MILK", 1)), r => r.Status == HttpStatusCode.OK);

        await fixture.Admin.PutCatalogAsync(storeId, ("MILK", 990));

        var quote = await AdminHttp.Until(() => fixture.Admin.QuoteAsync(storeId, null, AdminHttp.Line("1", "MILK", 1)),
            r => r.Status == HttpStatusCode.OK && r.Long("total") == 990);
        Assert.Equal(990, quote.Long("total"));
    }

    [Fact]
    public async Task Each_invalid_product_is_named_by_index_and_field_and_nothing_is_saved()
    {
        var storeId = AdminHttp.Store();
        var reply = await fixture.Admin.PutAsync($"/api/v1/stores/{storeId}/products", new object[]
        {
            new { sku = "OK1", name = "好的", categoryPath = new[] { "食品" }, price = 100 },
            new { sku = "BAD1", name = "负价", categoryPath = new[] { "食品" }, price = -1 },
            new { sku = "BAD2", name = "无类", categoryPath = Array.Empty<string>(), price = 100 },
            new { sku = "OK1", name = "重复", categoryPath = new[] { "食品" }, price = 100 },
            new { name = "无码", categoryPath = new[] { "食品" }, price = 100 },
        });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("request.invalid", reply.Code);
        var errors = reply.Body!["errors"]!.AsObject();
        Assert.Equal(new[] { "[1].price", "[2].categoryPath", "[3].sku", "[4].sku" }, errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        var lookup = await fixture.Admin.GetAsync($"/api/v1/stores/{storeId}/products?sku=OK1");
        Assert.Equal(HttpStatusCode.NotFound, lookup.Status);
    }

    [Fact]
    public async Task A_store_needs_an_iana_time_zone()
    {
        var storeId = AdminHttp.Store();
        var bad = await fixture.Admin.PutAsync($"/api/v1/stores/{storeId}", new { name = "人民广场店", timeZone = "Mars/Olympus", region = "华东" });
        var good = await fixture.Admin.PutAsync($"/api/v1/stores/{storeId}", new { name = "人民广场店", timeZone = "Asia/Urumqi", region = "西北" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.True(bad.Body!["errors"]!.AsObject().ContainsKey("timeZone"));
        Assert.Equal(HttpStatusCode.OK, good.Status);
        Assert.Equal("Asia/Urumqi", good.Body!["timeZone"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_manager_may_not_change_another_stores_catalog()
    {
        var manager = await fixture.ManagerAsync("s001");

        var own = await manager.PutAsync("/api/v1/stores/s001/products", new[] { new { sku = "MGR-OWN", name = "自家", categoryPath = new[] { "食品" }, price = 100 } });
        var other = await manager.PutAsync("/api/v1/stores/s002/products", new[] { new { sku = "MGR-OTHER", name = "别家", categoryPath = new[] { "食品" }, price = 100 } });

        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal(HttpStatusCode.Forbidden, other.Status);
        Assert.Equal("auth.forbidden_store", other.Code);
    }
}
