using System.Net;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests;

/// <summary>Points buy coupons and gifts from the rewards catalogue (programme.md, "Burning").</summary>
[Collection(ApiCollection.Name)]
public sealed class RewardsTests(ApiFixture fixture)
{
    private const string Password = "rewards-2026";

    [Fact]
    public async Task A_member_buys_a_coupon_with_points_once_however_often_the_request_is_repeated()
    {
        var templateId = await RewardAsync(pointsPrice: 100);
        var (memberId, member) = await SignedInMemberAsync();
        var txnId = LoyaltyClient.NewId("EX");

        var catalogue = await member.GetAsync("/api/v1/rewards");
        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => member.PostAsync($"/api/v1/members/{memberId}/rewards", new { txnId, templateId })));

        Assert.Contains(catalogue.Body!.AsArray(), t => t!["templateId"]!.GetValue<string>() == templateId && t["pointsPrice"]!.GetValue<long>() == 100);
        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Single(replies.Select(r => r.Body!["code"]!.GetValue<string>()).Distinct());
        Assert.Equal(0, await PointsAsync(memberId));
        var coupons = await member.GetAsync($"/api/v1/members/{memberId}/coupons");
        Assert.Single(coupons.Body!.AsArray(), c => c!["templateId"]!.GetValue<string>() == templateId);
        var ledger = await member.GetAsync($"/api/v1/members/{memberId}/ledger");
        var exchanged = ledger.Body!["items"]!.AsArray().Where(e => e!["kind"]!.GetValue<string>() == "points.exchanged").ToList();
        Assert.Equal((txnId, -100L), (exchanged.Single()!["txnId"]!.GetValue<string>(), exchanged.Single()!["points"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Without_enough_points_nothing_is_bought_and_nothing_changes()
    {
        var templateId = await RewardAsync(pointsPrice: 500);
        var (memberId, member) = await SignedInMemberAsync();

        var refused = await member.PostAsync($"/api/v1/members/{memberId}/rewards", new { txnId = LoyaltyClient.NewId("EX"), templateId });

        Assert.Equal((HttpStatusCode.Conflict, "points.insufficient"), (refused.Status, refused.Code));
        Assert.Equal(100, await PointsAsync(memberId));
        Assert.DoesNotContain((await member.GetAsync($"/api/v1/members/{memberId}/coupons")).Body!.AsArray(), c => c!["templateId"]!.GetValue<string>() == templateId);
    }

    [Fact]
    public async Task Only_the_member_or_a_store_buys_for_them_and_only_what_is_for_sale()
    {
        var templateId = await RewardAsync(pointsPrice: 100);
        var notForSale = LoyaltyClient.NewId("tpl");
        await fixture.Admin.PostAsync("/api/v1/coupon-templates", new { templateId = notForSale, name = "非卖品", kind = "amountOffOver", threshold = 1_000, amount = 100, validDays = 7 });
        var (memberId, member) = await SignedInMemberAsync();
        var (otherId, _) = await SignedInMemberAsync();
        var lane = await fixture.Admin.LaneAsync(fixture.App.CreateClient(), "s001");

        var forSomeoneElse = await member.PostAsync($"/api/v1/members/{otherId}/rewards", new { txnId = LoyaltyClient.NewId("EX"), templateId });
        var unsold = await member.PostAsync($"/api/v1/members/{memberId}/rewards", new { txnId = LoyaltyClient.NewId("EX"), templateId = notForSale });
        var atTheDesk = await lane.PostAsync($"/api/v1/members/{otherId}/rewards", new { txnId = LoyaltyClient.NewId("EX"), templateId, storeId = "s001" });

        Assert.Equal(HttpStatusCode.Forbidden, forSomeoneElse.Status);
        Assert.Equal(HttpStatusCode.NotFound, unsold.Status);
        Assert.Equal(HttpStatusCode.OK, atTheDesk.Status);
        Assert.Equal(0, await PointsAsync(otherId));
    }

    [Fact]
    public async Task A_limited_reward_sells_exactly_its_stock_to_members_racing_for_it_and_the_others_keep_their_points()
    {
        var templateId = await RewardAsync(pointsPrice: 100, rewardStock: 3);
        var members = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => fixture.Admin.RegisterAsync()));

        var replies = await Task.WhenAll(members.Select(m => fixture.Admin.PostAsync($"/api/v1/members/{m.MemberId}/rewards",
            new { txnId = LoyaltyClient.NewId("EX"), templateId, storeId = "s001" })));
        var catalogue = await fixture.Admin.GetAsync("/api/v1/rewards");

        Assert.Equal(3, replies.Count(r => r.Status == HttpStatusCode.OK));
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Equal((HttpStatusCode.Conflict, "reward.out_of_stock"), (r.Status, r.Code)));
        var points = await Task.WhenAll(members.Select(m => PointsAsync(m.MemberId)));
        Assert.Equal(3, points.Count(p => p == 0));
        Assert.Equal(7, points.Count(p => p == 100));
        Assert.Equal(0, catalogue.Body!.AsArray().Single(t => t!["templateId"]!.GetValue<string>() == templateId)!["left"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_member_who_cannot_pay_for_a_limited_reward_gives_its_unit_back()
    {
        var templateId = await RewardAsync(pointsPrice: 500, rewardStock: 1);
        var (memberId, member) = await SignedInMemberAsync();

        var refused = await member.PostAsync($"/api/v1/members/{memberId}/rewards", new { txnId = LoyaltyClient.NewId("EX"), templateId });
        var catalogue = await member.GetAsync("/api/v1/rewards");
        var badStock = await fixture.Admin.PostAsync("/api/v1/coupon-templates", new
        {
            templateId = LoyaltyClient.NewId("tpl"), name = "无价", kind = "amountOffOver", threshold = 1_000, amount = 100, validDays = 7, rewardStock = 5,
        });

        Assert.Equal((HttpStatusCode.Conflict, "points.insufficient"), (refused.Status, refused.Code));
        Assert.Equal(1, catalogue.Body!.AsArray().Single(t => t!["templateId"]!.GetValue<string>() == templateId)!["left"]!.GetValue<int>());
        Assert.NotNull(badStock.Body!["errors"]!["rewardStock"]);
    }

    [Fact]
    public async Task A_public_code_cannot_be_put_up_for_points()
    {
        var reply = await fixture.Admin.PostAsync("/api/v1/coupon-templates", new
        {
            templateId = LoyaltyClient.NewId("tpl"), name = "公开码", kind = "amountOffOver", threshold = 1_000, amount = 100, validDays = 7,
            @public = true, code = LoyaltyClient.NewId("PUB"), pointsPrice = 100,
        });

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.NotNull(reply.Body!["errors"]!["pointsPrice"]);
    }

    private async Task<string> RewardAsync(long pointsPrice, int? rewardStock = null)
    {
        var templateId = LoyaltyClient.NewId("tpl");
        var created = await fixture.Admin.PostAsync("/api/v1/coupon-templates", new
        {
            templateId, name = "积分换券", kind = "amountOffOver", threshold = 3_000, amount = 500, validDays = 30, pointsPrice, rewardStock,
        });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        return templateId;
    }

    private async Task<(string MemberId, LoyaltyClient Member)> SignedInMemberAsync()
    {
        var m = await SignedInMember.RegisterAsync(fixture, Password, "兑换");
        return (m.MemberId, m.Client);
    }

    private async Task<long> PointsAsync(string memberId) =>
        (await fixture.Admin.GetAsync($"/api/v1/members/{memberId}")).Body!["points"]!["balance"]!.GetValue<long>();
}
