using System.Net;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests;

/// <summary>Reminders reach a member by the channel they chose: SMS, e-mail or WeChat (docs/notices.md, "Channels").</summary>
[Collection(ApiCollection.Name)]
public sealed class NoticeChannelTests(ApiFixture fixture)
{
    private const string Password = "channels-pass-1";

    [Fact]
    public async Task A_member_who_chose_email_gets_the_low_balance_reminder_in_their_mailbox_not_by_sms()
    {
        var (memberId, phone, member) = await SignedInMemberAsync();
        var email = $"{memberId.ToLowerInvariant()}@example.com";

        var chosen = await member.PatchAsync($"/api/v1/members/{memberId}", new { email, notifyBy = "email" });
        await SpendBelowTheLowBalanceMark(memberId);

        Assert.Equal("email", chosen.Body!["notifyBy"]!.GetValue<string>());
        var text = await fixture.App.Email.TextFor(email);
        Assert.Contains("储值余额", text, StringComparison.Ordinal);
        Assert.Equal("储值余额提醒", fixture.App.Email.To(email).Single().GetProperty("title").GetString());
        Assert.Empty(fixture.App.Sms.To(phone));
    }

    [Fact]
    public async Task A_member_binds_wechat_gets_reminders_there_and_after_unbinding_by_sms_again()
    {
        var (memberId, phone, member) = await SignedInMemberAsync();
        var openId = "o" + Guid.NewGuid().ToString("N");

        var bound = await member.PutAsync($"/api/v1/members/{memberId}/wechat", new { openId });
        var chosen = await member.PatchAsync($"/api/v1/members/{memberId}", new { notifyBy = "wechat" });
        await SpendBelowTheLowBalanceMark(memberId);
        var viaWeChat = await fixture.App.WeChat.TextFor(openId);
        var unbound = await member.DeleteAsync($"/api/v1/members/{memberId}/wechat");

        Assert.True(bound.Body!["weChatBound"]!.GetValue<bool>());
        Assert.Equal("wechat", chosen.Body!["notifyBy"]!.GetValue<string>());
        Assert.Contains("储值余额", viaWeChat, StringComparison.Ordinal);
        Assert.Empty(fixture.App.Sms.To(phone));
        Assert.Equal(("sms", false), (unbound.Body!["notifyBy"]!.GetValue<string>(), unbound.Body!["weChatBound"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task A_member_binds_wechat_with_the_apps_login_code_and_wechat_names_the_open_id()
    {
        var (memberId, _, member) = await SignedInMemberAsync();
        var code = "wx-" + Guid.NewGuid().ToString("N");

        var used = await member.PutAsync($"/api/v1/members/{memberId}/wechat", new { code = WeChatServerStub.UsedCode });
        var both = await member.PutAsync($"/api/v1/members/{memberId}/wechat", new { code, openId = "o" + Guid.NewGuid().ToString("N") });
        var bound = await member.PutAsync($"/api/v1/members/{memberId}/wechat", new { code });
        await member.PatchAsync($"/api/v1/members/{memberId}", new { notifyBy = "wechat" });
        await SpendBelowTheLowBalanceMark(memberId);

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "wechat.code_invalid"), (used.Status, used.Code));
        Assert.NotNull(both.Body!["errors"]!["code"]);
        Assert.True(bound.Body!["weChatBound"]!.GetValue<bool>());
        Assert.Contains("储值余额", await fixture.App.WeChat.TextFor(WeChatServerStub.OpenIdFor(code)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_portal_learns_which_channels_are_offered_and_how_wechat_is_bound_here()
    {
        var (_, _, member) = await SignedInMemberAsync();

        var offered = await member.GetAsync("/api/v1/notification-channels");
        var anonymous = await fixture.App.CreateClient().GetAsync("/api/v1/notification-channels");

        Assert.Equal(["sms", "email", "wechat"], offered.Body!["channels"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(["code", "openId"], offered.Body!["weChatBindBy"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_channel_without_an_address_a_bad_open_id_and_binding_someone_elses_wechat_are_refused()
    {
        var (memberId, _, member) = await SignedInMemberAsync();

        var emailWithout = await member.PatchAsync($"/api/v1/members/{memberId}", new { notifyBy = "email" });
        var wechatWithout = await member.PatchAsync($"/api/v1/members/{memberId}", new { notifyBy = "wechat" });
        var pigeon = await member.PatchAsync($"/api/v1/members/{memberId}", new { notifyBy = "pigeon" });
        var badOpenId = await member.PutAsync($"/api/v1/members/{memberId}/wechat", new { openId = "no spaces allowed" });
        var byStaff = await fixture.Admin.PutAsync($"/api/v1/members/{memberId}/wechat", new { openId = "o" + Guid.NewGuid().ToString("N") });

        Assert.All(new[] { emailWithout, wechatWithout, pigeon }, r => Assert.NotNull(r.Body!["errors"]!["notifyBy"]));
        Assert.NotNull(badOpenId.Body!["errors"]!["openId"]);
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.Status);
        Assert.Equal("sms", (await member.GetAsync($"/api/v1/members/{memberId}")).Body!["notifyBy"]!.GetValue<string>());
    }

    /// <summary>¥25 on a card, a ¥10 sale paid from it: the balance crosses the ¥20 mark (docs/notices.md).</summary>
    private async Task SpendBelowTheLowBalanceMark(string memberId)
    {
        var cardNo = LoyaltyClient.NewId("66");
        await fixture.Admin.PostAsync($"/api/v1/members/{memberId}/cards", new { cardNo, medium = "ic", storeId = "s001" });
        await fixture.Admin.PostAsync($"/api/v1/cards/{cardNo}/top-ups", new { txnId = LoyaltyClient.NewId("TU"), amount = 2_500, tender = "cash", storeId = "s001" });
        var basket = new
        {
            storeId = "s001", laneId = "03", txnId = LoyaltyClient.NewId("T"), member = new { cardNo },
            lines = new[] { new { lineId = "1", sku = "X", qty = 1, unitPrice = 1_000 } },
        };
        var quote = await fixture.Admin.PostAsync("/api/v1/checkout/quote", basket);
        var paid = await fixture.Admin.PostAsync("/api/v1/checkout/commit", new
        {
            basket.storeId, basket.laneId, basket.txnId, basket.member, basket.lines,
            tenders = new[] { new { kind = "storedValue", amount = quote.Long("total"), cardNo } },
        });
        Assert.Equal(HttpStatusCode.OK, paid.Status);
    }

    private async Task<(string MemberId, string Phone, LoyaltyClient Member)> SignedInMemberAsync()
    {
        var m = await SignedInMember.RegisterAsync(fixture, Password, "渠道");
        return (m.MemberId, m.Phone, m.Client);
    }
}
