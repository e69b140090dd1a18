using Npgsql;

namespace OrleansLoyalty.Api.Reports;

/// <summary>GET /reports/segments/{segment}/members: a segment's members with their figures, paged by member id. Ids only.</summary>
public sealed record SegmentMembers(string Segment, IReadOnlyList<SegmentMember> Members, string? Next)
{
    private static readonly string Sql = $"""
        SELECT member_id, home_store_id, recency_days, purchases, spend, r, f, m, churn_risk
        FROM member_analysis
        WHERE segment = @segment AND (@after::text IS NULL OR member_id > @after) AND {string.Format(StoreDaySql.InScope, "home_store_id")}
        ORDER BY member_id
        LIMIT @limit
        """;

    /// <param name="limit">Null: every member of the segment (a file export).</param>
    public static async Task<SegmentMembers> Read(NpgsqlDataSource db, string segment, IReadOnlyList<string>? storeIds, string? after, int? limit, CancellationToken ct)
    {
        await using var command = db.CreateCommand(Sql);
        command.Parameters.AddWithValue("segment", segment);
        command.Parameters.Add(new NpgsqlParameter<string?>("after", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = after });
        command.Parameters.Add(StoreDaySql.Stores(storeIds));
        command.Parameters.Add(new NpgsqlParameter<long?>("limit", NpgsqlTypes.NpgsqlDbType.Bigint) { TypedValue = limit + 1 });
        var members = new List<SegmentMember>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            if (members.Count == limit)
            {
                return new SegmentMembers(segment, members, members[^1].MemberId);
            }
            members.Add(new SegmentMember(r.GetString(0), r.GetString(1), NullableInt(r, 2), r.GetInt32(3), r.GetInt64(4),
                NullableInt(r, 5), NullableInt(r, 6), NullableInt(r, 7), r.GetString(8)));
        }
        return new SegmentMembers(segment, members, null);
    }

    private static int? NullableInt(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : Convert.ToInt32(r.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record SegmentMember(string MemberId, string StoreId, int? RecencyDays, int Purchases12m, long Spend12m, int? R, int? F, int? M, string ChurnRisk);
