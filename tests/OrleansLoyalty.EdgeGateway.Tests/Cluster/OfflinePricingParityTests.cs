using System.Text.Json;
using OrleansLoyalty.EdgeGateway.Tests.Infrastructure;

namespace OrleansLoyalty.EdgeGateway.Tests.Cluster;

/// <summary>The gateway's offline prices against the real cluster's quote: the same engine, the same rules, the same numbers.</summary>
[Collection(MqttCollection.Name)]
public sealed class OfflinePricingParityTests
{
    [Fact]
    public async Task An_anonymous_basket_sold_offline_is_priced_exactly_as_the_cluster_quotes_it_under_its_campaigns()
    {
        await using var cluster = await LoyaltyCluster.CreateAsync();
        await cluster.StartAsync();
        var storeId = TestBroker.StoreA;
        await cluster.PutAsync($"api/v1/stores/{storeId}/products", TestCatalog.Snapshot(storeId).Products.Select(p => new
        {
            sku = p.Sku, barcode = p.Barcode, name = p.Name, categoryPath = p.CategoryPath, price = p.Price, soldByWeight = p.SoldByWeight,
        }));
        var fruit = Payloads.NewId("fruit")[..20];
        var threshold = Payloads.NewId("mj")[..20];
        await cluster.PostAsync("api/v1/campaigns", new
        {
            campaignId = fruit, name = "水果八八折", kind = "percentOff",
            target = new { storeIds = new[] { storeId }, categoryPath = new[] { "生鲜", "水果" } },
            reward = new { percent = 12 },
        });
        await cluster.PostAsync("api/v1/campaigns", new
        {
            campaignId = threshold, name = "满30减4", kind = "amountOffOver",
            target = new { storeIds = new[] { storeId } },
            reward = new { threshold = 3_000, amount = 400 },
        });
        // Bananas by weight and yogurt, as the lane below will scan them (line ids 1 and 2).
        var basket = new
        {
            storeId, laneId = "01",
            lines = new object[] { new { lineId = "1", sku = "BANANA", weightGrams = 1_234 }, new { lineId = "2", sku = "690123", qty = 2 } },
        };
        JsonElement quote = default;
        await Eventually.UntilAsync(
            () => (quote = cluster.PostAsync("api/v1/checkout/quote", basket).GetAwaiter().GetResult()).GetProperty("discounts").GetArrayLength() == 2,
            "the cluster to quote with both campaigns", deadline: TimeSpan.FromSeconds(30));

        using var setup = new GatewaySetup(storeId);
        using var gateway = await GatewayProcess.StartAsync(setup, new Dictionary<string, string>
        {
            ["Gateway:Cluster:Mode"] = "Orleans",
            ["Gateway:Cluster:ConnectionString"] = cluster.ConnectionString,
            ["Gateway:Cluster:ClusterId"] = cluster.ClusterId,
            ["Gateway:Cluster:ProbeInterval"] = "00:00:00.500",
            ["Gateway:Cluster:CallTimeout"] = "00:00:02",
            ["Gateway:Cluster:CatalogRefreshInterval"] = "00:00:01",
        });
        await Eventually.UntilAsync(gateway.IsClusterReachable, "the gateway to join the cluster", deadline: TimeSpan.FromSeconds(60));
        await Eventually.UntilAsync(() => HasRules(setup, fruit, threshold), "the gateway's offline copy of the campaigns", deadline: TimeSpan.FromSeconds(30));

        cluster.Kill();
        await using var lane = await DeviceClient.ConnectAsync(storeId, "01");
        await lane.PublishAsync("scan", Payloads.Weighed(Payloads.NewId("banana"), TestCatalog.Banana, grams: 1_234));
        await lane.PublishAsync("scan", Payloads.Scan(Payloads.NewId("yogurt"), TestCatalog.Yogurt, qty: 2));
        var offline = (await lane.WaitForAsync("display", d => d.Json.GetProperty("lines").GetArrayLength() == 2, TimeSpan.FromSeconds(30))).Json;

        Assert.Equal("offline", offline.GetProperty("mode").GetString());
        Assert.Equal(Lines(quote), Lines(offline));
        Assert.Equal(Discounts(quote), Discounts(offline));
        foreach (var total in new[] { "subtotal", "discountTotal", "total" })
        {
            Assert.Equal(quote.GetProperty(total).GetInt64(), offline.GetProperty(total).GetInt64());
        }
        Assert.True(offline.GetProperty("discountTotal").GetInt64() > 0, "the campaigns took money off");
    }

    private static bool HasRules(GatewaySetup setup, params string[] campaignIds)
    {
        var path = Path.Combine(setup.JournalPath, "rules.json");
        if (!File.Exists(path))
        {
            return false;
        }
        using var rules = JsonDocument.Parse(File.ReadAllBytes(path));
        var known = rules.RootElement.GetProperty("campaigns").EnumerateArray().Select(c => c.GetProperty("campaignId").GetString()).ToHashSet();
        return campaignIds.All(known.Contains) && File.Exists(Path.Combine(setup.JournalPath, "catalog.json"));
    }

    private static List<string> Lines(JsonElement priced) =>
        [.. priced.GetProperty("lines").EnumerateArray().Select(l => string.Join('|',
            l.GetProperty("lineId").GetString(), l.GetProperty("sku").GetString(), l.GetProperty("unitPrice").GetInt64(),
            l.GetProperty("gross").GetInt64(), l.GetProperty("discount").GetInt64(), l.GetProperty("net").GetInt64()))];

    private static List<string> Discounts(JsonElement priced) =>
        [.. priced.GetProperty("discounts").EnumerateArray().Select(d => string.Join('|',
            d.GetProperty("ruleId").GetString(), d.GetProperty("kind").GetString(), d.GetProperty("label").GetString(),
            d.GetProperty("amount").GetInt64(), string.Join(',', d.GetProperty("lineIds").EnumerateArray().Select(i => i.GetString()))))];
}
