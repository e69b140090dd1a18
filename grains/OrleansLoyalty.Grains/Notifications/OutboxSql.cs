using Npgsql;
using NpgsqlTypes;
using OrleansLoyalty.Grains.Persistence;

namespace OrleansLoyalty.Grains.Notifications;

/// <summary>Adds outbox messages inside the caller's transaction; a message id already there is kept as it is.</summary>
public static class OutboxSql
{
    private const string Insert = """
        INSERT INTO notification_outbox (message_id, member_id, channel, template, recipient, payload, created_at, not_before, expires_at)
        SELECT i.message_id, i.member_id, i.channel, i.template, i.recipient, i.payload, i.created_at, i.not_before, i.expires_at
        FROM unnest(@ids, @members, @channels, @templates, @recipients, @payloads, @created, @not_before, @expires)
             AS i(message_id, member_id, channel, template, recipient, payload, created_at, not_before, expires_at)
        ON CONFLICT (message_id) DO NOTHING
        """;

    public static async Task Append(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<OutboxMessage> messages)
    {
        await using var command = new NpgsqlCommand(Insert, connection, transaction);
        command.Parameters.Add(UnnestColumns.Of("ids", NpgsqlDbType.Text, messages, m => m.MessageId));
        command.Parameters.Add(UnnestColumns.Of("members", NpgsqlDbType.Text, messages, m => m.MemberId));
        command.Parameters.Add(UnnestColumns.Of("channels", NpgsqlDbType.Text, messages, m => m.Channel));
        command.Parameters.Add(UnnestColumns.Of("templates", NpgsqlDbType.Text, messages, m => m.Template));
        command.Parameters.Add(UnnestColumns.Of("recipients", NpgsqlDbType.Text, messages, m => m.ProtectedRecipient));
        command.Parameters.Add(UnnestColumns.Of("payloads", NpgsqlDbType.Text, messages, m => m.ProtectedPayload));
        command.Parameters.Add(UnnestColumns.Of("created", NpgsqlDbType.TimestampTz, messages, m => m.CreatedAt.UtcDateTime));
        command.Parameters.Add(UnnestColumns.Of("not_before", NpgsqlDbType.TimestampTz, messages, m => (m.NotBefore ?? m.CreatedAt).UtcDateTime));
        command.Parameters.Add(UnnestColumns.Of("expires", NpgsqlDbType.TimestampTz, messages, m => m.ExpiresAt.UtcDateTime));
        await command.ExecuteNonQueryAsync();
    }
}
