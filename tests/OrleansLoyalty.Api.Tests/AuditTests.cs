using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests;

/// <summary>The audit log (docs/audit.md): who did what to which resource, and nothing personal in it.</summary>
[Collection(ApiCollection.Name)]
public sealed class AuditTests(ApiFixture fixture)
{
    private const string ManagerPassword = "manager-password-1";

    private async Task<(string Username, LoyaltyClient Client)> ManagerAsync()
    {
        var username = LoyaltyClient.NewId("mgr");
        var created = await fixture.Admin.PostAsync("/api/v1/staff", new { username, password = ManagerPassword, roles = new[] { "manager" }, storeIds = new[] { "s001" } });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return (username, await LoyaltyClient.SignInAsync(fixture.App.CreateClient(), username, ManagerPassword));
    }

    private async Task<JsonArray> EntriesAsync(string query)
    {
        var page = await fixture.Admin.GetAsync("/api/v1/audit?" + query);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.Body!["entries"]!.AsArray();
    }

    private static IEnumerable<(string Actor, string Action)> Lines(JsonArray entries) =>
        entries.Select(e => (e!["actor"]!.GetValue<string>(), e["action"]!.GetValue<string>()));

    [Fact]
    public async Task Staff_accounts_and_their_sign_ins_are_recorded_with_who_did_it()
    {
        var (username, _) = await ManagerAsync();
        var wrong = await fixture.Anonymous().PostAsync("/api/v1/auth/token", new { username, password = "not-the-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);

        var entries = await EntriesAsync($"resource=staff/{username}");

        Assert.Equal(
            [("anonymous", "auth.sign_in_failed"), ($"staff:{username}", "auth.signed_in"), ("staff:admin", "staff.created")],
            Lines(entries));
        Assert.All(entries, e => Assert.True(e!["at"]!.GetValue<DateTimeOffset>() > TimeProvider.System.GetUtcNow().AddMinutes(-5)));
    }

    [Fact]
    public async Task Reading_a_member_is_recorded_for_staff_not_for_the_member_and_no_personal_data_is_kept()
    {
        var (manager, managerClient) = await ManagerAsync();
        var phone = LoyaltyClient.RandomPhone();
        var registered = await fixture.Admin.PostAsync("/api/v1/members", new { phone, name = "欧阳审计", storeId = "s001", password = "audit-me-2026" });
        var memberId = registered.Body!["memberId"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await managerClient.GetAsync($"/api/v1/members/{memberId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await managerClient.GetAsync($"/api/v1/members?phone={phone}")).Status);
        var login = await fixture.Anonymous().PostAsync("/api/v1/members/login", new { phone, password = "audit-me-2026" });
        var member = LoyaltyClient.WithToken(fixture.App.CreateClient(), login);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/v1/members/{memberId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/v1/members/{memberId}/ledger")).Status);

        var entries = await EntriesAsync($"resource=member/{memberId}");

        Assert.Equal(
            [($"member:{memberId}", "member.signed_in"), ($"staff:{manager}", "member.looked_up"), ($"staff:{manager}", "member.viewed"), ("staff:admin", "member.registered")],
            Lines(entries));
        await using var db = new NpgsqlConnection(fixture.Database.ConnectionString);
        await db.OpenAsync();
        await using var all = new NpgsqlCommand("SELECT count(*) FROM audit_log WHERE resource || actor || coalesce(detail::text, '') LIKE '%' || @p || '%' OR detail::text LIKE '%欧阳%'", db);
        all.Parameters.AddWithValue("p", phone);
        Assert.Equal(0L, (long)(await all.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_refused_action_is_not_recorded_and_a_done_one_is()
    {
        var campaignId = LoyaltyClient.NewId("nope");

        var refused = await fixture.Admin.PostAsync($"/api/v1/campaigns/{campaignId}/pause", new { });
        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.Empty(await EntriesAsync($"resource=campaign/{campaignId}"));

        var txnId = LoyaltyClient.NewId("T");
        var sale = await fixture.Admin.PostAsync("/api/v1/checkout/commit", new
        {
            storeId = "s001", laneId = "01", txnId,
            lines = new[] { new { lineId = "1", sku = "X1", qty = 1, unitPrice = 1_000, categoryPath = new[] { "食品" } } },
            tenders = new[] { new { kind = "cash", amount = 1_000 } },
        });
        Assert.Equal(HttpStatusCode.OK, sale.Status);
        var voided = await fixture.Admin.PostAsync($"/api/v1/checkout/transactions/{txnId}/void", new { txnId = LoyaltyClient.NewId("V"), storeId = "s001" });
        Assert.Equal(HttpStatusCode.OK, voided.Status);
        Assert.Equal([("staff:admin", "checkout.voided")], Lines(await EntriesAsync($"resource=txn/{txnId}")));
    }

    [Fact]
    public async Task Only_head_office_reads_the_log_which_pages_by_cursor_and_refuses_bad_queries()
    {
        var (manager, managerClient) = await ManagerAsync();
        for (var i = 0; i < 3; i++)
        {
            await LoyaltyClient.SignInAsync(fixture.App.CreateClient(), manager, ManagerPassword);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await managerClient.GetAsync("/api/v1/audit")).Status);
        var first = await fixture.Admin.GetAsync($"/api/v1/audit?actor=staff:{manager}&limit=2");
        var cursor = first.Body!["nextCursor"]!.GetValue<string>();
        var second = await fixture.Admin.GetAsync($"/api/v1/audit?actor=staff:{manager}&limit=2&cursor={cursor}");
        Assert.Equal(2, first.Body!["entries"]!.AsArray().Count);
        Assert.Equal(2, second.Body!["entries"]!.AsArray().Count);
        Assert.Null(second.Body!["nextCursor"]);
        Assert.True(second.Body!["entries"]![0]!["id"]!.GetValue<long>() < first.Body!["entries"]![1]!["id"]!.GetValue<long>());
        foreach (var bad in new[] { "cursor=abc", "limit=0", "limit=201" })
        {
            var reply = await fixture.Admin.GetAsync("/api/v1/audit?" + bad);
            Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
            Assert.Equal("request.invalid", reply.Code);
        }
    }
}
