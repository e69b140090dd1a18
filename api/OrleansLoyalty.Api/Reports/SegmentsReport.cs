using Npgsql;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Api.Reports;

/// <summary>GET /reports/segments: the last analysis run's members per segment and churn risk, for the stores in scope.</summary>
public sealed record SegmentsReport(DateTimeOffset? AsOf, DateTimeOffset? RefreshedAt, IReadOnlyList<string>? StoreIds,
    IReadOnlyList<SegmentFigures> Segments, ChurnCounts Churn)
{
    private const string LastRunSql = "SELECT as_of, finished_at FROM analysis_runs ORDER BY id DESC LIMIT 1";

    private static readonly string SegmentsSql = $"""
        SELECT segment, count(*)::int, coalesce(sum(spend), 0)::bigint,
               (count(*) FILTER (WHERE churn_risk = 'low'))::int, (count(*) FILTER (WHERE churn_risk = 'medium'))::int,
               (count(*) FILTER (WHERE churn_risk = 'high'))::int
        FROM member_analysis WHERE {string.Format(StoreDaySql.InScope, "home_store_id")}
        GROUP BY segment
        """;

    public static async Task<SegmentsReport> Read(NpgsqlDataSource db, IReadOnlyList<string>? storeIds, CancellationToken ct)
    {
        DateTimeOffset? asOf = null, refreshedAt = null;
        await using (var command = db.CreateCommand(LastRunSql))
        await using (var r = await command.ExecuteReaderAsync(ct))
        {
            if (await r.ReadAsync(ct))
            {
                (asOf, refreshedAt) = (r.GetFieldValue<DateTimeOffset>(0), r.GetFieldValue<DateTimeOffset>(1));
            }
        }
        var found = new Dictionary<string, (int Members, long Spend)>(StringComparer.Ordinal);
        var churn = new ChurnCounts(0, 0, 0);
        await using (var command = db.CreateCommand(SegmentsSql))
        {
            command.Parameters.Add(StoreDaySql.Stores(storeIds));
            await using var r = await command.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                found[r.GetString(0)] = (r.GetInt32(1), r.GetInt64(2));
                churn = new ChurnCounts(churn.Low + r.GetInt32(3), churn.Medium + r.GetInt32(4), churn.High + r.GetInt32(5));
            }
        }
        // Every segment, in the table's order, also those no member is in: the chart's axis does not move between runs.
        var segments = Segment.All.Select(s => found.TryGetValue(s, out var f)
            ? new SegmentFigures(s, f.Members, f.Spend, (2 * f.Spend + f.Members) / (2L * f.Members))
            : new SegmentFigures(s, 0, 0, 0)).ToList();
        return new SegmentsReport(asOf, refreshedAt, storeIds, segments, churn);
    }
}

/// <summary>A segment's members and what they spent over the window; the average is rounded half up to the fen.</summary>
public sealed record SegmentFigures(string Segment, int Members, long Spend12m, long AverageSpend);

public sealed record ChurnCounts(int Low, int Medium, int High);
