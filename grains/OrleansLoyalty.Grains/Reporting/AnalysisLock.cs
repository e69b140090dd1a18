using Npgsql;

namespace OrleansLoyalty.Grains.Reporting;

/// <summary>
/// The transaction-scoped advisory lock that serialises analysis runs across silos, and erasures against runs (a run
/// that read a member before their erasure must not write their row back after it).
/// </summary>
internal static class AnalysisLock
{
    // Any constant both sides agree on; "RFM" in ASCII.
    private const long Key = 0x52464D;

    /// <summary>Takes the lock unless another transaction holds it; false then.</summary>
    public static async Task<bool> TryTake(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(@k)", connection, transaction);
        command.Parameters.AddWithValue("k", Key);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Waits for the lock.</summary>
    public static async Task Take(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@k)", connection, transaction);
        command.Parameters.AddWithValue("k", Key);
        await command.ExecuteNonQueryAsync(ct);
    }
}
