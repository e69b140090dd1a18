using System.Net;
using OrleansLoyalty.Api.Tests.Admin;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests.Reports;

/// <summary>GET /reports/sales, /categories and /members (docs/reports.md): what a store manager reads about their days.</summary>
[Collection(ApiCollection.Name)]
public sealed class SalesReportTests(ApiFixture fixture)
{
    private ReportRows Rows => new(fixture.Database.ConnectionString);

    [Fact]
    public async Task A_sale_counts_for_the_stores_local_day_not_the_utc_day()
    {
        var shanghai = AdminHttp.Store();
        var london = AdminHttp.Store();
        await Rows.StoreAsync(shanghai, "Asia/Shanghai");
        await Rows.StoreAsync(london, "Europe/London");
        // 2026-11-30 16:30 UTC is 00:30 on 1 December in Shanghai and 16:30 on 30 November in London.
        var instant = new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero);
        await Rows.SaleAsync(shanghai, instant, 10_000);
        await Rows.SaleAsync(london, instant, 20_000);

        var reply = await fixture.Admin.GetAsync($"/api/v1/reports/sales?from=2026-11-30&to=2026-12-01&storeId={shanghai}");
        var londonReply = await fixture.Admin.GetAsync($"/api/v1/reports/sales?from=2026-11-30&to=2026-12-01&storeId={london}");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal([0L, 10_000L], Periods(reply, "revenue"));
        Assert.Equal([20_000L, 0L], Periods(londonReply, "revenue"));
    }

    [Fact]
    public async Task Returns_come_off_revenue_and_points_and_the_average_basket_rounds_half_up()
    {
        var storeId = AdminHttp.Store();
        var day = new DateTimeOffset(2026, 11, 10, 3, 0, 0, TimeSpan.Zero);
        await Rows.SaleAsync(storeId, day, 1_001, memberId: "M-R1", discount: 99, points: 10);
        await Rows.SaleAsync(storeId, day.AddHours(1), 1_000, points: 10);
        await Rows.ReturnAsync(storeId, day.AddHours(2), refund: 500, pointsTakenBack: 5);
        await Rows.MemberAsync(LoyaltyClient.NewId("M"), storeId, day, channel: "app");

        var reply = await fixture.Admin.GetAsync($"/api/v1/reports/sales?from=2026-11-10&to=2026-11-10&storeId={storeId}");

        var totals = reply.Body!["totals"]!;
        Assert.Equal(2, totals["sales"]!.GetValue<int>());
        Assert.Equal(1, totals["returns"]!.GetValue<int>());
        Assert.Equal(1, totals["memberSales"]!.GetValue<int>());
        Assert.Equal(1_501, totals["revenue"]!.GetValue<long>());
        Assert.Equal(99, totals["discounts"]!.GetValue<long>());
        Assert.Equal(15, totals["pointsEarned"]!.GetValue<long>());
        Assert.Equal(1_001, totals["averageBasket"]!.GetValue<long>()); // (1,001 + 1,000) / 2 = 1,000.5 → 1,001
        Assert.Equal(1, totals["newMembers"]!.GetValue<int>());
        Assert.Equal(storeId, reply.Body!["stores"]![0]!["storeId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Weeks_are_named_by_their_monday_and_every_period_of_the_range_is_listed()
    {
        var storeId = AdminHttp.Store();
        await Rows.SaleAsync(storeId, new DateTimeOffset(2026, 11, 4, 4, 0, 0, TimeSpan.Zero), 300); // a Wednesday

        var weeks = await fixture.Admin.GetAsync($"/api/v1/reports/sales?from=2026-11-01&to=2026-11-30&by=week&storeId={storeId}");
        var months = await fixture.Admin.GetAsync($"/api/v1/reports/sales?from=2026-10-15&to=2026-12-02&by=month&storeId={storeId}");

        Assert.Equal(["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23", "2026-11-30"],
            weeks.Body!["periods"]!.AsArray().Select(p => p!["period"]!.GetValue<string>()));
        Assert.Equal([0L, 300L, 0L, 0L, 0L, 0L], Periods(weeks, "revenue"));
        Assert.Equal(["2026-10", "2026-11", "2026-12"], months.Body!["periods"]!.AsArray().Select(p => p!["period"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_return_comes_off_the_category_it_was_sold_in()
    {
        var storeId = AdminHttp.Store();
        var txnId = LoyaltyClient.NewId("T");
        var commit = await fixture.Admin.PostAsync("/api/v1/checkout/commit", new
        {
            storeId, laneId = "01", txnId,
            lines = new object[]
            {
                new { lineId = "1", sku = "TEA", qty = 2, unitPrice = 2_000, categoryPath = new[] { "食品", "饮料" } },
                new { lineId = "2", sku = "SOAP", qty = 1, unitPrice = 1_500, categoryPath = new[] { "日用", "洗护" } },
            },
            tenders = new[] { new { kind = "cash", amount = 5_500 } },
        });
        var returned = await fixture.Admin.PostAsync("/api/v1/checkout/returns", new
        {
            txnId = LoyaltyClient.NewId("R"), originalTxnId = txnId, storeId, laneId = "01", lines = new[] { new { lineId = "1", qty = 1 } },
        });
        var today = commit.Body!["committedAt"]!.GetValue<DateTimeOffset>().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");

        var categories = await fixture.Admin.GetAsync($"/api/v1/reports/categories?from={today}&to={today}&storeId={storeId}");
        var sales = await fixture.Admin.GetAsync($"/api/v1/reports/sales?from={today}&to={today}&storeId={storeId}");

        Assert.Equal(HttpStatusCode.OK, returned.Status);
        var byCategory = categories.Body!["categories"]!.AsArray().ToDictionary(c => c!["category"]!.GetValue<string>(), c => c!["revenue"]!.GetValue<long>());
        Assert.Equal(new Dictionary<string, long> { ["食品"] = 2_000, ["日用"] = 1_500 }, byCategory);
        Assert.Equal(byCategory.Values.Sum(), sales.Body!["totals"]!["revenue"]!.GetValue<long>());
    }

    [Fact]
    public async Task Sales_committed_through_the_api_are_in_todays_report_with_their_categories()
    {
        var storeId = AdminHttp.Store();
        await fixture.Admin.PutCatalogAsync(storeId, ("SNACK", 1_250));
        var lane = fixture.Admin;
        var (memberId, _) = await fixture.Admin.RegisterAsync(storeId);
        var quote = await lane.QuoteAsync(storeId, memberId, AdminHttp.Line("1", "SNACK", 4));
        var total = quote.Long("total");
        var commit = await lane.PostAsync("/api/v1/checkout/commit", new
        {
            storeId, laneId = "01", txnId = LoyaltyClient.NewId("T"), member = new { memberId },
            lines = new[] { AdminHttp.Line("1", "SNACK", 4) }, tenders = new[] { new { kind = "cash", amount = total } },
        });
        Assert.Equal(HttpStatusCode.OK, commit.Status);
        var today = commit.Body!["committedAt"]!.GetValue<DateTimeOffset>().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");

        var sales = await fixture.Admin.GetAsync($"/api/v1/reports/sales?from={today}&to={today}&storeId={storeId}");
        var categories = await fixture.Admin.GetAsync($"/api/v1/reports/categories?from={today}&to={today}&storeId={storeId}");
        var members = await fixture.Admin.GetAsync($"/api/v1/reports/members?from={today}&to={today}&storeId={storeId}");

        Assert.Equal(total, sales.Body!["totals"]!["revenue"]!.GetValue<long>());
        Assert.Equal(commit.Long("pointsEarned"), sales.Body!["totals"]!["pointsEarned"]!.GetValue<long>());
        Assert.Equal("食品", categories.Body!["categories"]![0]!["category"]!.GetValue<string>());
        Assert.Equal(total, categories.Body!["categories"]![0]!["revenue"]!.GetValue<long>());
        Assert.Equal(1, members.Body!["periods"]![0]!["newMembers"]!.GetValue<int>());
        Assert.Equal("standard", members.Body!["tiers"]![0]!["tier"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_manager_reads_their_own_stores_and_is_refused_another()
    {
        var mine = AdminHttp.Store();
        var other = AdminHttp.Store();
        var day = new DateTimeOffset(2026, 11, 12, 3, 0, 0, TimeSpan.Zero);
        await Rows.SaleAsync(mine, day, 700);
        await Rows.SaleAsync(other, day, 900);
        var manager = await fixture.ManagerAsync(mine);

        var own = await manager.GetAsync("/api/v1/reports/sales?from=2026-11-12&to=2026-11-12");
        var refused = await manager.GetAsync($"/api/v1/reports/sales?from=2026-11-12&to=2026-11-12&storeId={other}");
        var lane = await fixture.Admin.LaneAsync(fixture.App.CreateClient(), mine);

        Assert.Equal(700, own.Body!["totals"]!["revenue"]!.GetValue<long>());
        Assert.Equal([mine], own.Body!["storeIds"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.Forbidden, "auth.forbidden_store"), (refused.Status, refused.Code));
        Assert.Equal(HttpStatusCode.Forbidden, (await lane.GetAsync("/api/v1/reports/sales")).Status);
    }

    [Theory]
    [InlineData("from=2026-11-31", "from")]
    [InlineData("from=2026-12-02&to=2026-12-01", "to")]
    [InlineData("from=2024-01-01&to=2026-01-01", "to")]
    [InlineData("by=year", "by")]
    [InlineData("format=pdf", "format")]
    [InlineData("storeId=no%20spaces", "storeId")]
    public async Task A_bad_query_is_a_400_naming_its_field(string query, string field)
    {
        var reply = await fixture.Admin.GetAsync($"/api/v1/reports/sales?{query}");

        Assert.Equal((HttpStatusCode.BadRequest, "request.invalid"), (reply.Status, reply.Code));
        Assert.NotNull(reply.Body!["errors"]![field]);
    }

    private static long[] Periods(Reply reply, string figure) =>
        [.. reply.Body!["periods"]!.AsArray().Select(p => p![figure]!.GetValue<long>())];
}
