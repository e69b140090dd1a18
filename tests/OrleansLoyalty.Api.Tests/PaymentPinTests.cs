using System.Net;
using OrleansLoyalty.Api.Tests.Admin;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests;

/// <summary>The member's payment PIN for stored value (docs/payment-pin.md), over HTTP.</summary>
[Collection(ApiCollection.Name)]
public sealed class PaymentPinTests(ApiFixture fixture)
{
    private const string Pin = "582914";

    [Fact]
    public async Task A_member_sets_a_pin_with_a_code_from_their_phone_then_a_lane_pays_by_phone_number_with_it()
    {
        var member = await SignedInMember.RegisterAsync(fixture, name: "支付");
        var cardNo = await CardWithBalance(member.MemberId, 10_000);
        var lane = await fixture.Admin.LaneAsync(fixture.App.CreateClient(), "s001");

        var told = await lane.PostAsync("/api/v1/checkout/quote", ByPhone("unused", member.Phone, 3_000, paymentPin: null));
        Assert.Equal("showCard", told.Body!["member"]!["storedValuePin"]!["state"]!.GetValue<string>());
        var refused = await lane.PostAsync("/api/v1/checkout/commit", ByPhone(LoyaltyClient.NewId("T"), member.Phone, 3_000, paymentPin: null));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "storedvalue.pin_required"), (refused.Status, refused.Code));

        Assert.Equal(HttpStatusCode.Accepted, (await member.Client.PostAsync($"/api/v1/members/{member.MemberId}/payment-pin/otp", new { })).Status);
        var set = await member.Client.PutAsync($"/api/v1/members/{member.MemberId}/payment-pin", new { pin = Pin, otp = await fixture.App.Sms.CodeFor(member.Phone) });
        Assert.Equal(HttpStatusCode.OK, set.Status);
        Assert.True(set.Body!["set"]!.GetValue<bool>());
        Assert.Contains("支付密码已设置", await fixture.App.Sms.TextFor(member.Phone, 2), StringComparison.Ordinal);

        var asked = await lane.PostAsync("/api/v1/checkout/quote", ByPhone("unused", member.Phone, 3_000, paymentPin: null));
        Assert.Equal("needed", asked.Body!["member"]!["storedValuePin"]!["state"]!.GetValue<string>());
        Assert.Equal(0, asked.Body!["member"]!["storedValuePin"]!["freeUpTo"]!.GetValue<long>());
        var txnId = LoyaltyClient.NewId("T");
        var wrong = await lane.PostAsync("/api/v1/checkout/commit", ByPhone(txnId, member.Phone, 3_000, paymentPin: "111112"));
        var paid = await lane.PostAsync("/api/v1/checkout/commit", ByPhone(txnId, member.Phone, 3_000, paymentPin: Pin));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "storedvalue.pin_wrong"), (wrong.Status, wrong.Code));
        Assert.Equal(HttpStatusCode.OK, paid.Status);
        Assert.Equal(7_000, paid.Long("storedValueBalance"));
        Assert.Equal(7_000, (await fixture.Admin.GetAsync($"/api/v1/cards/{cardNo}")).Long("balance"));
        Assert.Equal(0, await fixture.Database.ScalarAsync(
            "SELECT count(*) FROM checkout_transactions WHERE txn_id = @t AND (coalesce(plan::text, '') LIKE '%' || @p || '%' OR receipt::text LIKE '%' || @p || '%')", ("t", txnId), ("p", Pin)));
    }

    [Fact]
    public async Task Changing_the_pin_takes_the_current_one_and_a_weak_or_malformed_pin_is_refused()
    {
        var member = await SignedInMember.RegisterAsync(fixture, name: "改密");
        var path = $"/api/v1/members/{member.MemberId}/payment-pin";
        await member.Client.PostAsync(path + "/otp", new { });
        Assert.Equal(HttpStatusCode.OK, (await member.Client.PutAsync(path, new { pin = Pin, otp = await fixture.App.Sms.CodeFor(member.Phone) })).Status);

        var weak = await member.Client.PutAsync(path, new { pin = "123456", currentPin = Pin });
        var shortPin = await member.Client.PutAsync(path, new { pin = "1234", currentPin = Pin });
        var both = await member.Client.PutAsync(path, new { pin = "860317", currentPin = Pin, otp = "123456" });
        var wrongCurrent = await member.Client.PutAsync(path, new { pin = "860317", currentPin = "999990" });
        var changed = await member.Client.PutAsync(path, new { pin = "860317", currentPin = Pin });

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "payment_pin.weak"), (weak.Status, weak.Code));
        Assert.Equal(HttpStatusCode.BadRequest, shortPin.Status);
        Assert.NotNull(shortPin.Body!["errors"]!["pin"]);
        Assert.Equal(HttpStatusCode.BadRequest, both.Status);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "payment_pin.proof_wrong"), (wrongCurrent.Status, wrongCurrent.Code));
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        var audit = await fixture.Admin.GetAsync($"/api/v1/audit?resource=member/{member.MemberId}");
        Assert.Contains("member.payment_pin_set", audit.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("860317", audit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_of_the_members_store_clear_a_forgotten_pin_but_cannot_set_one_and_others_cannot_touch_it()
    {
        var member = await SignedInMember.RegisterAsync(fixture, name: "忘记");
        var other = await SignedInMember.RegisterAsync(fixture, name: "旁人");
        var path = $"/api/v1/members/{member.MemberId}/payment-pin";
        await member.Client.PostAsync(path + "/otp", new { });
        await member.Client.PutAsync(path, new { pin = Pin, otp = await fixture.App.Sms.CodeFor(member.Phone) });
        var ownStore = await fixture.ManagerAsync("s001");
        var otherStore = await fixture.ManagerAsync(AdminHttp.Store());

        var staffSets = await ownStore.PutAsync(path, new { pin = "860317", currentPin = Pin });
        var strangerReads = await other.Client.GetAsync(path);
        var memberClears = await member.Client.DeleteAsync(path);
        var foreignClears = await otherStore.DeleteAsync(path);
        var cleared = await ownStore.DeleteAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, staffSets.Status);
        Assert.Equal(HttpStatusCode.Forbidden, strangerReads.Status);
        Assert.Equal(HttpStatusCode.Forbidden, memberClears.Status);
        Assert.Equal(HttpStatusCode.Forbidden, foreignClears.Status);
        Assert.Equal(HttpStatusCode.OK, cleared.Status);
        Assert.False((await member.Client.GetAsync(path)).Body!["set"]!.GetValue<bool>());
        Assert.Contains("服务台清除", await fixture.App.Sms.TextFor(member.Phone, 3), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commit_with_a_malformed_pin_is_refused_at_the_edge()
    {
        var (_, phone) = await fixture.Admin.RegisterAsync();

        var reply = await fixture.Admin.PostAsync("/api/v1/checkout/commit", ByPhone(LoyaltyClient.NewId("T"), phone, 1_000, paymentPin: "12a456"));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.NotNull(reply.Body!["errors"]!["paymentPin"]);
    }

    [Fact]
    public async Task The_programme_shows_the_stored_value_rules_and_an_administrator_can_change_them()
    {
        var programme = await fixture.Admin.GetAsync("/api/v1/programme");

        Assert.Equal(0, programme.Body!["storedValue"]!["pinFreeLimit"]!.GetValue<long>());
        Assert.True(programme.Body!["storedValue"]!["pinWhenNotShown"]!.GetValue<bool>());
        var body = programme.Body!.AsObject();
        body["storedValue"] = new System.Text.Json.Nodes.JsonObject { ["pinFreeLimit"] = -5 };
        var refused = await fixture.Admin.PutAsync("/api/v1/programme", body);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
    }

    private async Task<string> CardWithBalance(string memberId, long balance)
    {
        var cardNo = LoyaltyClient.NewId("88");
        Assert.Equal(HttpStatusCode.Created, (await fixture.Admin.PostAsync($"/api/v1/members/{memberId}/cards", new { cardNo, medium = "ic", storeId = "s001" })).Status);
        var topUp = await fixture.Admin.PostAsync($"/api/v1/cards/{cardNo}/top-ups",
            new { txnId = LoyaltyClient.NewId("TU"), amount = balance, tender = "cash", storeId = "s001" });
        Assert.Equal(balance, topUp.Long("balance"));
        return cardNo;
    }

    /// <summary>A sale paid entirely from the member's own cards, the member named only by phone (no card number on the tender).</summary>
    private static object ByPhone(string txnId, string phone, long amount, string? paymentPin) => new
    {
        storeId = "s001", laneId = "03", txnId, paymentPin,
        member = new { phone },
        lines = new[] { new { lineId = "1", sku = "690123", qty = 1, unitPrice = amount, categoryPath = new[] { "食品", "乳制品" } } },
        tenders = new[] { new { kind = "storedValue", amount } },
    };
}
