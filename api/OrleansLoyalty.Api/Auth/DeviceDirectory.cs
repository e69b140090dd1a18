using Npgsql;

namespace OrleansLoyalty.Api.Auth;

/// <summary>A store's lane and gateway credentials as head office manages them: list and revoke.</summary>
public sealed class DeviceDirectory(NpgsqlDataSource db, TimeProvider clock)
{
    public async Task<IReadOnlyList<DeviceView>> List(string storeId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT device_id, client_id, role, created_at, disabled, disabled_at FROM device_credentials WHERE store_id = @s ORDER BY device_id
            """);
        cmd.Parameters.AddWithValue("s", storeId);
        var devices = new List<DeviceView>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            devices.Add(new DeviceView(r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), r.GetBoolean(4),
                r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5)));
        }
        return devices;
    }

    /// <summary>The device's client id now, or null when the store has no such device.</summary>
    public async Task<string?> ClientIdOf(string storeId, string deviceId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT client_id FROM device_credentials WHERE store_id = @s AND device_id = @d");
        cmd.Parameters.AddWithValue("s", storeId);
        cmd.Parameters.AddWithValue("d", deviceId);
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>The device can no longer get a token (new credentials for it enable it again); its client id, or null.</summary>
    public async Task<string?> Disable(string storeId, string deviceId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE device_credentials SET disabled = true, disabled_at = coalesce(disabled_at, @at)
            WHERE store_id = @s AND device_id = @d RETURNING client_id
            """);
        cmd.Parameters.AddWithValue("s", storeId);
        cmd.Parameters.AddWithValue("d", deviceId);
        cmd.Parameters.AddWithValue("at", clock.GetUtcNow());
        return await cmd.ExecuteScalarAsync(ct) as string;
    }
}

public sealed record DeviceView(string DeviceId, string ClientId, string Role, DateTimeOffset CreatedAt, bool Disabled, DateTimeOffset? DisabledAt);
