using Npgsql;
using OrleansLoyalty.Contracts.Errors;

namespace OrleansLoyalty.Api.Auth;

/// <summary>
/// Head office's changes to staff accounts. Every change that could leave the chain without an enabled
/// administrator runs under one advisory lock, so two administrators disabling each other at the same instant
/// cannot both succeed.
/// </summary>
public sealed class StaffDirectory(NpgsqlDataSource db, TimeProvider clock)
{
    private const long AdminGuardLock = 0x53746166664C6B; // "StaffLk"

    public Task<IReadOnlyList<StaffView>> List(CancellationToken ct) => Read(null, ct);

    public async Task<StaffView> Get(string username, CancellationToken ct) =>
        (await Read(username, ct)).SingleOrDefault() ?? throw NotFound(username);

    /// <summary>Every account, or the one named.</summary>
    private async Task<IReadOnlyList<StaffView>> Read(string? username, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT username, roles, store_ids, created_at, disabled, disabled_at FROM staff_accounts
            WHERE @u::text IS NULL OR username = @u ORDER BY username
            """);
        cmd.Parameters.Add(new NpgsqlParameter<string?>("u", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = username });
        var staff = new List<StaffView>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            staff.Add(new StaffView(r.GetString(0), r.GetFieldValue<string[]>(1), r.GetFieldValue<string[]>(2),
                r.GetFieldValue<DateTimeOffset>(3), r.GetBoolean(4), r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5)));
        }
        return staff;
    }

    /// <summary>New roles and stores; refused when it takes the last enabled administrator's role away.</summary>
    public Task Update(string username, string[] roles, string[] storeIds, CancellationToken ct) =>
        Guarded(username, removesAdmin: !roles.Contains(Roles.Admin), ct, async (connection, tx) =>
        {
            await using var cmd = new NpgsqlCommand("UPDATE staff_accounts SET roles = @r, store_ids = @s WHERE username = @u", connection, tx);
            cmd.Parameters.AddWithValue("u", username);
            cmd.Parameters.AddWithValue("r", roles);
            cmd.Parameters.AddWithValue("s", storeIds);
            await cmd.ExecuteNonQueryAsync(ct);
        });

    public Task SetDisabled(string username, bool disabled, CancellationToken ct) =>
        Guarded(username, removesAdmin: disabled, ct, async (connection, tx) =>
        {
            await using var cmd = new NpgsqlCommand("""
                UPDATE staff_accounts SET disabled = @d, disabled_at = CASE WHEN @d THEN @at END WHERE username = @u
                """, connection, tx);
            cmd.Parameters.AddWithValue("u", username);
            cmd.Parameters.AddWithValue("d", disabled);
            cmd.Parameters.AddWithValue("at", clock.GetUtcNow());
            await cmd.ExecuteNonQueryAsync(ct);
        });

    /// <summary>False when there is no such account.</summary>
    public async Task<bool> SetPassword(string username, string passwordHash, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("UPDATE staff_accounts SET password_hash = @h WHERE username = @u");
        cmd.Parameters.AddWithValue("u", username);
        cmd.Parameters.AddWithValue("h", passwordHash);
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    private async Task Guarded(string username, bool removesAdmin, CancellationToken ct, Func<NpgsqlConnection, NpgsqlTransaction, Task> change)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var guard = new NpgsqlCommand("""
            SELECT pg_advisory_xact_lock(@lock);
            SELECT 'admin' = ANY(roles) AND NOT disabled,
                   (SELECT count(*) FROM staff_accounts WHERE 'admin' = ANY(roles) AND NOT disabled)
            FROM staff_accounts WHERE username = @u
            """, connection, tx))
        {
            guard.Parameters.AddWithValue("lock", AdminGuardLock);
            guard.Parameters.AddWithValue("u", username);
            await using var r = await guard.ExecuteReaderAsync(ct);
            await r.NextResultAsync(ct);
            if (!await r.ReadAsync(ct))
            {
                throw NotFound(username);
            }
            if (removesAdmin && r.GetBoolean(0) && r.GetInt64(1) <= 1)
            {
                throw new LoyaltyException(ErrorCodes.StaffLastAdmin,
                    $"'{username}' is the only enabled administrator: make another one first.", 409);
            }
        }
        await change(connection, tx);
        await tx.CommitAsync(ct);
    }

    private static LoyaltyException NotFound(string username) =>
        new(ErrorCodes.StaffNotFound, $"No staff account '{username}'.", 404);
}

public sealed record StaffView(string Username, IReadOnlyList<string> Roles, IReadOnlyList<string> StoreIds, DateTimeOffset CreatedAt,
    bool Disabled, DateTimeOffset? DisabledAt);
