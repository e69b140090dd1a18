using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using OrleansLoyalty.Grains.Checkout;
using OrleansLoyalty.Grains.Persistence;

namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

/// <summary>
/// A settled sale's plan is cleared a day after it last changed; what a crash, a return or a retry still needs is kept:
/// plans of sales still committing, of returns, and of sales from before their return basis had a column.
/// </summary>
[Collection(OrleansPostgresCollection.Name)]
public sealed class CheckoutPlanPruningTests(MigratedDatabaseFixture database) : IClassFixture<MigratedDatabaseFixture>
{
    [Fact]
    public async Task Plans_of_sales_settled_over_a_day_ago_are_cleared_and_every_plan_still_needed_is_kept()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        string Id(string name) => $"{name}-{run}";
        await Insert(Id("committed-old"), "sale", "committed", returnBasis: "{}", daysAgo: 2);
        await Insert(Id("aborted-old"), "sale", "aborted", returnBasis: null, daysAgo: 2);
        await Insert(Id("committed-today"), "sale", "committed", returnBasis: "{}", daysAgo: 0);
        await Insert(Id("committing-old"), "sale", "committing", returnBasis: null, daysAgo: 2);
        await Insert(Id("return-old"), "return", "committed", returnBasis: null, daysAgo: 2);
        await Insert(Id("basis-in-plan-old"), "sale", "committed", returnBasis: null, daysAgo: 2);
        await using var db = NpgsqlDataSource.Create(database.ConnectionString);
        var pruning = new CheckoutPlanPruning(new PostgresCheckoutStore(db, Options.Create(new GroupCommitOptions())),
            TimeProvider.System, NullLogger<CheckoutPlanPruning>.Instance);

        await pruning.PruneOnce();

        var kept = (await database.Database.RowsAsync(
                $"SELECT txn_id FROM checkout_transactions WHERE txn_id LIKE '%-{run}' AND plan IS NOT NULL ORDER BY txn_id"))
            .Select(r => (string)r[0]!).ToList();
        Assert.Equal([Id("basis-in-plan-old"), Id("committed-today"), Id("committing-old"), Id("return-old")], kept);
        Assert.Equal(2L, await database.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM checkout_transactions WHERE txn_id LIKE '%-{run}' AND updated_at < now() - interval '1 day' AND plan IS NULL"));
    }

    private Task Insert(string txnId, string kind, string status, string? returnBasis, int daysAgo) =>
        database.Database.ScalarAsync<int>($"""
            INSERT INTO checkout_transactions (txn_id, store_id, member_id, kind, status, request_hash, plan, return_basis, committed_at, updated_at)
            VALUES ('{txnId}', 's001', 'm1', '{kind}', '{status}', 'hash', 'the plan', {(returnBasis is null ? "NULL" : $"'{returnBasis}'")},
                now() - interval '{daysAgo} days', now() - interval '{daysAgo} days')
            RETURNING 1
            """);
}
