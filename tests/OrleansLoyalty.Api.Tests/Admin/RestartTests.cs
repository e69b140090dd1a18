using System.Net;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests.Admin;

[Collection(ApiCollection.Name)]
public sealed class RestartTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_new_app_on_the_same_database_prices_with_the_saved_catalog_and_programme()
    {
        var storeId = AdminHttp.Store();
        await fixture.Admin.PutCatalogAsync(storeId, ("TEA", 10_000));
        var (memberId, _) = await fixture.Admin.RegisterAsync(storeId);
        var before = await AdminHttp.Until(() => fixture.Admin.QuoteAsync(storeId, memberId, AdminHttp.Line("1", "TEA", 1)), r => r.Status == HttpStatusCode.OK);
        var basePoints = before.Long("pointsToEarn");
        var original = await fixture.Admin.GetAsync("/api/v1/programme");
        var tripled = original.Body!.DeepClone();
        tripled["tiers"]![0]!["pointsMultiplierPerMille"] = 3000;
        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.PutAsync("/api/v1/programme", tripled)).Status);
        try
        {
            // Another cluster on the same database: its silo starts with nothing but what PostgreSQL holds.
            await using var restarted = new LoyaltyApp(fixture.Database.ConnectionString, fixture.Secrets, "restart-" + Guid.NewGuid().ToString("N")[..8]);
            var admin = await LoyaltyClient.SignInAsync(restarted.CreateClient(), "admin", LoyaltyApp.AdminPassword);

            var quote = await admin.QuoteAsync(storeId, memberId, AdminHttp.Line("1", "TEA", 1));

            Assert.Equal(HttpStatusCode.OK, quote.Status);
            Assert.Equal(10_000 - before.Long("discountTotal"), quote.Long("total"));
            Assert.Equal(basePoints * 3, quote.Long("pointsToEarn"));
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.PutAsync("/api/v1/programme", original.Body!)).Status);
            var restored = await AdminHttp.Until(() => fixture.Admin.QuoteAsync(storeId, memberId, AdminHttp.Line("1", "TEA", 1)),
                r => r.Status == HttpStatusCode.OK && r.Long("pointsToEarn") == basePoints);
            Assert.Equal(basePoints, restored.Long("pointsToEarn"));
        }
    }
}
