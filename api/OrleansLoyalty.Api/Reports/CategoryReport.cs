using Npgsql;

namespace OrleansLoyalty.Api.Reports;

/// <summary>GET /reports/categories: net sales per top-level category over the range, largest first.</summary>
public sealed record CategoryReport(DateOnly From, DateOnly To, IReadOnlyList<string>? StoreIds, IReadOnlyList<CategoryRevenue> Categories)
{
    // category_sales holds a sale's net per top-level category (CheckoutRecord.CategorySales) and a return's refund
    // per category, negative (returns recorded before 2026-12-03 carry none).
    private static readonly string Sql = $"""
        SELECT x.key, sum(x.value::bigint)::bigint AS revenue
        FROM checkout_transactions c LEFT JOIN stores s ON s.store_id = c.store_id, jsonb_each_text(c.category_sales) x
        WHERE c.status = 'committed' AND c.category_sales IS NOT NULL
          AND c.committed_at >= @from_utc AND c.committed_at < @to_utc AND {string.Format(StoreDaySql.InScope, "c.store_id")}
          AND {StoreDaySql.LocalDay("c.committed_at")} BETWEEN @from_day AND @to_day
        GROUP BY x.key
        ORDER BY revenue DESC, x.key
        """;

    public static async Task<CategoryReport> Read(NpgsqlDataSource db, ReportScope scope, string chainZone, CancellationToken ct)
    {
        await using var command = db.CreateCommand(Sql);
        StoreDaySql.AddScope(command, scope, chainZone);
        var categories = new List<CategoryRevenue>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            categories.Add(new CategoryRevenue(r.GetString(0), r.GetInt64(1)));
        }
        return new CategoryReport(scope.From, scope.To, scope.StoreIds, categories);
    }
}

public sealed record CategoryRevenue(string Category, long Revenue);
