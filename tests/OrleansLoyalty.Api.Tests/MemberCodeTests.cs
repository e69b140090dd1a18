using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrleansLoyalty.Api.Tests.Infrastructure;
using OrleansLoyalty.Grains.Members;

namespace OrleansLoyalty.Api.Tests;

/// <summary>The app's rotating member code (会员码): only the member gets it, and a lane identifies them by it while it is fresh.</summary>
[Collection(ApiCollection.Name)]
public sealed class MemberCodeTests(ApiFixture fixture)
{
    /// <summary>The api's own clock (the one it signs tokens and checks codes by).</summary>
    private DateTimeOffset Now => fixture.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    private const string Password = "member-code-2026";

    [Fact]
    public async Task A_member_shows_the_code_from_the_app_and_the_lane_quotes_and_commits_for_them()
    {
        var (memberId, member) = await SignedInMemberAsync();

        using var response = await member.Http.GetAsync($"/api/v1/members/{memberId}/code");
        var shown = await member.GetAsync($"/api/v1/members/{memberId}/code");
        var code = shown.Body!["code"]!.GetValue<string>();
        var quote = await fixture.Admin.PostAsync("/api/v1/checkout/quote", Basket(code));
        var receipt = await fixture.Admin.PostAsync("/api/v1/checkout/commit", Basket(code, LoyaltyClient.NewId("T")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Matches("^9[0-9]{25}$", code);
        Assert.True(shown.Body["refreshAt"]!.GetValue<DateTimeOffset>() < shown.Body["validUntil"]!.GetValue<DateTimeOffset>());
        Assert.Equal(memberId, quote.Body!["member"]!["memberId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, receipt.Status);
        Assert.Equal(25, receipt.Long("pointsEarned"));
    }

    [Fact]
    public async Task Nobody_but_the_member_gets_their_code()
    {
        var (memberId, _) = await SignedInMemberAsync();
        var (_, someoneElse) = await SignedInMemberAsync();

        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Admin.GetAsync($"/api/v1/members/{memberId}/code")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await someoneElse.GetAsync($"/api/v1/members/{memberId}/code")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Anonymous().GetAsync($"/api/v1/members/{memberId}/code")).Status);
    }

    [Fact]
    public async Task A_stale_a_forged_and_a_malformed_code_are_refused_and_nothing_is_sold()
    {
        var (memberId, _) = await SignedInMemberAsync();
        var codes = fixture.App.Services.GetRequiredService<MemberAppCodes>();
        var stale = codes.Issue(memberId, Now.AddMinutes(-11)).Code;
        var fresh = codes.Issue(memberId, Now).Code;
        var forged = fresh[..^1] + (char)('0' + ((fresh[^1] - '0' + 1) % 10));
        var txnId = LoyaltyClient.NewId("T");

        var expired = await fixture.Admin.PostAsync("/api/v1/checkout/commit", Basket(stale, txnId));
        var invalid = await fixture.Admin.PostAsync("/api/v1/checkout/quote", Basket(forged));
        var malformed = await fixture.Admin.PostAsync("/api/v1/checkout/quote", Basket(memberId));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "member.code_expired"), (expired.Status, expired.Code));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "member.code_invalid"), (invalid.Status, invalid.Code));
        Assert.Equal((HttpStatusCode.BadRequest, "request.invalid"), (malformed.Status, malformed.Code));
        Assert.Contains("member.memberCode", malformed.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Admin.GetAsync($"/api/v1/checkout/transactions/{txnId}")).Status);
        Assert.Equal(100, (await fixture.Admin.GetAsync($"/api/v1/members/{memberId}")).Body!["points"]!["balance"]!.GetValue<long>());
    }

    private static object Basket(string memberCode, string? txnId = null) => new
    {
        storeId = "s001", laneId = "03", txnId,
        member = new { memberCode },
        lines = new[] { new { lineId = "1", sku = "690123", qty = 1, unitPrice = 2550, categoryPath = new[] { "食品", "乳制品" } } },
        tenders = new[] { new { kind = "cash", amount = 2550 } },
    };

    private async Task<(string MemberId, LoyaltyClient Member)> SignedInMemberAsync()
    {
        var m = await SignedInMember.RegisterAsync(fixture, Password, "会员码");
        return (m.MemberId, m.Client);
    }
}
