using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Ledger;
using OrleansLoyalty.Grains.Checkout;
using OrleansLoyalty.Grains.Notifications;
using OrleansLoyalty.Grains.Persistence;
using OrleansLoyalty.Silo.Hosting;

namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

/// <summary>
/// A state and the rows that say what it did (ledger entries, the checkout it commits) land in PostgreSQL together
/// or not at all: what a member's balance says and what the ledger and the sales table say can never disagree.
/// </summary>
[Collection(OrleansPostgresCollection.Name)]
public sealed class StateCompanionsTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    private const string StateName = "companion-probe";

    [Fact]
    public async Task A_write_stores_its_ledger_entries_and_its_checkout_with_the_state()
    {
        var (storage, silo) = await Storage();
        await using var _ = silo;
        var grainId = NewGrain();
        var txnId = NewTxnId();
        var state = new GrainState<LedgeredCounterState>(new LedgeredCounterState { Value = 1 });
        state.State!.Companions.Ledger.Add(Entry(grainId, txnId, 50));
        state.State.Companions.Checkout = Sale(txnId, total: 5_000);

        await storage.WriteStateAsync(StateName, grainId, state);

        Assert.True(state.State.Companions.IsEmpty);
        Assert.Equal(50L, await database.Database.ScalarAsync<long>($"SELECT points FROM ledger_entries WHERE txn_id = '{txnId}'"));
        Assert.Equal("committed", await database.Database.ScalarAsync<string>($"SELECT status FROM checkout_transactions WHERE txn_id = '{txnId}'"));
        Assert.Equal(5_000L, await database.Database.ScalarAsync<long>($"SELECT total FROM checkout_transactions WHERE txn_id = '{txnId}'"));
    }

    [Fact]
    public async Task A_write_that_would_record_a_checkout_already_recorded_stores_nothing()
    {
        var (storage, silo) = await Storage();
        await using var _ = silo;
        var grainId = NewGrain();
        var txnId = NewTxnId();
        var first = new GrainState<LedgeredCounterState>(new LedgeredCounterState { Value = 1 });
        first.State!.Companions.Checkout = Sale(txnId, total: 5_000);
        await storage.WriteStateAsync(StateName, grainId, first);

        var second = new GrainState<LedgeredCounterState>(new LedgeredCounterState { Value = 2 }) { ETag = first.ETag };
        second.State!.Companions.Ledger.Add(Entry(grainId, txnId, 80));
        second.State.Companions.Checkout = Sale(txnId, total: 8_000);
        await Assert.ThrowsAsync<CheckoutAlreadyRecordedException>(() => storage.WriteStateAsync(StateName, grainId, second));

        var reader = new GrainState<LedgeredCounterState>(new LedgeredCounterState());
        await storage.ReadStateAsync(StateName, grainId, reader);
        Assert.Equal(1, reader.State!.Value);
        Assert.Equal(first.ETag, reader.ETag);
        Assert.Equal(0L, await database.Database.ScalarAsync<long>($"SELECT count(*) FROM ledger_entries WHERE txn_id = '{txnId}'"));
        Assert.Equal(5_000L, await database.Database.ScalarAsync<long>($"SELECT total FROM checkout_transactions WHERE txn_id = '{txnId}'"));
    }

    [Fact]
    public async Task A_stale_write_leaves_no_checkout_and_no_ledger_entries_behind()
    {
        var (storage, silo) = await Storage();
        await using var _ = silo;
        var grainId = NewGrain();
        var stale = await StaleCopy(storage, grainId);

        var txnId = NewTxnId();
        stale.State!.Value = 99;
        stale.State.Companions.Ledger.Add(Entry(grainId, txnId, 990));
        stale.State.Companions.Checkout = Sale(txnId, total: 99_000);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, stale));

        Assert.Equal(0L, await database.Database.ScalarAsync<long>($"SELECT count(*) FROM checkout_transactions WHERE txn_id = '{txnId}'"));
        Assert.Equal(0L, await database.Database.ScalarAsync<long>($"SELECT count(*) FROM ledger_entries WHERE txn_id = '{txnId}'"));
    }

    [Fact]
    public async Task A_write_that_begins_a_planned_checkout_records_it_committing_with_its_plan_unless_the_txnId_is_taken()
    {
        var (storage, silo) = await Storage();
        await using var _ = silo;
        var grainId = NewGrain();
        var txnId = NewTxnId();
        var debit = new GrainState<LedgeredCounterState>(new LedgeredCounterState { Value = 1 });
        debit.State!.Companions.Ledger.Add(Entry(grainId, txnId, -60));
        debit.State.Companions.PlannedCheckout = Planned(txnId);
        await storage.WriteStateAsync(StateName, grainId, debit);

        var again = new GrainState<LedgeredCounterState>(new LedgeredCounterState { Value = 2 }) { ETag = debit.ETag };
        again.State!.Companions.Ledger.Add(Entry(grainId, txnId, -60));
        again.State.Companions.PlannedCheckout = Planned(txnId);
        await Assert.ThrowsAsync<CheckoutAlreadyRecordedException>(() => storage.WriteStateAsync(StateName, grainId, again));

        Assert.Equal("committing", await database.Database.ScalarAsync<string>($"SELECT status FROM checkout_transactions WHERE txn_id = '{txnId}'"));
        Assert.Equal("{\"plan\":1}", await database.Database.ScalarAsync<string>($"SELECT plan FROM checkout_transactions WHERE txn_id = '{txnId}'"));
        Assert.Equal(1L, await database.Database.ScalarAsync<long>($"SELECT count(*) FROM ledger_entries WHERE txn_id = '{txnId}'"));
        var reader = new GrainState<LedgeredCounterState>(new LedgeredCounterState());
        await storage.ReadStateAsync(StateName, grainId, reader);
        Assert.Equal(1, reader.State!.Value);
    }

    [Fact]
    public async Task A_stale_write_that_would_begin_a_planned_checkout_leaves_no_row()
    {
        var (storage, silo) = await Storage();
        await using var _ = silo;
        var grainId = NewGrain();
        var stale = await StaleCopy(storage, grainId);

        var txnId = NewTxnId();
        stale.State!.Companions.PlannedCheckout = Planned(txnId);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, stale));

        Assert.Equal(0L, await database.Database.ScalarAsync<long>($"SELECT count(*) FROM checkout_transactions WHERE txn_id = '{txnId}'"));
    }

    [Fact]
    public async Task Outbox_messages_are_stored_with_the_state_and_not_at_all_with_a_stale_one()
    {
        var (storage, silo) = await Storage();
        await using var _ = silo;
        var grainId = NewGrain();
        var sent = new GrainState<LedgeredCounterState>(new LedgeredCounterState { Value = 1 });
        var stale = new GrainState<LedgeredCounterState>(new LedgeredCounterState { Value = 1 });
        var kept = Message();
        sent.State!.Companions.Messages.Add(kept);
        await storage.WriteStateAsync(StateName, grainId, sent);

        var lost = Message();
        stale.State!.Companions.Messages.Add(lost);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, stale));

        Assert.Equal("pending", await database.Database.ScalarAsync<string>($"SELECT status FROM notification_outbox WHERE message_id = '{kept.MessageId}'"));
        Assert.Equal(0L, await database.Database.ScalarAsync<long>($"SELECT count(*) FROM notification_outbox WHERE message_id = '{lost.MessageId}'"));
    }

    [Fact]
    public async Task Many_writes_at_once_each_record_their_own_sale_and_entries()
    {
        var (storage, silo) = await Storage();
        await using var _ = silo;
        var writes = Enumerable.Range(0, 300).Select(i => (Grain: NewGrain(), TxnId: NewTxnId(), Total: 100L + i)).ToList();

        await Task.WhenAll(writes.Select(w =>
        {
            var state = new GrainState<LedgeredCounterState>(new LedgeredCounterState { Value = 1 });
            state.State!.Companions.Ledger.Add(Entry(w.Grain, w.TxnId, w.Total));
            state.State.Companions.Checkout = Sale(w.TxnId, w.Total);
            return storage.WriteStateAsync(StateName, w.Grain, state);
        }));

        var ids = string.Join(",", writes.Select(w => $"'{w.TxnId}'"));
        Assert.Equal(writes.Sum(w => w.Total), await database.Database.ScalarAsync<decimal>($"SELECT sum(total) FROM checkout_transactions WHERE txn_id IN ({ids})"));
        Assert.Equal(writes.Sum(w => w.Total), await database.Database.ScalarAsync<decimal>($"SELECT sum(points) FROM ledger_entries WHERE txn_id IN ({ids})"));
    }

    private async Task<(IGrainStorage Storage, TestSiloHost Silo)> Storage()
    {
        var silo = await TestSiloHost.StartAsync(database.ConnectionString, TestClusterIdentity.New());
        return (silo.Services.GetRequiredKeyedService<IGrainStorage>(PostgresOrleansExtensions.LoyaltyStorage), silo);
    }

    /// <summary>A copy of the grain's state at a version another activation has since written past.</summary>
    private static async Task<GrainState<LedgeredCounterState>> StaleCopy(IGrainStorage storage, GrainId grainId)
    {
        var winner = new GrainState<LedgeredCounterState>(new LedgeredCounterState { Value = 1 });
        await storage.WriteStateAsync(StateName, grainId, winner);
        var stale = new GrainState<LedgeredCounterState>(new LedgeredCounterState { Value = 1 }) { ETag = winner.ETag };
        winner.State!.Value = 2;
        await storage.WriteStateAsync(StateName, grainId, winner);
        return stale;
    }

    private static GrainId NewGrain() => GrainId.Create("companion-probe-grain", Guid.NewGuid().ToString("N"));

    private static string NewTxnId() => "T-" + Guid.NewGuid().ToString("N");

    private static LedgerEntry Entry(GrainId grain, string txnId, long points) =>
        new(grain.Key.ToString()!, txnId, LedgerKind.PointsEarned, points, 0, points, TimeProvider.System.GetUtcNow(), "S001", null);

    private static OutboxMessage Message() =>
        new("msg-" + Guid.NewGuid().ToString("N"), "M-probe", "sms", "signin.code", "recipient", "values",
            TimeProvider.System.GetUtcNow(), TimeProvider.System.GetUtcNow().AddMinutes(5));

    private static PlannedCheckoutRow Planned(string txnId) =>
        new(txnId, "S001", "L01", "M-probe", "hash", "{\"plan\":1}", TimeProvider.System.GetUtcNow());

    private static CheckoutRecord Sale(string txnId, long total) =>
        new(txnId, "S001", "L01", "M-probe", "hash", TimeProvider.System.GetUtcNow(), "{}", "{}", "{}",
            total, 0, total, 0, 0, 0, 0, null, CompletesPlannedRow: false);
}
