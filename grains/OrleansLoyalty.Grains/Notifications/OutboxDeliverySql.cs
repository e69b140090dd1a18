using Npgsql;

namespace OrleansLoyalty.Grains.Notifications;

/// <summary>
/// The dispatcher's statements. Due rows are claimed with <c>FOR UPDATE SKIP LOCKED</c> inside the dispatcher's
/// transaction, so two silos never hand over one message at the same time; every outcome removes what no one needs
/// any more (the content, once sent, expired or given up).
/// </summary>
public static class OutboxDeliverySql
{
    public static async Task<IReadOnlyList<OutboxRow>> ClaimDue(
        NpgsqlConnection connection, NpgsqlTransaction transaction, DateTimeOffset now, string[] channels, int limit, CancellationToken ct)
    {
        // Rows of a channel nobody here can send wait (another silo may have its sender) until they expire.
        await using var cmd = new NpgsqlCommand("""
            SELECT id, message_id, member_id, channel, template, recipient, payload, created_at, expires_at, attempts
            FROM notification_outbox
            WHERE status = 'pending' AND not_before <= @now AND (channel = ANY(@channels) OR expires_at <= @now)
            ORDER BY not_before, id
            LIMIT @limit
            FOR UPDATE SKIP LOCKED
            """, connection, transaction);
        cmd.Parameters.AddWithValue("now", now.UtcDateTime);
        cmd.Parameters.AddWithValue("channels", channels);
        cmd.Parameters.AddWithValue("limit", limit);
        var rows = new List<OutboxRow>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var message = new OutboxMessage(reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6),
                reader.GetFieldValue<DateTimeOffset>(7), reader.GetFieldValue<DateTimeOffset>(8));
            rows.Add(new OutboxRow(reader.GetInt64(0), message, reader.GetInt32(9)));
        }
        return rows;
    }

    public static Task Sent(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, DateTimeOffset now, CancellationToken ct) =>
        Execute(connection, transaction, ct, """
            UPDATE notification_outbox SET status = 'sent', sent_at = @now, payload = NULL, attempts = attempts + 1, last_error = NULL
            WHERE id = @id
            """, ("id", id), ("now", now.UtcDateTime));

    public static Task Expired(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, CancellationToken ct) =>
        Execute(connection, transaction, ct, "UPDATE notification_outbox SET status = 'expired', payload = NULL WHERE id = @id", ("id", id));

    /// <summary>A failed hand-over: tried again after <paramref name="retryAt"/>, or given up when it is null.</summary>
    public static Task Failed(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, DateTimeOffset? retryAt, string error, CancellationToken ct) =>
        retryAt is { } at
            ? Execute(connection, transaction, ct, """
                UPDATE notification_outbox SET attempts = attempts + 1, not_before = @at, last_error = @error WHERE id = @id
                """, ("id", id), ("at", at.UtcDateTime), ("error", error))
            : Execute(connection, transaction, ct, """
                UPDATE notification_outbox SET status = 'failed', attempts = attempts + 1, payload = NULL, last_error = @error WHERE id = @id
                """, ("id", id), ("error", error));

    /// <summary>Deletes finished rows (sent, expired, failed) older than <paramref name="before"/>; they hold no content, only the record.</summary>
    public static async Task<int> Prune(NpgsqlDataSource db, DateTimeOffset before, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("DELETE FROM notification_outbox WHERE status <> 'pending' AND created_at < @before");
        cmd.Parameters.AddWithValue("before", before.UtcDateTime);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Deletes a member's messages, whatever their state (the member was erased: they hold the phone, encrypted).</summary>
    public static async Task ForgetMember(NpgsqlDataSource db, string memberId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("DELETE FROM notification_outbox WHERE member_id = @m");
        cmd.Parameters.AddWithValue("m", memberId);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct, string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
