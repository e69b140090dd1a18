using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using OrleansLoyalty.Contracts.Ledger;
using OrleansLoyalty.Database;
using OrleansLoyalty.Grains.Checkout;
using OrleansLoyalty.Grains.Dashboard;

namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

/// <summary>
/// The queries the grains run against tables that grow with every sale find their rows through an index: on a
/// chain's year of sales a full scan of checkout_transactions takes minutes, and a return or a dashboard rebuild
/// would wait for it. Each query is planned by PostgreSQL against 300 days of history of 50 stores.
/// </summary>
[Collection(OrleansPostgresCollection.Name)]
public sealed class QueryPlanTests
{
    private static readonly string[] GrowingTables = ["checkout_transactions", "ledger_entries", "members"];

    [Fact]
    public async Task Queries_of_a_few_rows_read_them_through_an_index_not_the_whole_table()
    {
        await using var database = await TestPostgres.CreateDatabaseAsync();
        await SchemaMigrator.ApplyAsync(database.ConnectionString, NullLogger.Instance, CancellationToken.None);
        await FillWithHistory(database.ConnectionString);
        var today = TimeProvider.System.GetUtcNow().UtcDateTime.Date;
        (string Name, string Sql, Dictionary<string, object> Parameters)[] queries =
        [
            ("returns of a purchase", PostgresCheckoutStore.ReturnsOfSql, new() { ["o"] = "h-1234" }),
            ("settled sales' plans to clear", PostgresCheckoutStore.ForgetPlansSql, new() { ["age"] = CheckoutPlanPruning.KeptFor, ["span"] = CheckoutPlanPruning.Interval * 3, ["n"] = CheckoutPlanPruning.Batch }),
            ("a store's sales today", NpgsqlDashboardHistory.TransactionsSql, new() { ["store"] = "s7", ["since"] = today }),
            ("a store's sign-ups today", NpgsqlDashboardHistory.MembersSql, new() { ["store"] = "s7", ["since"] = today }),
            ("a store's top-ups today", NpgsqlDashboardHistory.TopUpsSql, new() { ["store"] = "s7", ["since"] = today }),
            ("stores active today", NpgsqlDashboardHistory.ActiveStoresSql, new() { ["since"] = today }),
        ];

        var scans = new List<string>();
        foreach (var (name, sql, parameters) in queries)
        {
            var plan = await Explain(database.ConnectionString, sql, parameters);
            scans.AddRange(GrowingTables.Where(t => plan.Contains($"Seq Scan on {t}", StringComparison.Ordinal)).Select(t => $"{name}: reads all of {t}\n{plan}"));
        }

        Assert.True(scans.Count == 0, string.Join("\n\n", scans));
    }

    private static async Task<string> Explain(string connectionString, string sql, Dictionary<string, object> parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("EXPLAIN " + sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
        return string.Join('\n', lines);
    }

    /// <summary>Rows in time order, as a chain writes them: 1,000 sales a day (2 % of them returns), sign-ups and top-ups.</summary>
    private static async Task FillWithHistory(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var fill = new NpgsqlCommand($$"""
            INSERT INTO checkout_transactions (txn_id, store_id, lane_id, member_id, kind, status, request_hash, committed_at,
                original_txn_id)
            SELECT 'h-' || g, 's' || (g % 50), '01', 'm' || (g % 20000), CASE WHEN g % 50 = 0 THEN 'return' ELSE 'sale' END,
                'committed', 'hash', now() - interval '300 days' + g * interval '300 days' / 300000,
                CASE WHEN g % 50 = 0 THEN 'h-' || (g - 7) END
            FROM generate_series(1, 300000) g;
            INSERT INTO members (member_id, store_id, channel, registered_at, tier)
            SELECT 'm' || g, 's' || (g % 50), 'lane', now() - interval '300 days' + g * interval '300 days' / 20000, 'standard'
            FROM generate_series(1, 20000) g;
            INSERT INTO ledger_entries (member_id, txn_id, kind, points, balance_after, at, store_id)
            SELECT 'm' || (g % 20000), 'h-' || g, CASE WHEN g % 20 = 0 THEN '{{LedgerKind.StoredValueTopUp}}' ELSE 'earn' END, 10, 10,
                now() - interval '300 days' + g * interval '300 days' / 300000, 's' || (g % 50)
            FROM generate_series(1, 300000) g;
            ANALYZE checkout_transactions;
            ANALYZE members;
            ANALYZE ledger_entries;
            """, connection);
        fill.CommandTimeout = 120;
        await fill.ExecuteNonQueryAsync();
    }
}
