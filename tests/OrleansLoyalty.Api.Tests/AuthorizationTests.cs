using System.Net;
using OrleansLoyalty.Api.Tests.Admin;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class AuthorizationTests(ApiFixture fixture)
{
    [Theory]
    [InlineData("GET", "/api/v1/members/M123")]
    [InlineData("GET", "/api/v1/members?phone=13812345678")]
    [InlineData("GET", "/api/v1/cards/8800012345")]
    [InlineData("POST", "/api/v1/checkout/commit")]
    [InlineData("POST", "/api/v1/checkout/quote")]
    [InlineData("POST", "/api/v1/staff")]
    public async Task Without_a_token_every_protected_endpoint_answers_401_with_a_code(string method, string path)
    {
        var anonymous = fixture.Anonymous();

        var reply = method == "GET" ? await anonymous.GetAsync(path) : await anonymous.PostAsync(path, new { });

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("auth.unauthorized", reply.Code);
    }

    [Fact]
    public async Task A_wrong_password_gets_no_token()
    {
        var reply = await fixture.Anonymous().PostAsync("/api/v1/auth/token", new { username = "admin", password = "wrong-password" });

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("auth.invalid_credentials", reply.Code);
    }

    [Fact]
    public async Task A_forged_token_is_refused()
    {
        var client = fixture.Anonymous();
        client.Http.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiIsInJvbGUiOiJhZG1pbiJ9.c2lnbmF0dXJl");

        var reply = await client.GetAsync("/api/v1/members/M123");

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
    }

    [Fact]
    public async Task A_lane_may_not_act_for_another_store()
    {
        var lane = await fixture.Admin.LaneAsync(fixture.App.CreateClient(), "s001");

        var reply = await lane.PostAsync("/api/v1/checkout/commit", new
        {
            storeId = "s002", laneId = "01", txnId = LoyaltyClient.NewId("T"),
            lines = new[] { new { lineId = "1", sku = "A", qty = 1, unitPrice = 100 } },
            tenders = new[] { new { kind = "cash", amount = 100 } },
        });

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("auth.forbidden_store", reply.Code);
    }

    [Fact]
    public async Task A_lane_may_not_create_staff_or_devices()
    {
        var lane = await fixture.Admin.LaneAsync(fixture.App.CreateClient(), "s001");

        var staff = await lane.PostAsync("/api/v1/staff", new { username = "sneaky", password = "0123456789", roles = new[] { "admin" } });
        var device = await lane.PostAsync("/api/v1/stores/s001/devices", new { deviceId = "x1", role = "gateway" });

        Assert.Equal(HttpStatusCode.Forbidden, staff.Status);
        Assert.Equal("auth.forbidden", staff.Code);
        Assert.Equal(HttpStatusCode.Forbidden, device.Status);
    }

    [Fact]
    public async Task A_manager_issues_and_revokes_their_own_stores_tills_but_not_another_stores()
    {
        var store = AdminHttp.Store();
        var manager = await fixture.ManagerAsync(store);
        var deviceId = LoyaltyClient.NewId("till");

        var issued = await manager.PostAsync($"/api/v1/stores/{store}/devices", new { deviceId, role = "lane" });
        var elsewhere = await manager.PostAsync("/api/v1/stores/s001/devices", new { deviceId, role = "lane" });
        var listElsewhere = await manager.GetAsync("/api/v1/stores/s001/devices");
        var till = await LoyaltyClient.SignInDeviceAsync(fixture.App.CreateClient(), issued.Body!["clientId"]!.GetValue<string>(), issued.Body!["clientSecret"]!.GetValue<string>());
        var before = await till.GetAsync($"/api/v1/stores/{store}/products?sku=NONE");
        var revoked = await manager.PostAsync($"/api/v1/stores/{store}/devices/{deviceId}/revoke", new { });
        var after = await till.GetAsync($"/api/v1/stores/{store}/products?sku=NONE");

        Assert.Equal(HttpStatusCode.Created, issued.Status);
        Assert.Equal((HttpStatusCode.Forbidden, "auth.forbidden_store"), (elsewhere.Status, elsewhere.Code));
        Assert.Equal(HttpStatusCode.Forbidden, listElsewhere.Status);
        Assert.NotEqual(HttpStatusCode.Unauthorized, before.Status);
        Assert.Equal(HttpStatusCode.OK, revoked.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, after.Status);
    }

    [Fact]
    public async Task A_manager_sees_their_store_members_in_full_and_others_masked_and_cannot_refund_elsewhere()
    {
        var username = LoyaltyClient.NewId("mgr");
        var created = await fixture.Admin.PostAsync("/api/v1/staff", new { username, password = "manager-password", roles = new[] { "manager" }, storeIds = new[] { "s001" } });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var manager = await LoyaltyClient.SignInAsync(fixture.App.CreateClient(), username, "manager-password");
        var (own, ownPhone) = await fixture.Admin.RegisterAsync("s001", "孙悟空");
        var (other, _) = await fixture.Admin.RegisterAsync("s002", "猪八戒");

        var ownView = await manager.GetAsync($"/api/v1/members/{own}");
        var otherView = await manager.GetAsync($"/api/v1/members/{other}");
        var ledgerElsewhere = await manager.GetAsync($"/api/v1/members/{other}/ledger");

        Assert.Equal(ownPhone, ownView.Body!["phone"]!.GetValue<string>());
        Assert.Equal("孙悟空", ownView.Body!["name"]!.GetValue<string>());
        Assert.Contains("****", otherView.Body!["phone"]!.GetValue<string>());
        Assert.Equal("猪**", otherView.Body!["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, ledgerElsewhere.Status);
    }

    [Fact]
    public async Task A_lane_sees_members_masked()
    {
        var lane = await fixture.Admin.LaneAsync(fixture.App.CreateClient(), "s001");
        var (memberId, phone) = await fixture.Admin.RegisterAsync("s001", "张三丰");

        var byPhone = await lane.GetAsync($"/api/v1/members?phone={phone}");

        Assert.Equal(memberId, byPhone.Body!["memberId"]!.GetValue<string>());
        Assert.Equal($"{phone[..3]}****{phone[7..]}", byPhone.Body!["phone"]!.GetValue<string>());
        Assert.Equal("张**", byPhone.Body!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Staff_creation_is_validated_and_usernames_are_unique()
    {
        var username = LoyaltyClient.NewId("dup");
        var first = await fixture.Admin.PostAsync("/api/v1/staff", new { username, password = "long-enough-pw", roles = new[] { "admin" } });
        var second = await fixture.Admin.PostAsync("/api/v1/staff", new { username, password = "long-enough-pw", roles = new[] { "admin" } });
        var weak = await fixture.Admin.PostAsync("/api/v1/staff", new { username = "weak", password = "short", roles = new[] { "cashier" } });

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal("staff.exists", second.Code);
        Assert.Equal("request.invalid", weak.Code);
        Assert.NotNull(weak.Body!["errors"]!["password"]);
        Assert.NotNull(weak.Body!["errors"]!["roles"]);
    }

    [Fact]
    public async Task Health_and_the_OpenAPI_document_need_no_token()
    {
        var anonymous = fixture.Anonymous();

        var live = await anonymous.GetAsync("/health/live");
        var ready = await anonymous.GetAsync("/health/ready");
        var openapi = await anonymous.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal(HttpStatusCode.OK, openapi.Status);
        Assert.Contains("/api/v1/checkout/commit", openapi.Text, StringComparison.Ordinal);
    }
}
