using Npgsql;

namespace OrleansLoyalty.Benchmarks.Workload;

/// <summary>
/// A year of a 20-store chain in the report tables, generated inside PostgreSQL: 100,000 members (registered over two
/// years, five channels, a tier mix) and 2,000,000 committed sales (three in five by members, a few members buying
/// far more often than most, newer days busier), with 2 % returns, and their ledger (~1,900,000 entries). Reports read only these tables, so no grain state
/// is needed to measure them.
/// </summary>
public static class ReportHistory
{
    public const int Members = 100_000;
    public const int Sales = 2_000_000;
    public const int Stores = 20;

    public static async Task Load(string connectionString, DateTimeOffset now)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Execute(connection, now, $$"""
            INSERT INTO stores (store_id, name, time_zone, updated_at)
            SELECT 's' || lpad(g::text, 3, '0'), '门店' || g, 'Asia/Shanghai', @now FROM generate_series(1, {{Stores}}) g;

            INSERT INTO members (member_id, store_id, channel, registered_at, tier)
            SELECT 'M' || lpad(g::text, 6, '0'), 's' || lpad((g % {{Stores}} + 1)::text, 3, '0'),
                   (ARRAY['lane', 'kiosk', 'app', 'web', 'wechat'])[g % 5 + 1],
                   @now - make_interval(secs => random() * 730 * 86400),
                   (ARRAY['standard', 'standard', 'standard', 'silver', 'gold'])[g % 5 + 1]
            FROM generate_series(1, {{Members}}) g;

            INSERT INTO checkout_transactions (txn_id, store_id, lane_id, member_id, kind, status, request_hash, committed_at,
                subtotal, discount_total, total, points_earned, coupons_redeemed, category_sales)
            SELECT 'T' || g, 's' || lpad((m % {{Stores}} + 1)::text, 3, '0'), lpad((g % 12 + 1)::text, 2, '0'),
                   CASE WHEN g % 5 < 3 THEN 'M' || lpad(m::text, 6, '0') END, 'sale', 'committed', 'h',
                   @now - make_interval(secs => power(random(), 1.3) * 365 * 86400),
                   t + d, d, t, CASE WHEN g % 5 < 3 THEN t / 100 ELSE 0 END, (g % 7 = 0)::int,
                   jsonb_build_object('食品', t / 2, '日用', t / 4, '饮料', t - t / 2 - t / 4)
            FROM (SELECT g, floor({{Members}} * power(random(), 2))::int + 1 AS m, (2000 + random() * 30000)::bigint AS t,
                         (random() * 500)::bigint AS d
                  FROM generate_series(1, {{Sales}}) g) x;

            INSERT INTO checkout_transactions (txn_id, store_id, lane_id, member_id, kind, status, request_hash, committed_at,
                subtotal, total, points_earned, original_txn_id)
            SELECT 'R' || txn_id, store_id, lane_id, member_id, 'return', 'committed', 'h', committed_at + interval '1 day',
                   -total / 2, -total / 2, -points_earned / 2, txn_id
            FROM checkout_transactions WHERE kind = 'sale' AND txn_id LIKE '%00' AND committed_at < @now - interval '1 day';

            -- The ledger of those sales: points earned on every member sale, one in ten paid partly with points, one in
            -- five partly with stored value, and a top-up for every member who pays so.
            INSERT INTO ledger_entries (member_id, txn_id, kind, points, amount, balance_after, at, store_id)
            SELECT member_id, txn_id, 'points.earned', points_earned, 0, points_earned, committed_at, store_id
            FROM checkout_transactions WHERE kind = 'sale' AND member_id IS NOT NULL;
            INSERT INTO ledger_entries (member_id, txn_id, kind, points, amount, balance_after, at, store_id)
            SELECT member_id, txn_id, 'points.redeemed', -100, 0, 0, committed_at, store_id
            FROM checkout_transactions WHERE kind = 'sale' AND member_id IS NOT NULL AND txn_id LIKE '%3';
            INSERT INTO ledger_entries (member_id, txn_id, kind, card_no, points, amount, balance_after, at, store_id)
            SELECT member_id, 'TU' || txn_id, 'storedvalue.topup', 'C' || member_id, 0, 50000, 50000, committed_at - interval '1 minute', store_id
            FROM checkout_transactions WHERE kind = 'sale' AND member_id IS NOT NULL AND txn_id LIKE '%7';
            INSERT INTO ledger_entries (member_id, txn_id, kind, card_no, points, amount, balance_after, at, store_id)
            SELECT member_id, txn_id, 'storedvalue.spent', 'C' || member_id, 0, -least(total, 20000), 0, committed_at, store_id
            FROM checkout_transactions WHERE kind = 'sale' AND member_id IS NOT NULL AND (txn_id LIKE '%1' OR txn_id LIKE '%7');

            ANALYZE members; ANALYZE checkout_transactions; ANALYZE stores; ANALYZE ledger_entries;
            """);
    }

    private static async Task Execute(NpgsqlConnection connection, DateTimeOffset now, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync();
    }
}
