using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansLoyalty.Api.Tests.Admin;
using OrleansLoyalty.Api.Tests.Dashboard;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests.Auth;

/// <summary>Tokens stop working the moment their account changes, on this api instance and on the others.</summary>
[Collection(ApiCollection.Name)]
public sealed class RevocationTests(ApiFixture fixture)
{
    private const string Password = "manager-password";

    [Fact]
    public async Task A_disabled_manager_is_refused_at_once_even_with_a_token_the_api_had_cached_and_cannot_sign_in()
    {
        var (username, manager) = await NewManagerAsync("s001");
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/v1/reports/sales?storeId=s001")).Status);

        var disabled = await fixture.Admin.PostAsync($"/api/v1/staff/{username}/disable", new { });

        Assert.Equal(HttpStatusCode.OK, disabled.Status);
        Assert.True(disabled.Body!["disabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await manager.GetAsync("/api/v1/reports/sales?storeId=s001")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(username, Password)).Status);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.PostAsync($"/api/v1/staff/{username}/enable", new { })).Status);
        Assert.Equal(HttpStatusCode.OK, (await SignIn(username, Password)).Status);
    }

    [Fact]
    public async Task A_disabled_managers_open_dashboard_connection_is_closed_at_once()
    {
        var (username, manager) = await NewManagerAsync("s001");
        var token = manager.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        await using var client = await DashboardTestClient.ConnectAsync(fixture.App.Server, token);
        var dashboard = client.Connection;
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        dashboard.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        Assert.Equal(HubConnectionState.Connected, dashboard.State);

        await fixture.Admin.PostAsync($"/api/v1/staff/{username}/disable", new { });

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Disconnected, dashboard.State);
    }

    [Fact]
    public async Task A_manager_moved_to_another_store_signs_in_again_and_then_acts_only_there()
    {
        var (username, manager) = await NewManagerAsync("s001");

        var moved = await fixture.Admin.PatchAsync($"/api/v1/staff/{username}", new { roles = new[] { "manager" }, storeIds = new[] { "s002" } });
        var again = LoyaltyClient.WithToken(fixture.App.CreateClient(), await SignIn(username, Password));

        Assert.Equal(["s002"], moved.Body!["storeIds"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await manager.GetAsync("/api/v1/reports/sales?storeId=s001")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/api/v1/reports/sales?storeId=s001")).Status);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/reports/sales?storeId=s002")).Status);
        var listed = (await fixture.Admin.GetAsync("/api/v1/staff")).Body!.AsArray().Single(s => s!["username"]!.GetValue<string>() == username)!;
        Assert.Equal("s002", listed["storeIds"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_staff_member_changes_their_password_and_every_older_session_ends_but_the_new_token_works()
    {
        var (username, manager) = await NewManagerAsync("s001");
        var otherSession = LoyaltyClient.WithToken(fixture.App.CreateClient(), await SignIn(username, Password));

        var wrong = await manager.PostAsync("/api/v1/auth/password", new { currentPassword = "not-my-password", newPassword = "a-new-password-1" });
        var changed = await manager.PostAsync("/api/v1/auth/password", new { currentPassword = Password, newPassword = "a-new-password-1" });
        var renewed = LoyaltyClient.WithToken(fixture.App.CreateClient(), changed);

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "auth.wrong_password"), (wrong.Status, wrong.Code));
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherSession.GetAsync("/api/v1/reports/sales?storeId=s001")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await manager.GetAsync("/api/v1/reports/sales?storeId=s001")).Status);
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync("/api/v1/reports/sales?storeId=s001")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(username, Password)).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Admin.PutAsync($"/api/v1/staff/{username}/password", new { password = "reset-by-head-office" })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await renewed.GetAsync("/api/v1/reports/sales?storeId=s001")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SignIn(username, "reset-by-head-office")).Status);
    }

    [Fact]
    public async Task A_revoked_lane_stops_at_once_and_new_credentials_for_it_retire_the_old_secret()
    {
        var storeId = AdminHttp.Store();
        var first = await fixture.Admin.PostAsync($"/api/v1/stores/{storeId}/devices", new { deviceId = "lane1", role = "lane" });
        var lane = await LoyaltyClient.SignInDeviceAsync(fixture.App.CreateClient(), Id(first), Secret(first));
        Assert.Equal(HttpStatusCode.OK, (await lane.QuoteAsync(storeId, null, Line())).Status);

        var revoked = await fixture.Admin.PostAsync($"/api/v1/stores/{storeId}/devices/lane1/revoke", new { });

        Assert.True(revoked.Body!.AsArray().Single()!["disabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await lane.QuoteAsync(storeId, null, Line())).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await DeviceSignIn(Id(first), Secret(first))).Status);

        var second = await fixture.Admin.PostAsync($"/api/v1/stores/{storeId}/devices", new { deviceId = "lane1", role = "lane" });
        var third = await fixture.Admin.PostAsync($"/api/v1/stores/{storeId}/devices", new { deviceId = "lane1", role = "lane" });
        var listed = await fixture.Admin.GetAsync($"/api/v1/stores/{storeId}/devices");

        Assert.Equal(HttpStatusCode.Unauthorized, (await DeviceSignIn(Id(second), Secret(second))).Status);
        Assert.Equal(HttpStatusCode.OK, (await DeviceSignIn(Id(third), Secret(third))).Status);
        Assert.False(listed.Body!.AsArray().Single()!["disabled"]!.GetValue<bool>());
        Assert.DoesNotContain("secret", listed.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Admin.PostAsync($"/api/v1/stores/{storeId}/devices/nope/revoke", new { })).Status);
    }

    [Fact]
    public async Task A_member_signs_out_everywhere_and_a_new_password_ends_other_sessions_but_not_the_one_that_set_it()
    {
        var phone = LoyaltyClient.RandomPhone();
        var memberId = (await fixture.Admin.PostAsync("/api/v1/members", new { phone, name = "退出", storeId = "s001", password = "member-pass-1" })).Body!["memberId"]!.GetValue<string>();
        var phoneSession = await MemberAsync(phone, "member-pass-1");
        var tabletSession = await MemberAsync(phone, "member-pass-1");

        var set = await phoneSession.PutAsync($"/api/v1/members/{memberId}/password", new { password = "member-pass-2" });
        var renewed = LoyaltyClient.WithToken(fixture.App.CreateClient(), set);

        Assert.Equal(HttpStatusCode.OK, set.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await tabletSession.GetAsync($"/api/v1/members/{memberId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync($"/api/v1/members/{memberId}")).Status);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await NewManagerAsync("s001")).Client.PostAsync($"/api/v1/members/{memberId}/sign-out-everywhere", new { })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await renewed.PostAsync($"/api/v1/members/{memberId}/sign-out-everywhere", new { })).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await renewed.GetAsync($"/api/v1/members/{memberId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await (await MemberAsync(phone, "member-pass-2")).GetAsync($"/api/v1/members/{memberId}")).Status);
    }

    [Fact]
    public async Task Another_api_instance_refuses_a_token_revoked_here_within_its_poll_and_a_restarted_one_from_its_first_request()
    {
        var (username, manager) = await NewManagerAsync("s001");
        var token = manager.Http.DefaultRequestHeaders.Authorization!;
        await using var other = new LoyaltyApp(fixture.Database.ConnectionString, fixture.Secrets, "other-" + Guid.NewGuid().ToString("N")[..8]);
        var there = new LoyaltyClient(other.CreateClient());
        there.Http.DefaultRequestHeaders.Authorization = token;
        Assert.Equal(HttpStatusCode.OK, (await there.GetAsync("/api/v1/reports/sales?storeId=s001")).Status);

        await fixture.Admin.PostAsync($"/api/v1/staff/{username}/disable", new { });
        var refusedThere = await AdminHttp.Until(() => there.GetAsync("/api/v1/reports/sales?storeId=s001"), r => r.Status == HttpStatusCode.Unauthorized);
        await using var restarted = new LoyaltyApp(fixture.Database.ConnectionString, fixture.Secrets, "later-" + Guid.NewGuid().ToString("N")[..8]);
        var fresh = new LoyaltyClient(restarted.CreateClient());
        fresh.Http.DefaultRequestHeaders.Authorization = token;

        Assert.Equal(HttpStatusCode.Unauthorized, refusedThere.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fresh.GetAsync("/api/v1/reports/sales?storeId=s001")).Status);
    }

    [Fact]
    public async Task Staff_changes_are_checked_field_by_field_and_name_a_real_account()
    {
        var bad = await fixture.Admin.PatchAsync("/api/v1/staff/admin", new { roles = new[] { "cashier" } });
        var missing = await fixture.Admin.PostAsync("/api/v1/staff/nobody-here/disable", new { });
        var self = await fixture.Admin.PostAsync("/api/v1/staff/admin/disable", new { });
        var shortPassword = await fixture.Admin.PutAsync("/api/v1/staff/admin/password", new { password = "short" });
        var (_, manager) = await NewManagerAsync("s001");

        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.NotNull(bad.Body!["errors"]!["roles"]);
        Assert.Equal((HttpStatusCode.NotFound, "staff.not_found"), (missing.Status, missing.Code));
        Assert.Equal((HttpStatusCode.Conflict, "staff.self"), (self.Status, self.Code));
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/v1/staff")).Status);
    }

    private async Task<(string Username, LoyaltyClient Client)> NewManagerAsync(string storeId)
    {
        var username = LoyaltyClient.NewId("mgr");
        Assert.Equal(HttpStatusCode.Created, (await fixture.Admin.PostAsync("/api/v1/staff", new { username, password = Password, roles = new[] { "manager" }, storeIds = new[] { storeId } })).Status);
        return (username, await LoyaltyClient.SignInAsync(fixture.App.CreateClient(), username, Password));
    }

    private async Task<LoyaltyClient> MemberAsync(string phone, string password) =>
        LoyaltyClient.WithToken(fixture.App.CreateClient(), await fixture.Anonymous().PostAsync("/api/v1/members/login", new { phone, password }));

    private Task<Reply> SignIn(string username, string password) => fixture.Anonymous().PostAsync("/api/v1/auth/token", new { username, password });

    private Task<Reply> DeviceSignIn(string clientId, string clientSecret) => fixture.Anonymous().PostAsync("/api/v1/auth/token", new { clientId, clientSecret });

    private static string Id(Reply device) => device.Body!["clientId"]!.GetValue<string>();

    private static string Secret(Reply device) => device.Body!["clientSecret"]!.GetValue<string>();

    private static object Line() => new { lineId = "1", sku = "X1", qty = 1, unitPrice = 500 };
}
