using System.Text.Json;
using Npgsql;

namespace OrleansLoyalty.Api.Reports;

/// <summary>GET /members/{memberId}/analysis: one member's row of the last analysis run.</summary>
public sealed record MemberAnalysisView(
    string MemberId, DateTimeOffset AsOf, string Segment, int? R, int? F, int? M, int? RecencyDays, int Purchases12m, long Spend12m,
    int? UsualIntervalDays, string ChurnRisk, string HomeStoreId, string? PreferredStoreId, IReadOnlyList<CategoryRevenue> TopCategories)
{
    private const string Sql = """
        SELECT a.segment, a.r, a.f, a.m, a.recency_days, a.purchases, a.spend, a.usual_interval_days, a.churn_risk, a.home_store_id,
               a.preferred_store_id, a.top_categories, (SELECT as_of FROM analysis_runs ORDER BY id DESC LIMIT 1)
        FROM member_analysis a WHERE a.member_id = @m
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Null when the last run did not see the member (registered since, or no run yet).</summary>
    public static async Task<MemberAnalysisView?> Read(NpgsqlDataSource db, string memberId, CancellationToken ct)
    {
        await using var command = db.CreateCommand(Sql);
        command.Parameters.AddWithValue("m", memberId);
        await using var r = await command.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct))
        {
            return null;
        }
        int? Small(int i) => r.IsDBNull(i) ? null : r.GetInt16(i);
        int? Int(int i) => r.IsDBNull(i) ? null : r.GetInt32(i);
        return new MemberAnalysisView(memberId, r.GetFieldValue<DateTimeOffset>(12), r.GetString(0), Small(1), Small(2), Small(3), Int(4),
            r.GetInt32(5), r.GetInt64(6), Int(7), r.GetString(8), r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10),
            JsonSerializer.Deserialize<List<CategoryRevenue>>(r.GetString(11), Json) ?? []);
    }
}
