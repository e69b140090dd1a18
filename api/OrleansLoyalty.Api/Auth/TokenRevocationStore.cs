using Npgsql;

namespace OrleansLoyalty.Api.Auth;

/// <summary>Revocations in PostgreSQL (<c>token_revocations</c>, migration 0011), applied here at once.</summary>
public sealed class TokenRevocationStore(NpgsqlDataSource db, TokenRevocations revocations, TimeProvider clock)
{
    /// <summary>Every token of <paramref name="subject"/> issued until now stops working on every api instance.</summary>
    public async Task Revoke(string subject, string reason, CancellationToken ct)
    {
        var notBefore = clock.GetUtcNow();
        await using var cmd = db.CreateCommand("""
            INSERT INTO token_revocations (subject, not_before, reason) VALUES (@s, @nb, @r)
            ON CONFLICT (subject) DO UPDATE
              SET not_before = greatest(token_revocations.not_before, excluded.not_before),
                  seq = nextval('token_revocation_seq'), reason = excluded.reason
            """);
        cmd.Parameters.AddWithValue("s", subject);
        cmd.Parameters.AddWithValue("nb", notBefore);
        cmd.Parameters.AddWithValue("r", reason);
        await cmd.ExecuteNonQueryAsync(ct);
        revocations.Apply(subject, notBefore.ToUnixTimeMilliseconds());
    }

    /// <summary>Revocations of tokens that can still be alive, and the last sequence number so far.</summary>
    public async Task<(IReadOnlyList<(string Subject, long NotBeforeMs)> Rows, long LastSeq)> Alive(DateTimeOffset aliveSince, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT subject, not_before, seq FROM token_revocations WHERE not_before > @alive
            UNION ALL SELECT NULL, NULL, coalesce(max(seq), 0) FROM token_revocations
            """);
        cmd.Parameters.AddWithValue("alive", aliveSince);
        var rows = new List<(string, long)>();
        var last = 0L;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            if (r.IsDBNull(0))
            {
                last = r.GetInt64(2);
            }
            else
            {
                rows.Add((r.GetString(0), r.GetFieldValue<DateTimeOffset>(1).ToUnixTimeMilliseconds()));
            }
        }
        return (rows, last);
    }

    /// <summary>Revocations recorded after <paramref name="afterSeq"/> (a change always moves its row's seq on).</summary>
    public async Task<IReadOnlyList<(string Subject, long NotBeforeMs, long Seq)>> Since(long afterSeq, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT subject, not_before, seq FROM token_revocations WHERE seq > @after ORDER BY seq");
        cmd.Parameters.AddWithValue("after", afterSeq);
        var rows = new List<(string, long, long)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            rows.Add((r.GetString(0), r.GetFieldValue<DateTimeOffset>(1).ToUnixTimeMilliseconds(), r.GetInt64(2)));
        }
        return rows;
    }
}
