using System.Net;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests;

/// <summary>Registering on the web or in the app proves the phone is in hand by a code sent to it (docs/sign-in.md).</summary>
[Collection(ApiCollection.Name)]
public sealed class MemberSelfRegistrationTests(ApiFixture fixture)
{
    private Task<Reply> RegisterAsync(string phone, string? otp) =>
        fixture.Anonymous().PostAsync("/api/v1/members", new { phone, name = "网上注册", channel = "web", password = "web-signup-2026", otp });

    private Task<Reply> AskCodeAsync(string phone) =>
        fixture.Anonymous().PostAsync("/api/v1/members/otp", new { phone, purpose = "registration" });

    [Fact]
    public async Task A_shopper_registers_online_with_the_code_sent_to_their_phone_and_signs_in()
    {
        var phone = LoyaltyClient.RandomPhone();

        var asked = await AskCodeAsync(phone);
        var code = await fixture.App.Sms.CodeFor(phone);
        var registered = await RegisterAsync(phone, code);

        Assert.Equal(HttpStatusCode.Accepted, asked.Status);
        Assert.Equal(HttpStatusCode.Created, registered.Status);
        Assert.Contains("注册", fixture.App.Sms.To(phone)[0].GetProperty("text").GetString());
        var login = await fixture.Anonymous().PostAsync("/api/v1/members/login", new { phone, password = "web-signup-2026" });
        Assert.Equal(registered.Body!["memberId"]!.GetValue<string>(), login.Body!["memberId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_shopper_picks_a_home_store_from_the_public_directory_and_an_unknown_store_costs_them_nothing()
    {
        var storeId = Admin.AdminHttp.Store();
        await fixture.Admin.PutAsync($"/api/v1/stores/{storeId}", new { name = "五角场店", timeZone = "Asia/Shanghai", region = "华东" });
        var phone = LoyaltyClient.RandomPhone();

        var directory = await fixture.Anonymous().GetAsync("/api/v1/store-directory");
        await AskCodeAsync(phone);
        var code = await fixture.App.Sms.CodeFor(phone);
        var unknown = await fixture.Anonymous().PostAsync("/api/v1/members", new { phone, name = "选店", channel = "web", otp = code, storeId = "nosuchstore" });
        var registered = await fixture.Anonymous().PostAsync("/api/v1/members", new { phone, name = "选店", channel = "web", otp = code, storeId });

        Assert.Equal(HttpStatusCode.OK, directory.Status);
        var entry = directory.Body!.AsArray().Single(s => s!["storeId"]!.GetValue<string>() == storeId)!;
        Assert.Equal(("五角场店", "华东"), (entry["name"]!.GetValue<string>(), entry["region"]!.GetValue<string>()));
        Assert.Null(entry["timeZone"]);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.NotNull(unknown.Body!["errors"]!["storeId"]);
        Assert.Equal(HttpStatusCode.Created, registered.Status);
        var member = await fixture.Admin.GetAsync($"/api/v1/members/{registered.Body!["memberId"]!.GetValue<string>()}");
        Assert.Equal(storeId, member.Body!["homeStoreId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_code_or_with_a_wrong_one_nobody_registers_a_phone_and_the_code_dies_after_five_guesses()
    {
        var phone = LoyaltyClient.RandomPhone();

        var withoutCode = await RegisterAsync(phone, null);
        await AskCodeAsync(phone);
        var code = await fixture.App.Sms.CodeFor(phone);
        var wrong = code == "000000" ? "111111" : "000000";
        var guesses = new List<Reply>();
        for (var i = 0; i < 5; i++)
        {
            guesses.Add(await RegisterAsync(phone, wrong));
        }
        var rightButTooLate = await RegisterAsync(phone, code);

        Assert.Equal(HttpStatusCode.BadRequest, withoutCode.Status);
        Assert.NotNull(withoutCode.Body!["errors"]!["otp"]);
        Assert.All(guesses, g => Assert.Equal("member.phone_not_verified", g.Code));
        Assert.Equal("member.phone_not_verified", rightButTooLate.Code);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Admin.GetAsync($"/api/v1/members?phone={phone}")).Status);
    }

    [Fact]
    public async Task A_phone_that_is_already_a_members_gets_no_registration_code_and_the_answer_does_not_say_so()
    {
        var (_, phone) = await fixture.Admin.RegisterAsync();
        var stranger = LoyaltyClient.RandomPhone();

        var member = await AskCodeAsync(phone);
        var notMember = await AskCodeAsync(stranger);
        await fixture.App.Sms.CodeFor(stranger);

        Assert.Equal((member.Status, member.Text), (notMember.Status, notMember.Text));
        Assert.Empty(fixture.App.Sms.To(phone));
    }

    [Fact]
    public async Task A_mistyped_referral_code_is_refused_without_using_up_the_phones_code()
    {
        var phone = LoyaltyClient.RandomPhone();
        await AskCodeAsync(phone);
        var code = await fixture.App.Sms.CodeFor(phone);

        var mistyped = await fixture.Anonymous().PostAsync("/api/v1/members", new { phone, name = "推荐码", channel = "web", otp = code, referralCode = "NOSUCHCODE" });
        var corrected = await RegisterAsync(phone, code);

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "member.referral_unknown"), (mistyped.Status, mistyped.Code));
        Assert.Equal(HttpStatusCode.Created, corrected.Status);
    }

    [Fact]
    public async Task A_lane_registers_the_shopper_in_front_of_it_without_a_code()
    {
        var lane = await fixture.Admin.LaneAsync(fixture.App.CreateClient(), "s001");

        var registered = await lane.PostAsync("/api/v1/members", new { phone = LoyaltyClient.RandomPhone(), name = "收银台注册", storeId = "s001", channel = "lane" });

        Assert.Equal(HttpStatusCode.Created, registered.Status);
    }
}
