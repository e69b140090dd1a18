using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OrleansLoyalty.Api.ClusterDashboard;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests.Dashboard;

/// <summary>Orleans' own dashboard at /admin/orleans/: admins only, reached from a browser tab through a cookie.</summary>
[Collection(ApiCollection.Name)]
public sealed class ClusterDashboardAccessTests(ApiFixture fixture)
{
    private const string Page = "/admin/orleans/";
    private const string Counters = "/admin/orleans/DashboardCounters";
    private const string Session = "/admin/orleans/session";

    [Theory]
    [InlineData(Page)]
    [InlineData(Counters)]
    [InlineData("/admin/orleans/index.min.js")]
    public async Task Without_a_credential_the_dashboard_answers_401(string path)
    {
        using var response = await fixture.App.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_credential_no_session_is_given()
    {
        using var response = await fixture.App.CreateClient().PostAsync(Session, null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_manager_gets_no_session_and_no_dashboard()
    {
        var manager = await ManagerAsync();

        using var session = await manager.Http.PostAsync(Session, null);
        using var page = await manager.Http.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Forbidden, session.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }

    [Fact]
    public async Task A_dashboard_cookie_of_a_manager_is_forbidden()
    {
        var cookie = CookieFor(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "m1"), new Claim("role", "manager"), new Claim("store", "s001")], "test")));
        using var client = fixture.App.CreateClient(new() { HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);

        using var page = await client.GetAsync(Page);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }

    [Fact]
    public async Task An_admin_session_opens_the_page_and_its_data_with_the_cookie_alone()
    {
        using var browser = fixture.App.CreateClient();
        browser.DefaultRequestHeaders.Authorization = await AdminBearerAsync();
        using var session = await browser.PostAsync(Session, null);
        browser.DefaultRequestHeaders.Authorization = null;

        using var page = await browser.GetAsync(Page);
        using var counters = await browser.GetAsync(Counters);

        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        var setCookie = Assert.Single(session.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/admin/orleans", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
        Assert.Contains("totalActiveHostCount", await counters.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_bearer_token_opens_the_dashboard_data_too()
    {
        using var client = fixture.App.CreateClient(new() { HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = await AdminBearerAsync();

        using var counters = await client.GetAsync(Counters);

        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
    }

    [Fact]
    public async Task An_api_token_is_no_dashboard_cookie_and_a_dashboard_cookie_is_no_api_token()
    {
        var bearer = await AdminBearerAsync();
        using var apiTokenAsCookie = fixture.App.CreateClient(new() { HandleCookies = false });
        apiTokenAsCookie.DefaultRequestHeaders.Add("Cookie", $"{ClusterDashboardSession.CookieName}={bearer.Parameter}");
        var dashboardToken = CookieFor(AdminPrincipal()).Split('=', 2)[1];
        using var cookieAsApiToken = fixture.App.CreateClient(new() { HandleCookies = false });
        cookieAsApiToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", dashboardToken);

        using var page = await apiTokenAsCookie.GetAsync(Page);
        using var members = await cookieAsApiToken.GetAsync("/api/v1/members/M123");

        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, members.StatusCode);
    }

    [Fact]
    public async Task The_grain_state_view_is_off_by_default()
    {
        using var client = fixture.App.CreateClient(new() { HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = await AdminBearerAsync();

        using var grainState = await client.GetAsync("/admin/orleans/GrainState?grainId=M1&grainType=x");

        Assert.Equal(HttpStatusCode.NotFound, grainState.StatusCode);
    }

    [Fact]
    public async Task Ending_the_session_clears_the_cookie()
    {
        using var browser = fixture.App.CreateClient();
        browser.DefaultRequestHeaders.Authorization = await AdminBearerAsync();
        (await browser.PostAsync(Session, null)).Dispose();
        browser.DefaultRequestHeaders.Authorization = null;

        using var ended = await browser.DeleteAsync(Session);
        using var page = await browser.GetAsync(Page);

        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
    }

    private async Task<AuthenticationHeaderValue> AdminBearerAsync()
    {
        var admin = await LoyaltyClient.SignInAsync(fixture.App.CreateClient(), "admin", LoyaltyApp.AdminPassword);
        return admin.Http.DefaultRequestHeaders.Authorization!;
    }

    private async Task<LoyaltyClient> ManagerAsync()
    {
        var username = LoyaltyClient.NewId("mgr");
        var created = await fixture.Admin.PostAsync("/api/v1/staff", new { username, password = "manager-password", roles = new[] { "manager" }, storeIds = new[] { "s001" } });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return await LoyaltyClient.SignInAsync(fixture.App.CreateClient(), username, "manager-password");
    }

    private static ClaimsPrincipal AdminPrincipal() =>
        new(new ClaimsIdentity([new Claim("sub", "admin"), new Claim("role", "admin")], "test"));

    /// <summary>The cookie the session endpoint would set for <paramref name="user"/>, as a "name=value" request header.</summary>
    private string CookieFor(ClaimsPrincipal user)
    {
        var context = new DefaultHttpContext();
        fixture.App.Services.GetRequiredService<ClusterDashboardSession>().Start(context, user);
        return context.Response.Headers.SetCookie.ToString().Split(';')[0];
    }
}
