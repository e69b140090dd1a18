using Npgsql;

namespace OrleansLoyalty.Grains.Reporting;

public sealed class PostgresMemberFactsWriter(NpgsqlDataSource db) : IMemberFactsWriter
{
    public async Task UpsertAsync(string memberId, string storeId, string channel, DateTimeOffset registeredAt, string tier, CancellationToken cancellationToken = default)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO members (member_id, store_id, channel, registered_at, tier) VALUES (@m, @s, @c, @r, @t)
            ON CONFLICT (member_id) DO UPDATE SET tier = excluded.tier
            """);
        cmd.Parameters.AddWithValue("m", memberId);
        cmd.Parameters.AddWithValue("s", storeId);
        cmd.Parameters.AddWithValue("c", channel);
        cmd.Parameters.AddWithValue("r", registeredAt);
        cmd.Parameters.AddWithValue("t", tier);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
