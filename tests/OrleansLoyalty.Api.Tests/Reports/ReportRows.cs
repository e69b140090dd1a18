using Npgsql;

namespace OrleansLoyalty.Api.Tests.Reports;

/// <summary>
/// Committed checkout rows written straight into the test database, at instants a test chooses (the api stamps its
/// own commits with the real clock): how a report test puts a sale at 23:30 local time.
/// </summary>
internal sealed class ReportRows(string connectionString)
{
    public async Task StoreAsync(string storeId, string timeZone)
    {
        await ExecuteAsync("INSERT INTO stores (store_id, name, time_zone, updated_at) VALUES (@s, @s, @z, now())",
            ("s", storeId), ("z", timeZone));
    }

    public async Task SaleAsync(string storeId, DateTimeOffset at, long total, string? memberId = null, long discount = 0, long points = 0, string categories = "{}")
    {
        await ExecuteAsync("""
            INSERT INTO checkout_transactions (txn_id, store_id, lane_id, member_id, kind, status, request_hash, committed_at,
                subtotal, discount_total, total, points_earned, category_sales)
            VALUES (@t, @s, '01', @m, 'sale', 'committed', 'h', @at, @sub, @d, @tot, @p, @cat::jsonb)
            """, ("t", Guid.NewGuid().ToString("N")), ("s", storeId), ("m", (object?)memberId ?? DBNull.Value), ("at", at),
            ("sub", total + discount), ("d", discount), ("tot", total), ("p", points), ("cat", categories));
    }

    /// <summary>As PostgresCheckoutStore.CompleteReturn writes it: negative money and points.</summary>
    public async Task ReturnAsync(string storeId, DateTimeOffset at, long refund, long pointsTakenBack = 0)
    {
        await ExecuteAsync("""
            INSERT INTO checkout_transactions (txn_id, store_id, lane_id, kind, status, request_hash, committed_at, subtotal, total, points_earned)
            VALUES (@t, @s, '01', 'return', 'committed', 'h', @at, @tot, @tot, @p)
            """, ("t", Guid.NewGuid().ToString("N")), ("s", storeId), ("at", at), ("tot", -refund), ("p", -pointsTakenBack));
    }

    public async Task MemberAsync(string memberId, string storeId, DateTimeOffset registeredAt, string channel = "lane", string tier = "standard")
    {
        await ExecuteAsync("INSERT INTO members (member_id, store_id, channel, registered_at, tier) VALUES (@m, @s, @c, @at, @t)",
            ("m", memberId), ("s", storeId), ("c", channel), ("at", registeredAt), ("t", tier));
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await command.ExecuteNonQueryAsync();
    }
}
