using System.Net;
using System.Text.Json.Nodes;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests.Admin;

[Collection(ApiCollection.Name)]
public sealed class ProgrammeTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_saved_programme_reaches_the_next_quotes_and_is_kept_in_history()
    {
        var storeId = AdminHttp.Store();
        await fixture.Admin.PutCatalogAsync(storeId, ("RICE", 10_000));
        var (memberId, _) = await fixture.Admin.RegisterAsync(storeId);
        var before = await AdminHttp.Until(() => fixture.Admin.QuoteAsync(storeId, memberId, AdminHttp.Line("1", "RICE", 1)), r => r.Status == HttpStatusCode.OK);
        var basePoints = before.Long("pointsToEarn");
        Assert.True(basePoints > 0);
        var original = await fixture.Admin.GetAsync("/api/v1/programme");
        try
        {
            var doubled = original.Body!.DeepClone();
            doubled["tiers"]![0]!["pointsMultiplierPerMille"] = 2000;

            var saved = await fixture.Admin.PutAsync("/api/v1/programme", doubled);

            Assert.Equal(HttpStatusCode.OK, saved.Status);
            var after = await AdminHttp.Until(() => fixture.Admin.QuoteAsync(storeId, memberId, AdminHttp.Line("1", "RICE", 1)),
                r => r.Status == HttpStatusCode.OK && r.Long("pointsToEarn") != basePoints);
            Assert.Equal(basePoints * 2, after.Long("pointsToEarn"));
            var current = await fixture.Admin.GetAsync("/api/v1/programme");
            Assert.Equal(2000, current.Body!["tiers"]![0]!["pointsMultiplierPerMille"]!.GetValue<int>());
            Assert.True(await fixture.Database.ScalarAsync("SELECT count(*) FROM programmes") >= 1);
        }
        finally
        {
            await Restore(original.Body!, storeId, memberId, basePoints);
        }
    }

    [Fact]
    public async Task An_invalid_programme_is_refused_field_by_field()
    {
        var programme = (await fixture.Admin.GetAsync("/api/v1/programme")).Body!.DeepClone();
        programme["tiers"]![1]!["id"] = "standard";
        programme["burning"]!["step"] = 0;
        programme["tiers"]![2]!["discountBasisPoints"] = 20_000;

        var reply = await fixture.Admin.PutAsync("/api/v1/programme", programme);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        var errors = reply.Body!["errors"]!.AsObject();
        Assert.Contains("tiers[1].id", errors.Select(e => e.Key));
        Assert.Contains("burning.step", errors.Select(e => e.Key));
        Assert.Contains("tiers[2].discountBasisPoints", errors.Select(e => e.Key));
    }

    [Fact]
    public async Task Only_head_office_sees_or_changes_the_programme()
    {
        var manager = await fixture.ManagerAsync("s001");

        var read = await manager.GetAsync("/api/v1/programme");

        Assert.Equal(HttpStatusCode.Forbidden, read.Status);
    }

    private async Task Restore(JsonNode original, string storeId, string memberId, long basePoints)
    {
        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.PutAsync("/api/v1/programme", original)).Status);
        // The other tests of the collection must price with the default programme again.
        var restored = await AdminHttp.Until(() => fixture.Admin.QuoteAsync(storeId, memberId, AdminHttp.Line("1", "RICE", 1)),
            r => r.Status == HttpStatusCode.OK && r.Long("pointsToEarn") == basePoints);
        Assert.Equal(basePoints, restored.Long("pointsToEarn"));
    }
}
