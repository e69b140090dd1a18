using System.Net;
using OrleansLoyalty.Api.Tests.Admin;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests;

/// <summary>A member moves to a new phone number: proven by a code sent to it, or changed by their store's staff.</summary>
[Collection(ApiCollection.Name)]
public sealed class MemberPhoneChangeTests(ApiFixture fixture)
{
    private const string Password = "phone-change-1";

    [Fact]
    public async Task A_member_proves_the_new_number_then_signs_in_with_it_and_the_old_number_is_free_again()
    {
        var (memberId, oldPhone, member) = await SignedInMemberAsync();
        var newPhone = LoyaltyClient.RandomPhone();

        var asked = await member.PostAsync($"/api/v1/members/{memberId}/phone/otp", new { phone = newPhone });
        var wrong = await member.PutAsync($"/api/v1/members/{memberId}/phone", new { phone = newPhone, otp = "000000" });
        var changed = await member.PutAsync($"/api/v1/members/{memberId}/phone", new { phone = newPhone, otp = await fixture.App.Sms.CodeFor(newPhone) });

        Assert.Equal(HttpStatusCode.Accepted, asked.Status);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "member.phone_not_verified"), (wrong.Status, wrong.Code));
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal(newPhone, changed.Body!["phone"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await Login(newPhone)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(oldPhone)).Status);
        Assert.Equal(memberId, (await fixture.Admin.GetAsync($"/api/v1/members?phone={newPhone}")).Body!["memberId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Admin.GetAsync($"/api/v1/members?phone={oldPhone}")).Status);
        Assert.Equal(HttpStatusCode.Created, (await fixture.Admin.PostAsync("/api/v1/members", new { phone = oldPhone, name = "新人", storeId = "s001", channel = "lane" })).Status);
        var warning = await fixture.App.Sms.TextFor(oldPhone);
        Assert.Contains(newPhone[^4..], warning, StringComparison.Ordinal);
        Assert.Contains("如非本人操作", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_of_the_members_store_change_the_number_without_a_code_but_not_to_another_members_or_from_elsewhere()
    {
        var (memberId, oldPhone, _) = await SignedInMemberAsync();
        var (_, takenPhone) = await fixture.Admin.RegisterAsync();
        var newPhone = LoyaltyClient.RandomPhone();
        var ownStore = await fixture.ManagerAsync("s001");
        var otherStore = await fixture.ManagerAsync(AdminHttp.Store());
        var lane = await fixture.Admin.LaneAsync(fixture.App.CreateClient(), "s001");

        var taken = await ownStore.PutAsync($"/api/v1/members/{memberId}/phone", new { phone = takenPhone });
        var foreign = await otherStore.PutAsync($"/api/v1/members/{memberId}/phone", new { phone = newPhone });
        var byLane = await lane.PutAsync($"/api/v1/members/{memberId}/phone", new { phone = newPhone });
        var changed = await ownStore.PutAsync($"/api/v1/members/{memberId}/phone", new { phone = newPhone });

        Assert.Equal((HttpStatusCode.Conflict, "member.phone_taken"), (taken.Status, taken.Code));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.Status);
        Assert.Equal(HttpStatusCode.Forbidden, byLane.Status);
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal(HttpStatusCode.OK, (await Login(newPhone)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(oldPhone)).Status);
        var audit = await fixture.Admin.GetAsync($"/api/v1/audit?resource=member/{memberId}");
        Assert.Contains("member.phone_changed", audit.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(newPhone, audit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_asking_for_a_code_for_someone_elses_account_or_without_a_code_is_refused()
    {
        var (memberId, _, member) = await SignedInMemberAsync();
        var (otherId, _, _) = await SignedInMemberAsync();

        var foreign = await member.PostAsync($"/api/v1/members/{otherId}/phone/otp", new { phone = LoyaltyClient.RandomPhone() });
        var noCode = await member.PutAsync($"/api/v1/members/{memberId}/phone", new { phone = LoyaltyClient.RandomPhone() });
        var badPhone = await member.PostAsync($"/api/v1/members/{memberId}/phone/otp", new { phone = "12345" });

        Assert.Equal(HttpStatusCode.Forbidden, foreign.Status);
        Assert.Equal(HttpStatusCode.BadRequest, noCode.Status);
        Assert.NotNull(noCode.Body!["errors"]!["otp"]);
        Assert.Equal(HttpStatusCode.BadRequest, badPhone.Status);
    }

    private Task<Reply> Login(string phone) => fixture.Anonymous().PostAsync("/api/v1/members/login", new { phone, password = Password });

    private async Task<(string MemberId, string Phone, LoyaltyClient Member)> SignedInMemberAsync()
    {
        var m = await SignedInMember.RegisterAsync(fixture, Password, "换号");
        return (m.MemberId, m.Phone, m.Client);
    }
}
