using System.Net;
using Npgsql;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests;

/// <summary>Members signing in by password or SMS code (rest.md, "Members"; docs/sign-in.md).</summary>
[Collection(ApiCollection.Name)]
public sealed class MemberSignInTests(ApiFixture fixture)
{
    private const string Password = "晴天-sunny-2026";

    private async Task<(string MemberId, string Phone)> RegisterAsync(string? password = null)
    {
        var phone = LoyaltyClient.RandomPhone();
        var reply = await fixture.Admin.PostAsync("/api/v1/members", new { phone, name = "周末", storeId = "s001", channel = "app", password });
        Assert.Equal(HttpStatusCode.Created, reply.Status);
        return (reply.Body!["memberId"]!.GetValue<string>(), phone);
    }

    private Task<Reply> LoginAsync(object body) => fixture.Anonymous().PostAsync("/api/v1/members/login", body);

    [Fact]
    public async Task A_member_registered_with_a_password_signs_in_and_sees_only_their_own_data()
    {
        var (memberId, phone) = await RegisterAsync(Password);
        var (otherId, _) = await RegisterAsync();

        var login = await LoginAsync(new { phone, password = Password });

        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.Equal(memberId, login.Body!["memberId"]!.GetValue<string>());
        Assert.Equal("Bearer", login.Body!["tokenType"]!.GetValue<string>());
        Assert.Equal(["member"], login.Body!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        var member = LoyaltyClient.WithToken(fixture.App.CreateClient(), login);
        var own = await member.GetAsync($"/api/v1/members/{memberId}");
        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal(phone, own.Body!["phone"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/api/v1/members/{memberId}/ledger")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/v1/members/{otherId}")).Status);
        var quote = await member.PostAsync("/api/v1/checkout/quote", new { storeId = "s001", laneId = "01", lines = new[] { new { lineId = "1", sku = "X", qty = 1, unitPrice = 100 } } });
        Assert.Equal(HttpStatusCode.Forbidden, quote.Status);
    }

    [Fact]
    public async Task A_code_sent_by_sms_signs_the_member_in_once_and_leaves_nothing_readable_behind()
    {
        var (memberId, phone) = await RegisterAsync();

        var sent = await fixture.Anonymous().PostAsync("/api/v1/members/otp", new { phone });

        Assert.Equal(HttpStatusCode.Accepted, sent.Status);
        Assert.Equal(300, sent.Long("expiresIn"));
        Assert.Equal(60, sent.Long("resendAfter"));
        var code = await fixture.App.Sms.CodeFor(phone);
        var message = Assert.Single(fixture.App.Sms.To(phone));
        Assert.Contains(code, message.GetProperty("text").GetString());
        var login = await LoginAsync(new { phone, otp = code });
        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.Equal(memberId, login.Body!["memberId"]!.GetValue<string>());
        var again = await LoginAsync(new { phone, otp = code });
        Assert.Equal(HttpStatusCode.Unauthorized, again.Status);
        Assert.Equal("auth.invalid_credentials", again.Code);

        await using var db = new NpgsqlConnection(fixture.Database.ConnectionString);
        await db.OpenAsync();
        await using var row = new NpgsqlCommand("SELECT status, recipient, payload IS NULL FROM notification_outbox WHERE member_id = @m", db);
        row.Parameters.AddWithValue("m", memberId);
        await using var reader = await row.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("sent", reader.GetString(0));
        Assert.DoesNotContain(phone, reader.GetString(1));
        Assert.True(reader.GetBoolean(2));
    }

    [Fact]
    public async Task An_unregistered_phone_gets_the_same_answer_and_no_message()
    {
        var stranger = LoyaltyClient.RandomPhone();
        var (_, phone) = await RegisterAsync();

        var toStranger = await fixture.Anonymous().PostAsync("/api/v1/members/otp", new { phone = stranger });
        var toMember = await fixture.Anonymous().PostAsync("/api/v1/members/otp", new { phone });

        Assert.Equal(HttpStatusCode.Accepted, toStranger.Status);
        Assert.Equal(toMember.Text, toStranger.Text);
        await fixture.App.Sms.CodeFor(phone);
        Assert.Empty(fixture.App.Sms.To(stranger));
        var login = await LoginAsync(new { phone = stranger, password = Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.Status);
        Assert.Equal("auth.invalid_credentials", login.Code);
    }

    [Fact]
    public async Task Racing_wrong_passwords_lock_the_member_out_after_five_and_a_code_still_signs_them_in()
    {
        var (_, phone) = await RegisterAsync(Password);

        var guesses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => LoginAsync(new { phone, password = $"guess-{i:D4}" })));

        Assert.Equal(5, guesses.Count(g => g.Status == HttpStatusCode.Unauthorized));
        Assert.All(guesses.Where(g => g.Status != HttpStatusCode.Unauthorized), g =>
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, g.Status);
            Assert.Equal("auth.too_many_attempts", g.Code);
        });
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(new { phone, password = Password })).Status);

        await fixture.Anonymous().PostAsync("/api/v1/members/otp", new { phone });
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(new { phone, otp = await fixture.App.Sms.CodeFor(phone) })).Status);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(new { phone, password = Password })).Status);
    }

    [Fact]
    public async Task A_member_signed_in_by_code_sets_a_password_that_then_signs_them_in()
    {
        var (memberId, phone) = await RegisterAsync();
        var (otherId, _) = await RegisterAsync();
        await fixture.Anonymous().PostAsync("/api/v1/members/otp", new { phone });
        var member = LoyaltyClient.WithToken(fixture.App.CreateClient(), await LoginAsync(new { phone, otp = await fixture.App.Sms.CodeFor(phone) }));

        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(new { phone, password = Password })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PutAsync($"/api/v1/members/{otherId}/password", new { password = Password })).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Admin.PutAsync($"/api/v1/members/{memberId}/password", new { password = Password })).Status);
        var set = await member.PutAsync($"/api/v1/members/{memberId}/password", new { password = Password });

        Assert.Equal(HttpStatusCode.OK, set.Status);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(new { phone, password = Password })).Status);
    }

    [Theory]
    [InlineData("""{"phone":"13800000000","password":"secret-words","otp":"123456"}""", "password")]
    [InlineData("""{"phone":"13800000000"}""", "password")]
    [InlineData("""{"phone":"13800000000","otp":"12ab56"}""", "otp")]
    [InlineData("""{"phone":"12345","password":"secret-words"}""", "phone")]
    [InlineData("""{"phone":13800000000,"password":"secret-words"}""", null)]
    public async Task A_malformed_login_gets_a_400_naming_the_field(string body, string? field)
    {
        var reply = await fixture.Anonymous().PostRawAsync("/api/v1/members/login", body);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("application/problem+json", reply.ContentType);
        if (field is not null)
        {
            Assert.Equal("request.invalid", reply.Code);
            Assert.NotNull(reply.Body!["errors"]![field]);
        }
    }

    [Theory]
    [InlineData("short-1")]
    [InlineData("12345678901")]
    public async Task A_registration_with_a_weak_password_is_refused_and_registers_nobody(string password)
    {
        var phone = LoyaltyClient.RandomPhone();

        var reply = await fixture.Admin.PostAsync("/api/v1/members", new { phone, name = "弱口令", storeId = "s001", password });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.NotNull(reply.Body!["errors"]!["password"]);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Admin.GetAsync($"/api/v1/members?phone={phone}")).Status);
    }
}
