using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests.Admin;

/// <summary>PUT (the shared client speaks POST, PATCH and GET) and waiting on what replication makes true.</summary>
public static class AdminHttp
{
    /// <summary>Replication promises one second; the deadline leaves room for a loaded test machine.</summary>
    public static readonly TimeSpan ReplicationDeadline = TimeSpan.FromSeconds(10);

    public static async Task<Reply> PutAsync(this LoyaltyClient client, string path, object body)
    {
        using var response = await client.Http.PutAsync(path, JsonContent.Create(body));
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? node = null;
        if (text.Length > 0)
        {
            try { node = JsonNode.Parse(text); } catch (JsonException) { node = JsonValue.Create(text); }
        }
        return new Reply(response.StatusCode, node, response.Content.Headers.ContentType?.MediaType, text);
    }

    /// <summary>Asks again until <paramref name="done"/> holds or the deadline passes; answers the last reply.</summary>
    public static async Task<Reply> Until(Func<Task<Reply>> ask, Func<Reply, bool> done)
    {
        var deadline = TimeProvider.System.GetUtcNow() + ReplicationDeadline;
        while (true)
        {
            var reply = await ask();
            if (done(reply) || TimeProvider.System.GetUtcNow() > deadline)
            {
                return reply;
            }
            await Task.Delay(20);
        }
    }

    public static string Store() => LoyaltyClient.NewId("a");

    public static object Line(string lineId, string sku, int qty) => new { lineId, sku, qty };

    public static Task<Reply> QuoteAsync(this LoyaltyClient client, string storeId, string? memberId, params object[] lines) =>
        client.PostAsync("/api/v1/checkout/quote", memberId is null
            ? new { storeId, laneId = "01", lines }
            : (object)new { storeId, laneId = "01", member = new { memberId }, lines });

    public static async Task PutCatalogAsync(this LoyaltyClient client, string storeId, params (string Sku, long Price)[] products)
    {
        var reply = await client.PutAsync($"/api/v1/stores/{storeId}/products",
            products.Select(p => new { sku = p.Sku, barcode = "69" + p.Sku, name = "商品" + p.Sku, categoryPath = new[] { "食品", "零食" }, price = p.Price }).ToArray());
        Assert.Equal(System.Net.HttpStatusCode.OK, reply.Status);
    }

    public static async Task<LoyaltyClient> ManagerAsync(this ApiFixture fixture, string storeId)
    {
        var username = LoyaltyClient.NewId("mgr");
        var created = await fixture.Admin.PostAsync("/api/v1/staff", new { username, password = "manager-password", roles = new[] { "manager" }, storeIds = new[] { storeId } });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.Status);
        return await LoyaltyClient.SignInAsync(fixture.App.CreateClient(), username, "manager-password");
    }
}
