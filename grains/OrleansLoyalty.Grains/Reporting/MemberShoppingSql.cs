using Npgsql;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Grains.Reporting;

/// <summary>Reads every member's shopping over the analysis window in one statement (the nightly run's only read).</summary>
internal static class MemberShoppingSql
{
    /// <summary>Sales and returns of the window; spend nets returns, counts and dates are sales'. Erased members are left out.</summary>
    private const string Sql = """
        WITH window_rows AS (
            SELECT member_id, kind, total, committed_at, store_id, category_sales
            FROM checkout_transactions
            WHERE status = 'committed' AND member_id IS NOT NULL AND kind IN ('sale', 'return')
              AND committed_at > @since AND committed_at <= @as_of
        ), per_member AS (
            SELECT member_id,
                   (count(*) FILTER (WHERE kind = 'sale'))::int AS sales,
                   coalesce(sum(total), 0)::bigint AS spend,
                   min(committed_at) FILTER (WHERE kind = 'sale') AS first_at,
                   max(committed_at) FILTER (WHERE kind = 'sale') AS last_at
            FROM window_rows GROUP BY member_id
        ), preferred_store AS (
            SELECT DISTINCT ON (member_id) member_id, store_id
            FROM window_rows WHERE kind = 'sale'
            GROUP BY member_id, store_id
            ORDER BY member_id, count(*) DESC, max(committed_at) DESC
        ), categories AS (
            SELECT member_id, c.key AS category, sum(c.value::bigint) AS revenue,
                   row_number() OVER (PARTITION BY member_id ORDER BY sum(c.value::bigint) DESC, c.key) AS place
            FROM window_rows, jsonb_each_text(category_sales) c
            WHERE kind = 'sale' AND category_sales IS NOT NULL
            GROUP BY member_id, c.key
        ), top_categories AS (
            SELECT member_id, jsonb_agg(jsonb_build_object('category', category, 'revenue', revenue) ORDER BY place)::text AS top
            FROM categories WHERE place <= 3 GROUP BY member_id
        )
        SELECT m.member_id, m.store_id, m.registered_at, coalesce(p.sales, 0), coalesce(p.spend, 0), p.first_at, p.last_at,
               ps.store_id, coalesce(t.top, '[]')
        FROM members m
        LEFT JOIN per_member p USING (member_id)
        LEFT JOIN preferred_store ps USING (member_id)
        LEFT JOIN top_categories t USING (member_id)
        WHERE m.erased_at IS NULL AND m.registered_at <= @as_of
        ORDER BY m.member_id
        """;

    public static async Task<List<MemberShopping>> Read(NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset asOf, TimeSpan window, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        command.Parameters.AddWithValue("since", asOf - window);
        command.Parameters.AddWithValue("as_of", asOf);
        var rows = new List<MemberShopping>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var history = new PurchaseHistory(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(2), reader.GetInt32(3), reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6));
            rows.Add(new MemberShopping(history, reader.GetString(1), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetString(8)));
        }
        return rows;
    }
}
