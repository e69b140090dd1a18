using System.Net;
using System.Text.Json.Nodes;
using OrleansLoyalty.Integration.Tests.OrleansPostgres;

namespace OrleansLoyalty.Integration.Tests.Crash;

/// <summary>"200" means durable: what the lane was told is what the system still says after kill -9.</summary>
[Collection(CrashCollection.Name)]
public sealed class CommittedAnswerSurvivesKillTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task A_committed_answer_survives_kill_9()
    {
        var settings = ApiProcessSettings.New(database.ConnectionString);
        const long topUp = 20_000;
        const string txnId = "T-survives-kill";
        JsonNode receipt;
        string memberId, cardNo;
        await using (var first = await ApiProcess.StartAsync(settings, "survives-kill-1"))
        {
            using var lane = await ApiHttp.SignInAsync(settings);
            (memberId, cardNo) = await lane.MemberWithStoredValueAsync(topUp);
            var quote = await lane.PostAsync("/api/v1/checkout/quote", Baskets.Quote(cardNo, unitPrice: 2450, qty: 3));
            Assert.True(quote.Status == HttpStatusCode.OK, $"quote: {quote}");
            var committed = await lane.PostAsync("/api/v1/checkout/commit", Baskets.Commit(txnId, cardNo, unitPrice: 2450, qty: 3, quote.Long("total"), storedValue: 5000));
            Assert.True(committed.Status == HttpStatusCode.OK, $"commit: {committed}");
            await first.KillHardAsync();
            receipt = committed.Body!;
        }

        await using var second = await ApiProcess.StartAsync(settings, "survives-kill-2");
        using var again = await ApiHttp.SignInAsync(settings);
        var receiptAgain = await again.GetAsync($"/api/v1/checkout/transactions/{txnId}");
        var member = await again.GetAsync($"/api/v1/members/{memberId}");
        var card = await again.GetAsync($"/api/v1/cards/{cardNo}");

        Assert.Equal(HttpStatusCode.OK, receiptAgain.Status);
        Assert.True(JsonNode.DeepEquals(receipt, receiptAgain.Body), $"receipt before the kill:\n{receipt.ToJsonString()}\nafter:\n{receiptAgain.Text}");
        Assert.True(receipt["pointsEarned"]!.GetValue<long>() > 0, "the purchase earned no points; the test would prove nothing");
        Assert.Equal(receipt["pointsBalance"]!.GetValue<long>(), member.Body!["points"]!["balance"]!.GetValue<long>());
        Assert.Equal(topUp - 5000, card.Long("balance"));
        Assert.Equal(topUp - 5000, receipt["storedValueBalance"]!.GetValue<long>());
        Assert.Equal("committed", await database.Database.ScalarAsync<string>($"SELECT status FROM checkout_transactions WHERE txn_id = '{txnId}'"));
    }
}
