using System.Net;
using Npgsql;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests;

/// <summary>A member's personal data erased on request (docs/privacy.md), through the API.</summary>
[Collection(ApiCollection.Name)]
public sealed class MemberErasureTests(ApiFixture fixture)
{
    private const string Password = "erase-me-2026";

    [Fact]
    public async Task A_member_erases_themself_after_their_stored_value_is_refunded_and_is_gone_for_everyone()
    {
        var phone = LoyaltyClient.RandomPhone();
        var registered = await fixture.Admin.PostAsync("/api/v1/members", new { phone, name = "注销测试", storeId = "s001", password = Password });
        var memberId = registered.Body!["memberId"]!.GetValue<string>();
        var cardNo = LoyaltyClient.NewId("C");
        Assert.Equal(HttpStatusCode.Created, (await fixture.Admin.PostAsync($"/api/v1/members/{memberId}/cards", new { cardNo, medium = "ic", storeId = "s001" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.PostAsync($"/api/v1/cards/{cardNo}/top-ups", new { txnId = LoyaltyClient.NewId("TU"), amount = 2_000, tender = "cash", storeId = "s001" })).Status);
        await fixture.Anonymous().PostAsync("/api/v1/members/otp", new { phone });
        var member = LoyaltyClient.WithToken(fixture.App.CreateClient(), await fixture.Anonymous().PostAsync("/api/v1/members/login", new { phone, password = Password }));

        var refused = await member.PostAsync($"/api/v1/members/{memberId}/erasure", new { });
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("member.stored_value_remaining", refused.Code);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.PostAsync($"/api/v1/cards/{cardNo}/refunds", new { txnId = LoyaltyClient.NewId("RF"), amount = 2_000, storeId = "s001" })).Status);
        var erased = await member.PostAsync($"/api/v1/members/{memberId}/erasure", new { });

        Assert.Equal(HttpStatusCode.OK, erased.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Admin.GetAsync($"/api/v1/members/{memberId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Admin.GetAsync($"/api/v1/members?phone={phone}")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous().PostAsync("/api/v1/members/login", new { phone, password = Password })).Status);
        Assert.Equal(0L, await ScalarAsync($"SELECT count(*) FROM notification_outbox WHERE member_id = '{memberId}'"));
        Assert.Equal(erased.Body!["erasedAt"]!.GetValue<DateTimeOffset>(),
            (await fixture.Admin.PostAsync($"/api/v1/members/{memberId}/erasure", new { })).Body!["erasedAt"]!.GetValue<DateTimeOffset>());
        var audit = await fixture.Admin.GetAsync($"/api/v1/audit?resource=member/{memberId}&action=member.erased");
        Assert.Equal($"member:{memberId}", audit.Body!["entries"]!.AsArray().Last()!["actor"]!.GetValue<string>());
        var again = await fixture.Admin.PostAsync("/api/v1/members", new { phone, name = "重新注册", storeId = "s001" });
        Assert.Equal(HttpStatusCode.Created, again.Status);
        Assert.NotEqual(memberId, again.Body!["memberId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_head_office_or_the_member_themself_may_erase()
    {
        var (memberId, _) = await fixture.Admin.RegisterAsync();
        var username = LoyaltyClient.NewId("mgr");
        await fixture.Admin.PostAsync("/api/v1/staff", new { username, password = "manager-password-1", roles = new[] { "manager" }, storeIds = new[] { "s001" } });
        var manager = await LoyaltyClient.SignInAsync(fixture.App.CreateClient(), username, "manager-password-1");
        var phone = LoyaltyClient.RandomPhone();
        await fixture.Admin.PostAsync("/api/v1/members", new { phone, name = "别人", storeId = "s001", password = Password });
        var someoneElse = LoyaltyClient.WithToken(fixture.App.CreateClient(), await fixture.Anonymous().PostAsync("/api/v1/members/login", new { phone, password = Password }));

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync($"/api/v1/members/{memberId}/erasure", new { })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await someoneElse.PostAsync($"/api/v1/members/{memberId}/erasure", new { })).Status);
        Assert.NotNull((await fixture.Admin.GetAsync($"/api/v1/members/{memberId}")).Body!["memberId"]);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Admin.PostAsync($"/api/v1/members/{LoyaltyClient.NewId("M")}/erasure", new { })).Status);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.PostAsync($"/api/v1/members/{memberId}/erasure", new { })).Status);
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var db = new NpgsqlConnection(fixture.Database.ConnectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, db);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
