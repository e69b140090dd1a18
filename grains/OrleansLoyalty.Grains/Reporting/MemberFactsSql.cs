using Npgsql;
using NpgsqlTypes;

namespace OrleansLoyalty.Grains.Reporting;

/// <summary>Upserts members' report rows inside the caller's transaction (registration inserts; a tier change updates).</summary>
public static class MemberFactsSql
{
    public static async Task Upsert(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<MemberFacts> facts)
    {
        // One member twice in a batch would make ON CONFLICT DO UPDATE fail: the last word wins.
        var rows = facts.GroupBy(f => f.MemberId, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        await using var command = new NpgsqlCommand("""
            INSERT INTO members (member_id, store_id, channel, registered_at, tier)
            SELECT * FROM unnest(@m, @s, @c, @r, @t)
            ON CONFLICT (member_id) DO UPDATE SET tier = excluded.tier
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter("m", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(f => f.MemberId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("s", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(f => f.StoreId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("c", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(f => f.Channel).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("r", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = rows.Select(f => f.RegisteredAt.UtcDateTime).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("t", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(f => f.Tier).ToArray() });
        await command.ExecuteNonQueryAsync();
    }
}
