using System.Net;
using OrleansLoyalty.Api.Tests.Admin;
using OrleansLoyalty.Api.Tests.Infrastructure;

namespace OrleansLoyalty.Api.Tests.Reports;

/// <summary>GET /reports/ledger: what finance reads about points and stored value (docs/reports.md).</summary>
[Collection(ApiCollection.Name)]
public sealed class LedgerReportTests(ApiFixture fixture)
{
    [Fact]
    public async Task A_stores_day_shows_the_gift_the_top_up_the_stored_value_spent_and_the_points_earned()
    {
        var storeId = AdminHttp.Store();
        await fixture.Admin.PutCatalogAsync(storeId, ("RICE", 3_000));
        var (memberId, _) = await fixture.Admin.RegisterAsync(storeId);
        var cardNo = LoyaltyClient.NewId("88");
        await fixture.Admin.PostAsync($"/api/v1/members/{memberId}/cards", new { cardNo, medium = "ic", storeId });
        await fixture.Admin.PostAsync($"/api/v1/cards/{cardNo}/top-ups", new { txnId = LoyaltyClient.NewId("TU"), amount = 10_000, tender = "cash", storeId });
        var quote = await fixture.Admin.QuoteAsync(storeId, memberId, AdminHttp.Line("1", "RICE", 1));
        var total = quote.Long("total");
        var receipt = await fixture.Admin.PostAsync("/api/v1/checkout/commit", new
        {
            storeId, laneId = "01", txnId = LoyaltyClient.NewId("T"), member = new { cardNo }, lines = new[] { AdminHttp.Line("1", "RICE", 1) },
            tenders = new object[] { new { kind = "storedValue", amount = 2_000, cardNo }, new { kind = "cash", amount = total - 2_000 } },
        });
        Assert.Equal(HttpStatusCode.OK, receipt.Status);
        var today = Today(receipt);

        var report = await fixture.Admin.GetAsync($"/api/v1/reports/ledger?from={today}&to={today}&storeId={storeId}");

        var totals = report.Body!["totals"]!;
        Assert.Equal(receipt.Long("pointsEarned"), totals["pointsEarned"]!.GetValue<long>());
        Assert.True(totals["pointsGifted"]!.GetValue<long>() > 0, "the sign-up gift");
        Assert.Equal(10_000, totals["storedValueToppedUp"]!.GetValue<long>());
        Assert.Equal(2_000, totals["storedValueSpent"]!.GetValue<long>());
        Assert.Equal(8_000, totals["storedValueNet"]!.GetValue<long>());
        Assert.Equal(totals["pointsEarned"]!.GetValue<long>() + totals["pointsGifted"]!.GetValue<long>(), totals["pointsNet"]!.GetValue<long>());
        Assert.Null(report.Body!["outstanding"]);
    }

    [Fact]
    public async Task Chain_wide_what_is_owed_grows_by_exactly_the_days_net_movements()
    {
        var (memberId, _) = await fixture.Admin.RegisterAsync();
        var cardNo = LoyaltyClient.NewId("88");
        await fixture.Admin.PostAsync($"/api/v1/members/{memberId}/cards", new { cardNo, medium = "ic", storeId = "s001" });
        var topUp = await fixture.Admin.PostAsync($"/api/v1/cards/{cardNo}/top-ups", new { txnId = LoyaltyClient.NewId("TU"), amount = 5_000, tender = "cash", storeId = "s001" });
        Assert.Equal(HttpStatusCode.OK, topUp.Status);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var yesterday = today.AddDays(-1);

        var day = await fixture.Admin.GetAsync($"/api/v1/reports/ledger?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        var before = await fixture.Admin.GetAsync($"/api/v1/reports/ledger?from={yesterday:yyyy-MM-dd}&to={yesterday:yyyy-MM-dd}");

        Assert.True(day.Body!["outstanding"] is not null, day.Text);
        var owedToday = day.Body!["outstanding"]!;
        var owedBefore = before.Body!["outstanding"]!;
        Assert.Equal(owedBefore["points"]!.GetValue<long>() + day.Body!["totals"]!["pointsNet"]!.GetValue<long>(), owedToday["points"]!.GetValue<long>());
        Assert.Equal(owedBefore["storedValue"]!.GetValue<long>() + day.Body!["totals"]!["storedValueNet"]!.GetValue<long>(), owedToday["storedValue"]!.GetValue<long>());
        Assert.True(owedToday["storedValue"]!.GetValue<long>() >= 5_000);
        Assert.Equal(owedToday["points"]!.GetValue<long>(), owedToday["pointsValue"]!.GetValue<long>());
    }

    private static string Today(Reply receipt) =>
        receipt.Body!["committedAt"]!.GetValue<DateTimeOffset>().ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd");
}
