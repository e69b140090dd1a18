using Npgsql;

namespace OrleansLoyalty.Api.Reports;

/// <summary>A sales report's rows: one per store and local day with activity, summed from committed sales and returns.</summary>
internal static class SalesReportSql
{
    // Return rows carry negative money and points (PostgresCheckoutStore.CompleteReturn), so plain sums are net.
    private static readonly string Transactions = $"""
        SELECT c.store_id, {StoreDaySql.LocalDay("c.committed_at")} AS day,
               (count(*) FILTER (WHERE c.kind = 'sale'))::int,
               (count(*) FILTER (WHERE c.kind = 'return'))::int,
               (count(*) FILTER (WHERE c.kind = 'sale' AND c.member_id IS NOT NULL))::int,
               coalesce(sum(c.total), 0)::bigint,
               coalesce(sum(c.total) FILTER (WHERE c.kind = 'sale'), 0)::bigint,
               coalesce(sum(c.discount_total), 0)::bigint,
               coalesce(sum(c.points_earned), 0)::bigint,
               coalesce(sum(c.points_redeemed), 0)::bigint,
               coalesce(sum(c.stored_value_spent), 0)::bigint,
               coalesce(sum(c.coupons_redeemed) FILTER (WHERE c.kind = 'sale'), 0)::int
        FROM checkout_transactions c LEFT JOIN stores s ON s.store_id = c.store_id
        WHERE c.status = 'committed' AND c.kind IN ('sale', 'return')
          AND c.committed_at >= @from_utc AND c.committed_at < @to_utc AND {string.Format(StoreDaySql.InScope, "c.store_id")}
        GROUP BY 1, 2
        """;

    private static readonly string NewMembers = $"""
        SELECT m.store_id, {StoreDaySql.LocalDay("m.registered_at")} AS day, count(*)::int
        FROM members m LEFT JOIN stores s ON s.store_id = m.store_id
        WHERE m.registered_at >= @from_utc AND m.registered_at < @to_utc AND {string.Format(StoreDaySql.InScope, "m.store_id")}
        GROUP BY 1, 2
        """;

    public static async Task<List<(string StoreId, DateOnly Day, SalesFigures Figures)>> Read(NpgsqlDataSource db, ReportScope scope, string chainZone, CancellationToken ct)
    {
        var rows = new List<(string, DateOnly, SalesFigures)>();
        await using (var command = db.CreateCommand(Transactions))
        {
            StoreDaySql.AddScope(command, scope, chainZone);
            await using var r = await command.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                rows.Add((r.GetString(0), r.GetFieldValue<DateOnly>(1), new SalesFigures
                {
                    Sales = r.GetInt32(2), Returns = r.GetInt32(3), MemberSales = r.GetInt32(4), Revenue = r.GetInt64(5), SalesTotal = r.GetInt64(6),
                    Discounts = r.GetInt64(7), PointsEarned = r.GetInt64(8), PointsRedeemed = r.GetInt64(9), StoredValueSpent = r.GetInt64(10),
                    CouponsRedeemed = r.GetInt32(11),
                }));
            }
        }
        await using (var command = db.CreateCommand(NewMembers))
        {
            StoreDaySql.AddScope(command, scope, chainZone);
            await using var r = await command.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                rows.Add((r.GetString(0), r.GetFieldValue<DateOnly>(1), new SalesFigures { NewMembers = r.GetInt32(2) }));
            }
        }
        return [.. rows.Where(row => row.Item2 >= scope.From && row.Item2 <= scope.To)];
    }
}
