using System.Net;
using System.Text.Json.Nodes;
using OrleansLoyalty.Integration.Tests.OrleansPostgres;
using Xunit.Abstractions;

namespace OrleansLoyalty.Integration.Tests.Crash;

/// <summary>
/// kill -9 of the only silo while lanes commit baskets paid partly from a card (CardGrain) and earning points
/// (MemberGrain), then a restart on the same database, the recovery sweep and the lanes' retries: every txnId
/// ends committed exactly once or not at all, and balances, receipts and the ledger agree.
/// </summary>
[Collection(CrashCollection.Name)]
public sealed class KillDuringCommitsTests(MigratedDatabaseFixture database, ITestOutputHelper output) : IClassFixture<MigratedDatabaseFixture>
{
    private const int ShopperCount = 20;
    private const int LaneCount = 8;
    private const int AcknowledgedBeforeKill = 60;
    private const long TopUp = 400_000;
    private const long SignUpPoints = 100;

    /// <summary>The sweep runs every 10 s and takes rows stuck 15 s; a minute is ample even on a busy machine.</summary>
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_silo_killed_in_the_middle_of_multi_grain_commits_under_load_loses_nothing_and_applies_nothing_twice()
    {
        var settings = ApiProcessSettings.New(database.ConnectionString);
        List<CheckoutLane> lanes;
        Shopper[] shoppers;
        // One client for both incarnations: the lanes keep their sign-in, as real lanes would across a restart.
        ApiHttp admin;
        await using (var first = await ApiProcess.StartAsync(settings, "kill-under-load-1"))
        {
            admin = await ApiHttp.SignInAsync(settings);
            shoppers = await CreateShoppersAsync(admin);
            lanes = [.. Enumerable.Range(1, LaneCount).Select(n => new CheckoutLane(n, admin, shoppers))];
            using var stop = new CancellationTokenSource();
            var running = lanes.Select(l => Task.Run(() => l.CommitUntilAsync(stop.Token))).ToList();

            await Eventually.WaitAsync(() => lanes.Sum(l => l.Acknowledged) >= AcknowledgedBeforeKill || running.Any(t => t.IsCompleted),
                TimeSpan.FromSeconds(120), $"{AcknowledgedBeforeKill} acknowledged commits");
            await first.KillHardAsync();
            stop.Cancel();
            await Task.WhenAll(running);
            output.WriteLine($"killed pid {first.Id} after {lanes.Sum(l => l.Acknowledged)} receipts; log {first.LogPath}");
        }

        var attempts = lanes.SelectMany(l => l.Attempts).ToList();
        var acknowledgedBeforeKill = attempts.Where(a => a.Outcome == CommitOutcome.Committed).ToDictionary(a => a.TxnId, a => a.Receipt!);
        var unansweredAtKill = attempts.Count(a => a.Outcome == CommitOutcome.NoAnswer);
        Assert.True(acknowledgedBeforeKill.Count >= AcknowledgedBeforeKill, Describe("the lanes stopped before enough commits were acknowledged", attempts));
        Assert.True(unansweredAtKill > 0, "no commit was in flight when the process was killed; the test proved nothing");

        using var lane = admin;
        await using var second = await ApiProcess.StartAsync(settings, "kill-under-load-2");
        var committingAtRestart = await CommittingCountAsync();
        // Half the lanes retry at once, racing the recovery sweep; the others only after it has finished the
        // stuck rows, so their retries must be answered from what recovery recorded.
        var eager = lanes.Where(l => l.Number % 2 == 0).Select(l => l.RetryUnansweredAsync(RecoveryDeadline)).ToList();
        await Eventually.WaitAsync(CommittingCountAsync, n => n == 0, RecoveryDeadline, "no checkout left 'committing'");
        await Task.WhenAll(eager);
        await Task.WhenAll(lanes.Where(l => l.Number % 2 == 1).Select(l => l.RetryUnansweredAsync(RecoveryDeadline)));
        output.WriteLine($"{attempts.Count} txnIds: {acknowledgedBeforeKill.Count} acknowledged before the kill, {unansweredAtKill} unanswered, " +
            $"{committingAtRestart} rows 'committing' at restart; after retries: " +
            string.Join(", ", attempts.GroupBy(a => a.Outcome).Select(g => $"{g.Count()} {g.Key}")));
        foreach (var refused in attempts.Where(a => a.Outcome != CommitOutcome.Committed))
        {
            output.WriteLine($"not committed: {refused}");
        }

        Assert.True(attempts.All(a => a.Outcome is CommitOutcome.Committed or CommitOutcome.Refused),
            Describe("every txnId must end with an answer: a receipt or a refusal, never a 5xx or silence", attempts.Where(a => a.Outcome is CommitOutcome.NoAnswer or CommitOutcome.Fault)));
        Assert.DoesNotContain(attempts, a => a.Outcome == CommitOutcome.Fault);
        Assert.Empty(lanes.SelectMany(l => l.QuoteFailures));
        await AssertEveryTxnIdIsWholeOrAbsentAsync(attempts, acknowledgedBeforeKill, lane);
        await AssertBalancesMatchCommittedReceiptsAsync(attempts, shoppers, lane);
        await AssertNothingAppliedTwiceAsync();
    }

    private static async Task<Shopper[]> CreateShoppersAsync(ApiHttp admin)
    {
        var shoppers = new Shopper[ShopperCount];
        for (var i = 0; i < shoppers.Length; i++)
        {
            var (memberId, cardNo) = await admin.MemberWithStoredValueAsync(TopUp);
            shoppers[i] = new Shopper(memberId, cardNo, TopUp);
        }
        return shoppers;
    }

    /// <summary>(a) A receipt means committed and unchanged; a refusal means the txnId left no trace.</summary>
    private async Task AssertEveryTxnIdIsWholeOrAbsentAsync(List<CommitAttempt> attempts, Dictionary<string, JsonNode> acknowledgedBeforeKill, ApiHttp lane)
    {
        var statuses = (await database.Database.RowsAsync("SELECT txn_id, status FROM checkout_transactions WHERE kind = 'sale'"))
            .ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        var effects = (await database.Database.RowsAsync("SELECT txn_id, sum(points), sum(amount) FROM ledger_entries GROUP BY txn_id"))
            .ToDictionary(r => (string)r[0]!, r => ((decimal)r[1]!, (decimal)r[2]!));
        foreach (var attempt in attempts)
        {
            if (attempt.Outcome == CommitOutcome.Committed)
            {
                Assert.True(statuses.GetValueOrDefault(attempt.TxnId) == "committed", $"{attempt} was answered with a receipt but its row is '{statuses.GetValueOrDefault(attempt.TxnId)}'");
                var again = await lane.GetAsync($"/api/v1/checkout/transactions/{attempt.TxnId}");
                Assert.True(again.Status == HttpStatusCode.OK, $"GET receipt of {attempt}: {again}");
                var told = acknowledgedBeforeKill.GetValueOrDefault(attempt.TxnId) ?? attempt.Receipt!;
                Assert.True(JsonNode.DeepEquals(told, again.Body), $"the receipt of {attempt.TxnId} changed:\nthe lane was told {told.ToJsonString()}\nnow {again.Text}");
            }
            else
            {
                Assert.True(statuses.GetValueOrDefault(attempt.TxnId) is null or "aborted", $"{attempt} was refused but its row is '{statuses.GetValueOrDefault(attempt.TxnId)}'");
                Assert.True(effects.GetValueOrDefault(attempt.TxnId) == (0m, 0m), $"{attempt} was refused but moved (points, fen) {effects.GetValueOrDefault(attempt.TxnId)}");
            }
        }
        var sent = attempts.Select(a => a.TxnId).ToHashSet();
        Assert.DoesNotContain(statuses, s => s.Value == "committed" && !sent.Contains(s.Key));
    }

    /// <summary>(b) cards and (c) members: the api, the receipts the lanes hold and the ledger tell one story.</summary>
    private async Task AssertBalancesMatchCommittedReceiptsAsync(List<CommitAttempt> attempts, Shopper[] shoppers, ApiHttp lane)
    {
        var committed = attempts.Where(a => a.Outcome == CommitOutcome.Committed).ToList();
        var cardLedger = (await database.Database.RowsAsync("SELECT card_no, sum(amount) FROM ledger_entries WHERE card_no <> '' GROUP BY card_no"))
            .ToDictionary(r => (string)r[0]!, r => (long)(decimal)r[1]!);
        var pointsLedger = (await database.Database.RowsAsync("SELECT member_id, sum(points) FROM ledger_entries GROUP BY member_id"))
            .ToDictionary(r => (string)r[0]!, r => (long)(decimal)r[1]!);
        var problems = new List<string>();
        foreach (var shopper in shoppers)
        {
            var mine = committed.Where(a => a.Shopper == shopper).ToList();
            var expectedStoredValue = shopper.TopUp - mine.Sum(a => a.StoredValue);
            var card = await lane.GetAsync($"/api/v1/cards/{shopper.CardNo}");
            if (card.Status != HttpStatusCode.OK || card.Long("balance") != expectedStoredValue || cardLedger.GetValueOrDefault(shopper.CardNo) != expectedStoredValue)
            {
                problems.Add($"card {shopper.CardNo}: expected {expectedStoredValue} fen (top-up {shopper.TopUp} − {mine.Count} committed), " +
                    $"api says {card}, ledger sums to {cardLedger.GetValueOrDefault(shopper.CardNo)}");
            }
            var expectedPoints = SignUpPoints + mine.Sum(a => a.Receipt!["pointsEarned"]!.GetValue<long>());
            var member = await lane.GetAsync($"/api/v1/members/{shopper.MemberId}");
            var points = member.Body?["points"]?["balance"]?.GetValue<long>();
            if (member.Status != HttpStatusCode.OK || points != expectedPoints || pointsLedger.GetValueOrDefault(shopper.MemberId) != expectedPoints)
            {
                problems.Add($"member {shopper.MemberId}: expected {expectedPoints} points ({SignUpPoints} + {mine.Count} receipts), " +
                    $"api says {points} ({(int)member.Status}), ledger sums to {pointsLedger.GetValueOrDefault(shopper.MemberId)}");
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(committed.Sum(a => a.Receipt!["pointsEarned"]!.GetValue<long>()) > 0, "no points were earned; the member side of the test proved nothing");
    }

    /// <summary>(d) One earning and one debit per txnId, whoever finished it (the lane, its retry, or recovery).</summary>
    private async Task AssertNothingAppliedTwiceAsync()
    {
        var twice = await database.Database.RowsAsync("""
            SELECT txn_id, kind, count(*) FROM ledger_entries
            WHERE kind IN ('points.earned', 'storedvalue.spent') GROUP BY txn_id, kind HAVING count(*) > 1
            """);
        Assert.True(twice.Count == 0, "applied more than once: " + string.Join(", ", twice.Select(r => $"{r[0]} {r[1]} ×{r[2]}")));
    }

    private Task<long> CommittingCountAsync() =>
        database.Database.ScalarAsync<long>("SELECT count(*) FROM checkout_transactions WHERE status = 'committing'");

    private static string Describe(string what, IEnumerable<CommitAttempt> attempts) =>
        what + ":\n" + string.Join('\n', attempts.Take(20));
}
