using System.Net;
using OrleansLoyalty.Api.Tests.Admin;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests;

/// <summary>A member's copy of everything held about them (docs/privacy.md, "A copy of one's data").</summary>
[Collection(ApiCollection.Name)]
public sealed class MemberDataExportTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_member_downloads_their_profile_cards_coupons_ledger_and_purchases_in_one_file()
    {
        var member = await SignedInMember.RegisterAsync(fixture, "export-pass-1", "导出");
        var cardNo = LoyaltyClient.NewId("66");
        await fixture.Admin.PostAsync($"/api/v1/members/{member.MemberId}/cards", new { cardNo, medium = "ic", storeId = "s001" });
        var txnId = LoyaltyClient.NewId("T");
        var sale = await fixture.Admin.PostAsync("/api/v1/checkout/commit", new
        {
            storeId = "s001", laneId = "03", txnId, member = new { cardNo },
            lines = new[] { new { lineId = "1", sku = "RICE", qty = 1, unitPrice = 3_000 } },
            tenders = new[] { new { kind = "cash", amount = 3_000 } },
        });

        using var response = await member.Client.Http.GetAsync($"/api/v1/members/{member.MemberId}/export");
        var file = await member.Client.GetAsync($"/api/v1/members/{member.MemberId}/export");

        Assert.Equal(HttpStatusCode.OK, sale.Status);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var body = file.Body!;
        Assert.Equal(member.Phone, body["profile"]!["phone"]!.GetValue<string>());
        Assert.Equal(cardNo, body["cards"]![0]!["cardNo"]!.GetValue<string>());
        Assert.NotEmpty(body["coupons"]!.AsArray());
        Assert.Contains(body["ledger"]!.AsArray(), e => e!["txnId"]!.GetValue<string>() == txnId && e["kind"]!.GetValue<string>() == "points.earned");
        Assert.Equal(txnId, body["purchases"]!.AsArray().Single()!["txnId"]!.GetValue<string>());
        Assert.Null(body["note"]);
    }

    [Fact]
    public async Task Only_the_member_and_head_office_export_and_head_office_is_audited()
    {
        var member = await SignedInMember.RegisterAsync(fixture, "export-pass-1", "导出");
        var someoneElse = await SignedInMember.RegisterAsync(fixture, "export-pass-1", "别人");
        var manager = await fixture.ManagerAsync("s001");

        Assert.Equal(HttpStatusCode.Forbidden, (await someoneElse.Client.GetAsync($"/api/v1/members/{member.MemberId}/export")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/api/v1/members/{member.MemberId}/export")).Status);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.GetAsync($"/api/v1/members/{member.MemberId}/export")).Status);
        var audit = await fixture.Admin.GetAsync($"/api/v1/audit?resource=member/{member.MemberId}");
        Assert.Contains("member.data_exported", audit.Text, StringComparison.Ordinal);
    }
}
