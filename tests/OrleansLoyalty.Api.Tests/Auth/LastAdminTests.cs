using System.Net;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests.Auth;

/// <summary>
/// The chain never loses its last enabled administrator. A database of its own: the test counts administrators, which
/// other tests add, and it may disable the bootstrap one.
/// </summary>
[Collection(StaffCollection.Name)]
public sealed class LastAdminTests(ApiFixture fixture)
{
    [Fact]
    public async Task The_only_administrator_keeps_the_role_and_two_disabling_each_other_at_once_leave_one_enabled()
    {
        var demoted = await fixture.Admin.PatchAsync("/api/v1/staff/admin", new { roles = new[] { "manager" }, storeIds = new[] { "s001" } });
        Assert.Equal((HttpStatusCode.Conflict, "staff.last_admin"), (demoted.Status, demoted.Code));

        var second = LoyaltyClient.NewId("boss");
        Assert.Equal(HttpStatusCode.Created, (await fixture.Admin.PostAsync("/api/v1/staff", new { username = second, password = "second-admin-pass", roles = new[] { "admin" } })).Status);
        var secondAdmin = await LoyaltyClient.SignInAsync(fixture.App.CreateClient(), second, "second-admin-pass");

        var answers = await Task.WhenAll(
            fixture.Admin.PostAsync($"/api/v1/staff/{second}/disable", new { }),
            secondAdmin.PostAsync("/api/v1/staff/admin/disable", new { }));

        Assert.Equal(1, answers.Count(a => a.Status == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Contains(a.Status, new[] { HttpStatusCode.Conflict, HttpStatusCode.Unauthorized }));
        var survivor = (await fixture.Admin.GetAsync("/api/v1/staff")).Status == HttpStatusCode.OK ? fixture.Admin : secondAdmin;
        var staff = await survivor.GetAsync("/api/v1/staff");
        var enabledAdmins = staff.Body!.AsArray().Count(s => !s!["disabled"]!.GetValue<bool>() && s["roles"]!.AsArray().Any(r => r!.GetValue<string>() == "admin"));
        Assert.Equal(1, enabledAdmins);
    }
}

[CollectionDefinition(Name)]
public sealed class StaffCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "staff";
}
