namespace OrleansLoyalty.Api.Tests.Infrastructure;

/// <summary>A member registered at s001 with a password, and a client signed in as them.</summary>
public sealed record SignedInMember(string MemberId, string Phone, string Password, LoyaltyClient Client)
{
    public static async Task<SignedInMember> RegisterAsync(ApiFixture fixture, string password = "member-password-1", string name = "会员")
    {
        var phone = LoyaltyClient.RandomPhone();
        var registered = await fixture.Admin.PostAsync("/api/v1/members", new { phone, name, storeId = "s001", password });
        var login = await fixture.Anonymous().PostAsync("/api/v1/members/login", new { phone, password });
        return new SignedInMember(registered.Body!["memberId"]!.GetValue<string>(), phone, password,
            LoyaltyClient.WithToken(fixture.App.CreateClient(), login));
    }
}
