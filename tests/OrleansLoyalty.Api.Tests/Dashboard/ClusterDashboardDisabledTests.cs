using System.Net;
using Microsoft.AspNetCore.Hosting;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests.Dashboard;

/// <summary>A cluster that runs without Orleans' dashboard (the production default) says so to the admin who asks.</summary>
[Collection(ApiCollection.Name)]
public sealed class ClusterDashboardDisabledTests(ApiFixture fixture)
{
    [Fact]
    public async Task With_the_dashboard_off_an_admin_is_told_so_and_no_page_is_served()
    {
        await using var app = new LoyaltyApp(fixture.Database.ConnectionString, fixture.Secrets, "nodash-" + Guid.NewGuid().ToString("N")[..8]);
        await using var quiet = app.WithWebHostBuilder(b => b.UseSetting("OrleansDashboard:Enabled", "false"));
        var admin = await LoyaltyClient.SignInAsync(quiet.CreateClient(), "admin", LoyaltyApp.AdminPassword);

        var session = await admin.PostAsync("/admin/orleans/session", new { });
        using var page = await admin.Http.GetAsync("/admin/orleans/");

        Assert.Equal(HttpStatusCode.NotFound, session.Status);
        Assert.Equal("orleans_dashboard.disabled", session.Code);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }
}
