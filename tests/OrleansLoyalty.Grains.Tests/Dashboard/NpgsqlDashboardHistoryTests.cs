using Microsoft.Extensions.Options;
using Npgsql;
using OrleansLoyalty.Contracts.Events;
using OrleansLoyalty.Grains.Dashboard;

namespace OrleansLoyalty.Grains.Tests.Dashboard;

/// <summary>
/// The rebuild query against a real PostgreSQL, on the tables of the product's migration (made in a
/// private schema). Needs LOYALTY_TEST_POSTGRES.
/// </summary>
[Trait("Category", "Integration")]
public sealed class NpgsqlDashboardHistoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Today = new(2026, 11, 22, 0, 0, 0, TimeSpan.FromHours(8));
    private readonly string _schema = $"dash_{Guid.NewGuid():N}"[..20];
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable("LOYALTY_TEST_POSTGRES");
        Assert.False(string.IsNullOrEmpty(server), "LOYALTY_TEST_POSTGRES is not set: these tests need a PostgreSQL connection string (tests/run.sh starts one).");
        await using (var setup = NpgsqlDataSource.Create(server!))
        {
            await setup.CreateCommand($"create schema {_schema}").ExecuteNonQueryAsync();
        }
        _connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = _schema }.ConnectionString;
        await using var db = NpgsqlDataSource.Create(_connectionString);
        // The product's own migration, so the query is tested against the tables it will really read.
        await db.CreateCommand(await File.ReadAllTextAsync(MigrationFile())).ExecuteNonQueryAsync();
        await db.CreateCommand("""
            insert into checkout_transactions (txn_id, store_id, lane_id, member_id, kind, status, request_hash, committed_at,
                subtotal, discount_total, total, points_earned, points_redeemed, stored_value_spent, coupons_redeemed, tier_after, category_sales) values
              ('t1', 's1', '01', 'm1', 'sale', 'committed', 'h', '2026-11-22T09:00:00+08:00', 10100, 100, 10000, 120, 0, 2000, 1, 'gold', '{"食品": 6000, "日用品": 4000}'),
              ('r1', 's1', '01', 'm1', 'return', 'committed', 'h', '2026-11-22T09:30:00+08:00', -3000, 0, -3000, -30, 0, 0, 0, 'gold', '{"食品": -3000}'),
              ('v1', 's1', '02', null, 'void', 'committed', 'h', '2026-11-22T09:40:00+08:00', 500, 0, 500, 0, 0, 0, 0, null, null),
              ('c1', 's1', '02', null, 'sale', 'committing', 'h', '2026-11-22T09:45:00+08:00', 0, 0, 0, 0, 0, 0, 0, null, null),
              ('a1', 's4', '02', null, 'sale', 'aborted', 'h', '2026-11-22T09:50:00+08:00', 0, 0, 0, 0, 0, 0, 0, null, null),
              ('t0', 's1', '02', null, 'sale', 'committed', 'h', '2026-11-21T21:00:00+08:00', 700, 0, 700, 0, 0, 0, 0, null, null),
              ('t2', 's2', '01', null, 'sale', 'committed', 'h', '2026-11-22T10:00:00+08:00', 900, 0, 900, 0, 0, 0, 0, null, null);
            insert into members (member_id, store_id, channel, registered_at, tier) values
              ('m9', 's1', 'lane', '2026-11-22T08:00:00+08:00', 'standard'),
              ('m8', 's3', 'app', '2026-11-22T08:30:00+08:00', 'standard'),
              ('m7', 's1', 'lane', '2026-11-20T08:00:00+08:00', 'silver');
            insert into ledger_entries (member_id, txn_id, kind, card_no, points, amount, balance_after, at, store_id) values
              ('m1', 'u1', 'storedvalue.topup', '8800012345', 0, 50000, 50000, '2026-11-22T09:20:00+08:00', 's1'),
              ('m1', 't1', 'storedvalue.spent', '8800012345', 0, -2000, 48000, '2026-11-22T09:00:00+08:00', 's1'),
              ('m1', 'u0', 'storedvalue.topup', '8800012345', 0, 10000, 10000, '2026-11-21T09:20:00+08:00', 's1'),
              ('m2', 'u2', 'storedvalue.topup', '8800067890', 0, 20000, 20000, '2026-11-22T11:00:00+08:00', 's5');
            """).ExecuteNonQueryAsync();
    }

    private static string MigrationFile()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OrleansLoyalty.sln")))
        {
            folder = folder.Parent;
        }
        Assert.NotNull(folder);
        return Path.Combine(folder.FullName, "deploy", "sql", "0002_loyalty_core.sql");
    }

    public async Task DisposeAsync()
    {
        var server = Environment.GetEnvironmentVariable("LOYALTY_TEST_POSTGRES");
        if (!string.IsNullOrEmpty(server))
        {
            await using var cleanup = NpgsqlDataSource.Create(server);
            await cleanup.CreateCommand($"drop schema if exists {_schema} cascade").ExecuteNonQueryAsync();
        }
    }

    private NpgsqlDashboardHistory History() => new(Options.Create(new DashboardHistoryOptions { ConnectionString = _connectionString }));

    [Fact]
    public async Task Reads_back_todays_sales_returns_registrations_and_top_ups_of_one_store()
    {
        await using var history = History();

        var events = await history.LoadStoreEventsAsync("s1", Today, CancellationToken.None);

        Assert.Equal(["MemberRegistered", "CheckoutCommitted", "StoredValueToppedUp", "ReturnCommitted"], events.Select(e => e.GetType().Name));
        var topUp = Assert.IsType<StoredValueToppedUp>(events[2]);
        Assert.Equal(("u1", "8800****2345", 50_000L, Today.AddHours(9).AddMinutes(20)), (topUp.TxnId, topUp.CardNoMasked, topUp.Amount, topUp.At));
        var sale = Assert.IsType<CheckoutCommitted>(events[1]);
        Assert.Equal(("t1", "01", "m1", 10_000L, 120L, 2_000L, 1, "gold"),
            (sale.TxnId, sale.LaneId, sale.MemberId, sale.Total, sale.PointsEarned, sale.StoredValueSpent, sale.CouponsRedeemed, sale.TierAfter));
        Assert.Equal(6_000, sale.CategorySales["食品"]);
        Assert.Equal(Today.AddHours(9), sale.At);
        var refund = Assert.IsType<ReturnCommitted>(events[3]);
        Assert.Equal(3_000, refund.Total);
        Assert.Equal(30, refund.PointsEarned);
        Assert.Equal(3_000, refund.CategorySales["食品"]);
        Assert.Equal("m9", Assert.IsType<MemberRegistered>(events[0]).MemberId);
    }

    [Fact]
    public async Task Names_the_stores_active_since_a_moment()
    {
        await using var history = History();

        var stores = await history.LoadActiveStoreIdsAsync(Today, CancellationToken.None);

        Assert.Equal(["s1", "s2", "s3", "s5"], stores.Order());
    }
}
