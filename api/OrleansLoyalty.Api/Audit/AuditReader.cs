using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace OrleansLoyalty.Api.Audit;

/// <summary>Reads the audit log newest first, keyset-paged by entry id, narrowed by resource, actor or action.</summary>
public sealed class AuditReader(NpgsqlDataSource db)
{
    public async Task<AuditPage> ReadAsync(AuditQuery query, CancellationToken ct)
    {
        // Only the filters given go into the statement, so each query can use its index (resource, or actor).
        var conditions = new List<string>();
        await using var cmd = db.CreateCommand();
        Filter(cmd, conditions, "resource", query.Resource);
        Filter(cmd, conditions, "actor", query.Actor);
        Filter(cmd, conditions, "action", query.Action);
        if (query.Before is { } before)
        {
            conditions.Add("id < @before");
            cmd.Parameters.AddWithValue("before", before);
        }
        cmd.CommandText = $"""
            SELECT id, at, actor, action, resource, store_id, detail::text FROM audit_log
            {(conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions))}
            ORDER BY id DESC LIMIT @limit
            """;
        cmd.Parameters.AddWithValue("limit", query.Limit + 1);
        var entries = new List<AuditEntry>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            if (entries.Count == query.Limit)
            {
                return new AuditPage(entries, entries[^1].Id.ToString(CultureInfo.InvariantCulture));
            }
            entries.Add(new AuditEntry(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetString(3), r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : JsonDocument.Parse(r.GetString(6)).RootElement.Clone()));
        }
        return new AuditPage(entries, null);
    }

    private static void Filter(NpgsqlCommand cmd, List<string> conditions, string column, string? value)
    {
        if (value is not null)
        {
            conditions.Add($"{column} = @{column}");
            cmd.Parameters.AddWithValue(column, value);
        }
    }
}

public sealed record AuditQuery(string? Resource, string? Actor, string? Action, long? Before, int Limit);

public sealed record AuditEntry(long Id, DateTimeOffset At, string Actor, string Action, string Resource, string? StoreId, JsonElement? Detail);

/// <summary>A page of the audit log; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, string? NextCursor);
