using Npgsql;

namespace OrleansLoyalty.Api.Auth;

/// <summary>Staff accounts and device credentials in PostgreSQL. Only hashes are stored.</summary>
public sealed class CredentialStore(NpgsqlDataSource db, TimeProvider clock)
{
    public async Task<StaffAccount?> FindStaff(string username, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT username, password_hash, roles, store_ids FROM staff_accounts WHERE username = @u AND NOT disabled");
        cmd.Parameters.AddWithValue("u", username);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct)
            ? new StaffAccount(r.GetString(0), r.GetString(1), r.GetFieldValue<string[]>(2), r.GetFieldValue<string[]>(3))
            : null;
    }

    /// <summary>False when the username is taken.</summary>
    public async Task<bool> TryAddStaff(StaffAccount account, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO staff_accounts (username, password_hash, roles, store_ids, created_at)
            VALUES (@u, @h, @r, @s, @at) ON CONFLICT (username) DO NOTHING
            """);
        cmd.Parameters.AddWithValue("u", account.Username);
        cmd.Parameters.AddWithValue("h", account.PasswordHash);
        cmd.Parameters.AddWithValue("r", account.Roles);
        cmd.Parameters.AddWithValue("s", account.StoreIds);
        cmd.Parameters.AddWithValue("at", clock.GetUtcNow());
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<DeviceCredential?> FindDevice(string clientId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT client_id, secret_hash, store_id, device_id, role FROM device_credentials WHERE client_id = @c AND NOT disabled");
        cmd.Parameters.AddWithValue("c", clientId);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct)
            ? new DeviceCredential(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4))
            : null;
    }

    /// <summary>Adds or re-keys a device: issuing credentials again for the same device replaces the old secret.</summary>
    public async Task SaveDevice(DeviceCredential device, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO device_credentials (client_id, secret_hash, store_id, device_id, role, created_at)
            VALUES (@c, @h, @s, @d, @r, @at)
            ON CONFLICT (store_id, device_id) DO UPDATE
              SET client_id = excluded.client_id, secret_hash = excluded.secret_hash, role = excluded.role,
                  created_at = excluded.created_at, disabled = false, disabled_at = NULL
            """);
        cmd.Parameters.AddWithValue("c", device.ClientId);
        cmd.Parameters.AddWithValue("h", device.SecretHash);
        cmd.Parameters.AddWithValue("s", device.StoreId);
        cmd.Parameters.AddWithValue("d", device.DeviceId);
        cmd.Parameters.AddWithValue("r", device.Role);
        cmd.Parameters.AddWithValue("at", clock.GetUtcNow());
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

public sealed record StaffAccount(string Username, string PasswordHash, string[] Roles, string[] StoreIds);

public sealed record DeviceCredential(string ClientId, string SecretHash, string StoreId, string DeviceId, string Role);
