using System.Net;
using OrleansLoyalty.Api.Tests.Admin;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests.Reports;

/// <summary>
/// The purchase analysis through the API: segments, a member's own analysis, targeted coupons, erasure. Scores are
/// quintiles among every buyer of the database, so these tests have a database of their own: the other API tests'
/// buyers (all of them buying "now") would decide these members' scores.
/// </summary>
[Collection(AnalysisCollection.Name)]
public sealed class AnalysisTests(ApiFixture fixture)
{
    private ReportRows Rows => new(fixture.Database.ConnectionString);

    [Fact]
    public async Task A_run_puts_each_member_in_a_segment_that_the_segment_report_and_the_member_see()
    {
        var storeId = AdminHttp.Store();
        var now = TimeProvider.System.GetUtcNow();
        var regular = LoyaltyClient.NewId("M");
        var gone = LoyaltyClient.NewId("M");
        var neverBought = LoyaltyClient.NewId("M");
        await Rows.MemberAsync(regular, storeId, now.AddDays(-300));
        await Rows.MemberAsync(gone, storeId, now.AddDays(-300));
        await Rows.MemberAsync(neverBought, storeId, now.AddDays(-200));
        for (var week = 0; week < 30; week++)
        {
            await Rows.SaleAsync(storeId, now.AddDays(-1 - 7 * week), 20_000, regular, categories: """{"食品": 15000, "日用": 5000}""");
        }
        await Rows.SaleAsync(storeId, now.AddDays(-200), 3_000, gone, categories: """{"饮料": 3000}""");
        // Ordinary shoppers of another store, so that the quintiles have a population between the two.
        var elsewhere = AdminHttp.Store();
        for (var i = 0; i < 8; i++)
        {
            var shopper = LoyaltyClient.NewId("M");
            await Rows.MemberAsync(shopper, elsewhere, now.AddDays(-300));
            for (var sale = 0; sale <= i % 4 + 1; sale++)
            {
                await Rows.SaleAsync(elsewhere, now.AddDays(-10 - 9 * i - 3 * sale), 8_000 + 1_000 * i, shopper);
            }
        }

        var run = await fixture.Admin.PostAsync("/api/v1/reports/analysis/refresh", new { });
        var segments = await fixture.Admin.GetAsync($"/api/v1/reports/segments?storeId={storeId}");
        var analysis = await fixture.Admin.GetAsync($"/api/v1/members/{regular}/analysis");
        var lost = await fixture.Admin.GetAsync($"/api/v1/reports/segments/lost/members?storeId={storeId}");

        Assert.Equal(HttpStatusCode.OK, run.Status);
        Assert.True(run.Long("members") >= 3);
        var bySegment = segments.Body!["segments"]!.AsArray().ToDictionary(s => s!["segment"]!.GetValue<string>(), s => s!["members"]!.GetValue<int>());
        Assert.Equal(1, bySegment["champions"]);
        Assert.Equal(1, bySegment["hibernating"]);
        Assert.Equal(1, bySegment["lost"]);
        Assert.Equal(3, bySegment.Values.Sum());
        Assert.Equal("champions", analysis.Body!["segment"]!.GetValue<string>());
        Assert.Equal(30, analysis.Body!["purchases12m"]!.GetValue<int>());
        Assert.Equal(600_000, analysis.Body!["spend12m"]!.GetValue<long>());
        Assert.Equal(7, analysis.Body!["usualIntervalDays"]!.GetValue<int>());
        Assert.Equal("low", analysis.Body!["churnRisk"]!.GetValue<string>());
        Assert.Equal(storeId, analysis.Body!["preferredStoreId"]!.GetValue<string>());
        Assert.Equal(["食品", "日用"], analysis.Body!["topCategories"]!.AsArray().Select(c => c!["category"]!.GetValue<string>()));
        Assert.Equal([neverBought], lost.Body!["members"]!.AsArray().Select(m => m!["memberId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_member_reads_their_own_analysis_and_nobody_elses_and_one_registered_since_the_run_is_not_analysed_yet()
    {
        var phone = LoyaltyClient.RandomPhone();
        var registered = await fixture.Admin.PostAsync("/api/v1/members", new { phone, name = "分析", storeId = "s001", password = "analysis-pass-1" });
        var memberId = registered.Body!["memberId"]!.GetValue<string>();
        var member = LoyaltyClient.WithToken(fixture.App.CreateClient(), await fixture.Anonymous().PostAsync("/api/v1/members/login", new { phone, password = "analysis-pass-1" }));
        var (other, _) = await fixture.Admin.RegisterAsync();

        var before = await member.GetAsync($"/api/v1/members/{memberId}/analysis");
        await fixture.Admin.PostAsync("/api/v1/reports/analysis/refresh", new { });
        var own = await member.GetAsync($"/api/v1/members/{memberId}/analysis");
        var someoneElses = await member.GetAsync($"/api/v1/members/{other}/analysis");
        var managerElsewhere = await (await fixture.ManagerAsync(AdminHttp.Store())).GetAsync($"/api/v1/members/{memberId}/analysis");

        Assert.Equal((HttpStatusCode.NotFound, "analysis.not_available"), (before.Status, before.Code));
        Assert.Equal((HttpStatusCode.OK, "prospect"), (own.Status, own.Body!["segment"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Forbidden, someoneElses.Status);
        Assert.Equal((HttpStatusCode.Forbidden, "auth.forbidden_store"), (managerElsewhere.Status, managerElsewhere.Code));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await fixture.ManagerAsync("s001")).PostAsync("/api/v1/reports/analysis/refresh", new { })).Status);
    }

    [Fact]
    public async Task Head_office_issues_a_coupon_to_every_member_of_a_segment_in_one_store()
    {
        var storeId = AdminHttp.Store();
        var now = TimeProvider.System.GetUtcNow();
        var (inSegment, _) = await fixture.Admin.RegisterAsync(storeId);
        var (elsewhere, _) = await fixture.Admin.RegisterAsync("s001");
        await Rows.SaleAsync(storeId, now.AddDays(-3), 5_000, inSegment);
        await Rows.SaleAsync("s001", now.AddDays(-3), 5_000, elsewhere);
        var templateId = LoyaltyClient.NewId("tpl");
        Assert.Equal(HttpStatusCode.Created, (await fixture.Admin.PostAsync("/api/v1/coupon-templates",
            new { templateId, name = "欢迎回来", kind = "amountOffOver", threshold = 5_000, amount = 500, validDays = 30 })).Status);
        await fixture.Admin.PostAsync("/api/v1/reports/analysis/refresh", new { });

        var issued = await fixture.Admin.PostAsync($"/api/v1/coupon-templates/{templateId}/issue", new { segment = "new", storeId });
        var bad = await fixture.Admin.PostAsync($"/api/v1/coupon-templates/{templateId}/issue", new { segment = "vip" });
        var both = await fixture.Admin.PostAsync($"/api/v1/coupon-templates/{templateId}/issue", new { segment = "new", tier = "gold" });

        Assert.Equal(HttpStatusCode.OK, issued.Status);
        Assert.Equal([inSegment], issued.Body!["issued"]!.AsArray().Select(i => i!["memberId"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.NotNull(bad.Body!["errors"]!["segment"]);
        Assert.Equal(HttpStatusCode.BadRequest, both.Status);
    }

    [Fact]
    public async Task A_campaign_for_a_segment_discounts_its_members_at_the_lane_once_a_run_has_put_them_there()
    {
        var storeId = AdminHttp.Store();
        await fixture.Admin.PutCatalogAsync(storeId, ("TEA", 2_000), ("CANARY", 1_000));
        var (newBuyer, _) = await fixture.Admin.RegisterAsync(storeId);
        var (neverBought, _) = await fixture.Admin.RegisterAsync(storeId);
        await Rows.SaleAsync(storeId, TimeProvider.System.GetUtcNow().AddDays(-3), 5_000, newBuyer);
        var campaignId = LoyaltyClient.NewId("seg");
        var created = await fixture.Admin.PostAsync("/api/v1/campaigns", new
        {
            campaignId, name = "新客回购9折", kind = "percentOff",
            target = new { storeIds = new[] { storeId }, segments = new[] { "new" } },
            reward = new { percent = 10 },
        });
        var badSegment = await fixture.Admin.PostAsync("/api/v1/campaigns", new
        {
            campaignId = LoyaltyClient.NewId("seg"), name = "坏", kind = "percentOff",
            target = new { segments = new[] { "vip" } }, reward = new { percent = 10 },
        });
        bool Discounted(Reply quote) => quote.Status == HttpStatusCode.OK
            && quote.Body!["discounts"]!.AsArray().Any(d => d!["ruleId"]!.GetValue<string>() == "campaign:" + campaignId);
        Func<Task<Reply>> quoteNewBuyer = () => fixture.Admin.QuoteAsync(storeId, newBuyer, AdminHttp.Line("1", "TEA", 1));
        // A campaign for everyone, saved after it: once a quote shows this one, the silo has the segment campaign too.
        var canaryId = LoyaltyClient.NewId("seg");
        await fixture.Admin.PostAsync("/api/v1/campaigns", new
        {
            campaignId = canaryId, name = "对照", kind = "percentOff",
            target = new { storeIds = new[] { storeId }, skus = new[] { "CANARY" } }, reward = new { percent = 5 },
        });
        await AdminHttp.Until(() => fixture.Admin.QuoteAsync(storeId, null, AdminHttp.Line("1", "CANARY", 1)), r => r.Long("total") == 950);
        var beforeRun = await quoteNewBuyer();
        var listed = await fixture.Admin.GetAsync("/api/v1/campaigns");

        await fixture.Admin.PostAsync("/api/v1/reports/analysis/refresh", new { });
        var afterRun = await AdminHttp.Until(quoteNewBuyer, Discounted);
        var prospect = await fixture.Admin.QuoteAsync(storeId, neverBought, AdminHttp.Line("1", "TEA", 1));
        var anonymous = await fixture.Admin.QuoteAsync(storeId, null, AdminHttp.Line("1", "TEA", 1));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal(["new"], listed.Body!.AsArray().Single(c => c!["campaignId"]!.GetValue<string>() == campaignId)!["target"]!["segments"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, badSegment.Status);
        Assert.NotNull(badSegment.Body!["errors"]!["target.segments"]);
        Assert.False(Discounted(beforeRun));
        Assert.True(Discounted(afterRun));
        Assert.Equal(1_800, afterRun.Long("total"));
        Assert.False(Discounted(prospect));
        Assert.False(Discounted(anonymous));
    }

    [Fact]
    public async Task An_erased_member_leaves_the_analysis_and_the_next_run_leaves_them_out()
    {
        var storeId = AdminHttp.Store();
        var (memberId, _) = await fixture.Admin.RegisterAsync(storeId);
        await Rows.SaleAsync(storeId, TimeProvider.System.GetUtcNow().AddDays(-2), 4_000, memberId);
        await fixture.Admin.PostAsync("/api/v1/reports/analysis/refresh", new { });
        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.GetAsync($"/api/v1/members/{memberId}/analysis")).Status);

        Assert.Equal(HttpStatusCode.OK, (await fixture.Admin.PostAsync($"/api/v1/members/{memberId}/erasure", new { })).Status);
        var afterErasure = await fixture.Admin.GetAsync($"/api/v1/members/{memberId}/analysis");
        await fixture.Admin.PostAsync("/api/v1/reports/analysis/refresh", new { });
        var afterNextRun = await fixture.Admin.GetAsync($"/api/v1/members/{memberId}/analysis");
        var segments = await fixture.Admin.GetAsync($"/api/v1/reports/segments?storeId={storeId}");

        Assert.Equal(HttpStatusCode.NotFound, afterErasure.Status);
        Assert.Equal(HttpStatusCode.NotFound, afterNextRun.Status);
        Assert.Equal(0, segments.Body!["segments"]!.AsArray().Sum(s => s!["members"]!.GetValue<int>()));
        var sales = await fixture.Admin.GetAsync($"/api/v1/reports/sales?storeId={storeId}");
        Assert.Equal(4_000, sales.Body!["totals"]!["revenue"]!.GetValue<long>());
    }
}

[CollectionDefinition(Name)]
public sealed class AnalysisCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "analysis";
}
