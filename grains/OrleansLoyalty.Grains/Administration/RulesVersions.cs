using Npgsql;

namespace OrleansLoyalty.Grains.Administration;

/// <summary>
/// Announces a change to replicated data: bumps the scopes' versions and NOTIFYs every silo, inside the writer's own
/// transaction, so the data, the version and the nudge become visible together at commit.
/// </summary>
public static class RulesVersions
{
    // Held until commit, so versions become visible in the order they are drawn (see 0003_admin.sql).
    private const long VersionLockKey = 0x4C6F79616C7479;

    /// <summary>Call last before committing: the lock it takes is held until then.</summary>
    public static async Task Bump(NpgsqlConnection connection, NpgsqlTransaction tx, string[] scopes, DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT pg_advisory_xact_lock(@lock);
            INSERT INTO rules_versions (scope, version, changed_at)
            SELECT s, nextval('rules_version_seq'), @at FROM unnest(@scopes) AS s
            ON CONFLICT (scope) DO UPDATE SET version = excluded.version, changed_at = excluded.changed_at;
            SELECT pg_notify(@channel, s) FROM unnest(@scopes) AS s;
            """, connection, tx);
        cmd.Parameters.AddWithValue("lock", VersionLockKey);
        cmd.Parameters.AddWithValue("at", now);
        cmd.Parameters.AddWithValue("scopes", scopes);
        cmd.Parameters.AddWithValue("channel", RuleScopes.NotifyChannel);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
