using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Orleans.Storage;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Ledger;
using OrleansLoyalty.Grains.Checkout;
using OrleansLoyalty.Grains.Ledger;
using OrleansLoyalty.Grains.Notifications;
using OrleansLoyalty.Grains.Persistence;
using OrleansLoyalty.Grains.Reporting;

namespace OrleansLoyalty.Silo.Storage;

/// <summary>
/// Grain state in PostgreSQL (table <c>loyalty_grain_state</c>, deploy/sql/0004), read and written in group commits:
/// the writes of every grain that saves while a flush is in flight go in the next statement together. A member's
/// checkout, a card's debit and a coupon's redemption each still hear "saved" only once their own row is durable.
/// A state that carries <see cref="StateCompanions"/> (ledger entries, the checkout it commits or begins, report facts,
/// outbox messages) has them
/// written in the same transaction, and only if the state itself is written.
/// The row's version is the ETag: a write that expects another version fails with <see cref="InconsistentStateException"/>,
/// so two activations of one grain (possible for a moment while a silo dies) can never both win.
/// </summary>
public sealed class PostgresGrainStorage : IGrainStorage
{
    private readonly NpgsqlDataSource _db;
    private readonly IGrainStorageSerializer _serializer;
    private readonly string _serviceId;
    private readonly GroupCommit<StateWrite, WriteOutcome> _writes;
    private readonly GroupCommit<StateKey, StoredState?> _reads;

    public PostgresGrainStorage(NpgsqlDataSource db, IGrainStorageSerializer serializer, string serviceId, GroupCommitOptions options)
    {
        _db = db;
        _serializer = serializer;
        _serviceId = serviceId;
        _writes = new GroupCommit<StateWrite, WriteOutcome>(WriteBatch, options);
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
        var companions = grainState.State is IHasCompanions c && !c.Companions.IsEmpty ? c.Companions : null;
        var write = new StateWrite(stateName, grainId.ToString(), payload, expected,
            companions?.Ledger.ToList() ?? [], companions?.Checkout, companions?.PlannedCheckout, companions?.Facts, companions?.Messages.ToList() ?? []);
        // Taken: whatever happens to this write, the rows go with it or not at all, never with a later one.
        companions?.Clear();
        var outcome = await _writes.Submit(write);
        if (outcome.CheckoutRefused)
        {
            throw new CheckoutAlreadyRecordedException(write.CheckoutTxnId!);
        }
        if (outcome.Version is not { } version)
        {
            throw new InconsistentStateException(
                $"The stored version of {stateName} for {grainId} is not {grainState.ETag ?? "(none)"}: another activation wrote it.",
                storedEtag: "unknown", currentEtag: grainState.ETag ?? "");
        }
        grainState.ETag = Etag(version);
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

    /// <summary>
    /// One transaction for the whole batch: the checkouts first (a txnId that already has a row refuses its write), then
    /// the states, then the ledger, report and outbox rows of the states that were written. A checkout whose state then failed
    /// its version check is taken back before the commit, so every write lands whole or not at all.
    /// </summary>
    private async Task<IReadOnlyList<WriteOutcome>> WriteBatch(IReadOnlyList<StateWrite> writes)
    {
        await using var connection = await _db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var refused = await RecordCheckouts(connection, transaction, writes);
        var versions = await WriteStates(connection, transaction, writes, refused);
        var undone = writes.Where((w, i) => w.CheckoutTxnId is not null && !refused[i] && versions[i] is null).ToList();
        if (undone.Count > 0)
        {
            await CheckoutRecordSql.Revert(connection, transaction, [.. undone.Select(w => w.Checkout).OfType<CheckoutRecord>()],
                [.. undone.Select(w => w.PlannedCheckout).OfType<PlannedCheckoutRow>()]);
        }
        var written = writes.Where((_, i) => versions[i] is not null).ToList();
        var ledger = written.SelectMany(w => w.Ledger).ToList();
        if (ledger.Count > 0)
        {
            await LedgerSql.Append(connection, transaction, ledger);
        }
        var facts = written.Where(w => w.Facts is not null).Select(w => w.Facts!).ToList();
        if (facts.Count > 0)
        {
            await MemberFactsSql.Upsert(connection, transaction, facts);
        }
        var messages = written.SelectMany(w => w.Messages).ToList();
        if (messages.Count > 0)
        {
            await OutboxSql.Append(connection, transaction, messages);
        }
        await transaction.CommitAsync();
        return writes.Select((_, i) => new WriteOutcome(versions[i], refused[i])).ToList();
    }

    /// <summary>Writes the batch's checkout rows; true for each write whose checkout could not be recorded.</summary>
    private static async Task<bool[]> RecordCheckouts(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StateWrite> writes)
    {
        var refused = new bool[writes.Count];
        if (!writes.Any(w => w.CheckoutTxnId is not null))
        {
            return refused;
        }
        // The same txnId twice in one batch (two members given one txnId at the same instant, a card's debit beginning
        // a plan while a member settles the same txnId alone): the first one tries.
        var candidates = writes.Select((w, i) => (w, i)).Where(x => x.w.CheckoutTxnId is not null)
            .DistinctBy(x => x.w.CheckoutTxnId, StringComparer.Ordinal).ToList();
        var inserts = candidates.Select(x => x.w.Checkout).OfType<CheckoutRecord>().Where(c => !c.CompletesPlannedRow).ToList();
        var completions = candidates.Select(x => x.w.Checkout).OfType<CheckoutRecord>().Where(c => c.CompletesPlannedRow).ToList();
        var planned = candidates.Select(x => x.w.PlannedCheckout).OfType<PlannedCheckoutRow>().ToList();
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        if (inserts.Count > 0)
        {
            recorded.UnionWith(await CheckoutRecordSql.Insert(connection, transaction, inserts));
        }
        if (completions.Count > 0)
        {
            recorded.UnionWith(await CheckoutRecordSql.Complete(connection, transaction, completions));
        }
        if (planned.Count > 0)
        {
            recorded.UnionWith(await CheckoutRecordSql.Begin(connection, transaction, planned));
        }
        var kept = candidates.Select(x => x.i).ToHashSet();
        for (var i = 0; i < writes.Count; i++)
        {
            refused[i] = writes[i].CheckoutTxnId is { } txnId && (!kept.Contains(i) || !recorded.Contains(txnId));
        }
        return refused;
    }

    private async Task<int?[]> WriteStates(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StateWrite> writes, bool[] refused)
    {
        var results = new int?[writes.Count];
        var indexes = Enumerable.Range(0, writes.Count).Where(i => !refused[i]).ToList();
        if (indexes.Count == 0)
        {
            return results;
        }
        // Updates where the caller's version still holds, inserts where the caller expects no row; anything else
        // (a stale version, a row that appeared meanwhile) matches nothing and its caller gets NULL back.
        await using var cmd = new NpgsqlCommand("""
            WITH input AS (
                SELECT * FROM unnest(@names, @ids, @payloads, @expected, @ords) AS i(state_name, grain_id, payload, expected, ord)),
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
            """, connection, transaction);
        cmd.Parameters.AddWithValue("s", _serviceId);
        cmd.Parameters.Add(new NpgsqlParameter("names", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = indexes.Select(i => writes[i].StateName).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = indexes.Select(i => writes[i].GrainId).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = indexes.Select(i => writes[i].Payload).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("expected", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = indexes.Select(i => writes[i].ExpectedVersion).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("ords", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = indexes.ToArray() });
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            results[reader.GetInt32(0)] = reader.GetInt32(1);
        }
        return results;
    }

    private static int? ExpectedVersion(string? etag) =>
        etag is null ? null : int.Parse(etag, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Etag(int version) => version.ToString(CultureInfo.InvariantCulture);

    private sealed record StateKey(string StateName, string GrainId);

    private sealed record StateWrite(string StateName, string GrainId, byte[] Payload, int? ExpectedVersion,
        IReadOnlyList<LedgerEntry> Ledger, CheckoutRecord? Checkout, PlannedCheckoutRow? PlannedCheckout, MemberFacts? Facts,
        IReadOnlyList<OutboxMessage> Messages)
    {
        /// <summary>The checkout whose row this write records, completes or begins (a write does one at most).</summary>
        public string? CheckoutTxnId => Checkout?.TxnId ?? PlannedCheckout?.TxnId;
    }

    /// <summary>The version written, or null when the expected version did not hold; or the checkout was refused.</summary>
    private sealed record WriteOutcome(int? Version, bool CheckoutRefused);

    private sealed record StoredState(byte[]? Payload, int Version);
}
