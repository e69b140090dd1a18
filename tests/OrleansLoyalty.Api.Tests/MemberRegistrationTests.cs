using System.Net;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class MemberRegistrationTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_new_member_gets_the_sign_up_gifts_and_can_be_found_by_phone()
    {
        var phone = LoyaltyClient.RandomPhone();
        var reply = await fixture.Admin.PostAsync("/api/v1/members", new { phone, name = "李四", storeId = "s001", channel = "kiosk", birthday = "1988-02-29" });

        Assert.Equal(HttpStatusCode.Created, reply.Status);
        Assert.Equal(100, reply.Long("points"));
        Assert.Equal("standard", reply.Body!["tier"]!.GetValue<string>());
        Assert.Single(reply.Body!["gifts"]!["coupons"]!.AsArray());
        var memberId = reply.Body!["memberId"]!.GetValue<string>();

        var found = await fixture.Admin.GetAsync($"/api/v1/members?phone={phone}");
        Assert.Equal(HttpStatusCode.OK, found.Status);
        Assert.Equal(memberId, found.Body!["memberId"]!.GetValue<string>());

        var profile = await fixture.Admin.GetAsync($"/api/v1/members/{memberId}");
        Assert.Equal("李四", profile.Body!["name"]!.GetValue<string>());
        Assert.Equal("1988-02-29", profile.Body!["birthday"]!.GetValue<string>());
        Assert.Equal(100, profile.Body!["points"]!["balance"]!.GetValue<long>());
        Assert.Equal(1, profile.Body!["coupons"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_phone_already_registered_is_refused_with_409()
    {
        var (_, phone) = await fixture.Admin.RegisterAsync();

        var again = await fixture.Admin.PostAsync("/api/v1/members", new { phone, name = "另一个人", storeId = "s001" });

        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal("member.phone_taken", again.Code);
        Assert.Equal("application/problem+json", again.ContentType);
    }

    [Fact]
    public async Task Ten_simultaneous_registrations_of_one_phone_create_one_member()
    {
        var phone = LoyaltyClient.RandomPhone();
        var replies = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            fixture.Admin.PostAsync("/api/v1/members", new { phone, name = $"并发{i}", storeId = "s001" })));

        Assert.Single(replies, r => r.Status == HttpStatusCode.Created);
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.Created), r => Assert.Equal("member.phone_taken", r.Code));
    }

    [Fact]
    public async Task A_lunar_birthday_is_kept_as_entered()
    {
        var reply = await fixture.Admin.PostAsync("/api/v1/members",
            new { phone = LoyaltyClient.RandomPhone(), name = "赵六", storeId = "s001", birthday = "1990-08-15", birthdayCalendar = "lunar" });
        Assert.Equal(HttpStatusCode.Created, reply.Status);

        var profile = await fixture.Admin.GetAsync($"/api/v1/members/{reply.Body!["memberId"]!.GetValue<string>()}");

        Assert.Equal("1990-08-15", profile.Body!["birthday"]!.GetValue<string>());
        Assert.Equal("lunar", profile.Body!["birthdayCalendar"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"phone":"12345678901","name":"张三"}""", "phone")]
    [InlineData("""{"phone":"1381234567","name":"张三"}""", "phone")]
    [InlineData("""{"name":"张三"}""", "phone")]
    [InlineData("""{"phone":"13812345678"}""", "name")]
    [InlineData("""{"phone":"13812345678","name":"   "}""", "name")]
    [InlineData("""{"phone":"13812345678","name":"这个名字实在是太长了这个名字实在是太长了这个名字实在是太长了这个名字实在是太长了这个名字实在是太长了这个"}""", "name")]
    [InlineData("""{"phone":"13812345678","name":"张三","birthday":"1990-13-01"}""", "birthday")]
    [InlineData("""{"phone":"13812345678","name":"张三","birthday":"2999-01-01"}""", "birthday")]
    [InlineData("""{"phone":"13812345678","name":"张三","birthday":"1990/01/01"}""", "birthday")]
    [InlineData("""{"phone":"13812345678","name":"张三","birthday":"1990-02-31","birthdayCalendar":"lunar"}""", "birthday")]
    [InlineData("""{"phone":"13812345678","name":"张三","birthdayCalendar":"julian"}""", "birthdayCalendar")]
    [InlineData("""{"phone":"13812345678","name":"张三","email":"not-an-email"}""", "email")]
    [InlineData("""{"phone":"13812345678","name":"张三","channel":"fax"}""", "channel")]
    [InlineData("""{"phone":"13812345678","name":"张三","gender":"x"}""", "gender")]
    [InlineData("""{"phone":"13812345678","name":"张三","storeId":"bad store!"}""", "storeId")]
    public async Task Each_invalid_field_is_named_in_a_400_and_nothing_is_created(string json, string field)
    {
        var reply = await fixture.Admin.PostRawAsync("/api/v1/members", json);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("request.invalid", reply.Code);
        Assert.NotNull(reply.Body!["errors"]![field]);
        var lookup = await fixture.Admin.GetAsync("/api/v1/members?phone=13812345678");
        Assert.Equal(HttpStatusCode.NotFound, lookup.Status);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"phone":13812345678,"name":"张三"}""")]
    [InlineData("""{"phone":"13812345678","name":["张三"]}""")]
    [InlineData("[]")]
    [InlineData("")]
    public async Task Malformed_bodies_get_a_400_problem_not_a_5xx(string json)
    {
        var reply = await fixture.Admin.PostRawAsync("/api/v1/members", json);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("request.invalid", reply.Code);
    }

    [Fact]
    public async Task An_unknown_referral_code_is_refused()
    {
        var reply = await fixture.Admin.PostAsync("/api/v1/members", new { phone = LoyaltyClient.RandomPhone(), name = "钱七", storeId = "s001", referralCode = "NOSUCH99" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
        Assert.Equal("member.referral_unknown", reply.Code);
    }

    [Fact]
    public async Task Contact_data_can_be_edited_and_bad_edits_are_refused()
    {
        var (memberId, _) = await fixture.Admin.RegisterAsync();

        var ok = await fixture.Admin.PatchAsync($"/api/v1/members/{memberId}", new { email = "wang@example.cn", name = "王大明" });
        var bad = await fixture.Admin.PatchAsync($"/api/v1/members/{memberId}", new { email = "nope" });

        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Equal("王大明", ok.Body!["name"]!.GetValue<string>());
        Assert.Equal("request.invalid", bad.Code);
        var profile = await fixture.Admin.GetAsync($"/api/v1/members/{memberId}");
        Assert.Equal("wang@example.cn", profile.Body!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_member_is_a_404_with_its_code()
    {
        var reply = await fixture.Admin.GetAsync("/api/v1/members/M000000000000000");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("member.not_found", reply.Code);
    }
}
