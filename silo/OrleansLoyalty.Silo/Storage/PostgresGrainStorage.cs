using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Orleans.Storage;
using OrleansLoyalty.Grains.Persistence;

namespace OrleansLoyalty.Silo.Storage;

/// <summary>
/// Grain state in PostgreSQL (table <c>loyalty_grain_state</c>, deploy/sql/0004), read and written in group commits:
/// the writes of every grain that saves while a flush is in flight go in the next statement together. A member's
/// checkout, a card's debit and a coupon's redemption each still hear "saved" only once their own row is durable.
/// The row's version is the ETag: a write that expects another version fails with <see cref="InconsistentStateException"/>,
/// so two activations of one grain (possible for a moment while a silo dies) can never both win.
/// </summary>
public sealed class PostgresGrainStorage : IGrainStorage
{
    private readonly NpgsqlDataSource _db;
    private readonly IGrainStorageSerializer _serializer;
    private readonly string _serviceId;
    private readonly GroupCommit<StateWrite, int?> _writes;
    private readonly GroupCommit<StateKey, StoredState?> _reads;

    public PostgresGrainStorage(NpgsqlDataSource db, IGrainStorageSerializer serializer, string serviceId, GroupCommitOptions options)
    {
        _db = db;
        _serializer = serializer;
        _serviceId = serviceId;
        _writes = new GroupCommit<StateWrite, int?>(WriteBatch, options);
        _reads = new GroupCommit<StateKey, StoredState?>(ReadBatch, options);
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = await _reads.Submit(new StateKey(stateName, grainId.ToString()));
        if (stored is { Payload: { } payload })
        {
            grainState.State = _serializer.Deserialize<T>(new BinaryData(payload));
            grainState.ETag = Etag(stored.Version);
            grainState.RecordExists = true;
            return;
        }
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = stored is null ? null : Etag(stored.Version);
        grainState.RecordExists = false;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = _serializer.Serialize(grainState.State).ToArray();
        var expected = ExpectedVersion(grainState.ETag);
        var version = await _writes.Submit(new StateWrite(stateName, grainId.ToString(), payload, expected));
        if (version is null)
        {
            throw new InconsistentStateException(
                $"The stored version of {stateName} for {grainId} is not {grainState.ETag ?? "(none)"}: another activation wrote it.",
                storedEtag: "unknown", currentEtag: grainState.ETag ?? "");
        }
        grainState.ETag = Etag(version.Value);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // Rare (erasure): one statement of its own. The row stays with no payload, so its version keeps counting up.
        await using var cmd = _db.CreateCommand("""
            UPDATE loyalty_grain_state SET payload = NULL, version = version + 1, modified_at = now()
            WHERE service_id = @s AND state_name = @n AND grain_id = @g AND version = @v
            RETURNING version
            """);
        cmd.Parameters.AddWithValue("s", _serviceId);
        cmd.Parameters.AddWithValue("n", stateName);
        cmd.Parameters.AddWithValue("g", grainId.ToString());
        cmd.Parameters.AddWithValue("v", ExpectedVersion(grainState.ETag) ?? 0);
        var version = await cmd.ExecuteScalarAsync();
        if (grainState.ETag is not null && version is null)
        {
            throw new InconsistentStateException($"The stored version of {stateName} for {grainId} is not {grainState.ETag}.",
                storedEtag: "unknown", currentEtag: grainState.ETag);
        }
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = version is int v ? Etag(v) : null;
        grainState.RecordExists = false;
    }

    private async Task<IReadOnlyList<StoredState?>> ReadBatch(IReadOnlyList<StateKey> keys)
    {
        await using var cmd = _db.CreateCommand("""
            SELECT k.ord, g.payload, g.version
            FROM unnest(@names, @ids) WITH ORDINALITY AS k(state_name, grain_id, ord)
            JOIN loyalty_grain_state g ON g.service_id = @s AND g.state_name = k.state_name AND g.grain_id = k.grain_id
            """);
        cmd.Parameters.AddWithValue("s", _serviceId);
        cmd.Parameters.Add(new NpgsqlParameter("names", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.Select(k => k.StateName).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.Select(k => k.GrainId).ToArray() });
        var results = new StoredState?[keys.Count];
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var index = (int)reader.GetInt64(0) - 1;
            results[index] = new StoredState(reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1), reader.GetInt32(2));
        }
        return results;
    }

    private async Task<IReadOnlyList<int?>> WriteBatch(IReadOnlyList<StateWrite> writes)
    {
        // Updates where the caller's version still holds, inserts where the caller expects no row; anything else
        // (a stale version, a row that appeared meanwhile) matches nothing and its caller gets NULL back.
        await using var cmd = _db.CreateCommand("""
            WITH input AS (
                SELECT * FROM unnest(@names, @ids, @payloads, @expected) WITH ORDINALITY AS i(state_name, grain_id, payload, expected, ord)),
            updated AS (
                UPDATE loyalty_grain_state g SET payload = i.payload, version = g.version + 1, modified_at = now()
                FROM input i
                WHERE i.expected IS NOT NULL AND g.service_id = @s AND g.state_name = i.state_name AND g.grain_id = i.grain_id
                  AND g.version = i.expected
                RETURNING i.ord, g.version),
            -- Two activations creating one grain in the same batch: only the first may try.
            creating AS (
                SELECT DISTINCT ON (state_name, grain_id) * FROM input WHERE expected IS NULL ORDER BY state_name, grain_id, ord),
            inserted AS (
                INSERT INTO loyalty_grain_state (service_id, state_name, grain_id, payload, version)
                SELECT @s, c.state_name, c.grain_id, c.payload, 1 FROM creating c
                ON CONFLICT DO NOTHING
                RETURNING state_name, grain_id, version)
            SELECT ord, version FROM updated
            UNION ALL
            SELECT c.ord, n.version FROM inserted n JOIN creating c USING (state_name, grain_id)
            """);
        cmd.Parameters.AddWithValue("s", _serviceId);
        cmd.Parameters.Add(new NpgsqlParameter("names", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = writes.Select(w => w.StateName).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = writes.Select(w => w.GrainId).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = writes.Select(w => w.Payload).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("expected", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = writes.Select(w => w.ExpectedVersion).ToArray() });
        var results = new int?[writes.Count];
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            results[(int)reader.GetInt64(0) - 1] = reader.GetInt32(1);
        }
        return results;
    }

    private static int? ExpectedVersion(string? etag) =>
        etag is null ? null : int.Parse(etag, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Etag(int version) => version.ToString(CultureInfo.InvariantCulture);

    private sealed record StateKey(string StateName, string GrainId);

    private sealed record StateWrite(string StateName, string GrainId, byte[] Payload, int? ExpectedVersion);

    private sealed record StoredState(byte[]? Payload, int Version);
}
