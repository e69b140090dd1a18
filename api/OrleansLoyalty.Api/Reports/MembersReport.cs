using Npgsql;

namespace OrleansLoyalty.Api.Reports;

/// <summary>GET /reports/members: sign-ups per period and channel, and today's tier mix of the stores' members.</summary>
public sealed record MembersReport(
    DateOnly From, DateOnly To, string By, IReadOnlyList<string>? StoreIds,
    IReadOnlyList<MembersPeriod> Periods, IReadOnlyList<TierCount> Tiers, IReadOnlyList<ChannelCount> Channels)
{
    private static readonly string SignUpsSql = $"""
        SELECT {StoreDaySql.LocalDay("m.registered_at")} AS day, m.channel, count(*)::int
        FROM members m LEFT JOIN stores s ON s.store_id = m.store_id
        WHERE m.registered_at >= @from_utc AND m.registered_at < @to_utc AND {string.Format(StoreDaySql.InScope, "m.store_id")}
        GROUP BY 1, 2
        """;

    // Erased members are no longer anyone's members; their sales still count in the sales report.
    private static readonly string TiersSql = $"""
        SELECT m.tier, count(*)::int FROM members m
        WHERE m.erased_at IS NULL AND {string.Format(StoreDaySql.InScope, "m.store_id")}
        GROUP BY 1 ORDER BY 2 DESC, 1
        """;

    public static async Task<MembersReport> Read(NpgsqlDataSource db, ReportScope scope, string chainZone, CancellationToken ct)
    {
        var signUps = new List<(DateOnly Day, string Channel, int Count)>();
        await using (var command = db.CreateCommand(SignUpsSql))
        {
            StoreDaySql.AddScope(command, scope, chainZone);
            await using var r = await command.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var day = r.GetFieldValue<DateOnly>(0);
                if (day >= scope.From && day <= scope.To)
                {
                    signUps.Add((day, r.GetString(1), r.GetInt32(2)));
                }
            }
        }
        var tiers = new List<TierCount>();
        await using (var command = db.CreateCommand(TiersSql))
        {
            StoreDaySql.AddScope(command, scope, chainZone);
            await using var r = await command.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                tiers.Add(new TierCount(r.GetString(0), r.GetInt32(1)));
            }
        }
        var byPeriod = signUps.GroupBy(s => ReportPeriods.Of(s.Day, scope.By)).ToDictionary(g => g.Key, g => g.ToList());
        var periods = ReportPeriods.Between(scope.From, scope.To, scope.By).Select(p =>
        {
            var rows = byPeriod.GetValueOrDefault(p) ?? [];
            return new MembersPeriod(p, rows.Sum(s => s.Count),
                rows.GroupBy(s => s.Channel).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(s => s.Count)));
        }).ToList();
        var channels = signUps.GroupBy(s => s.Channel).Select(g => new ChannelCount(g.Key, g.Sum(s => s.Count)))
            .OrderByDescending(c => c.Members).ThenBy(c => c.Channel, StringComparer.Ordinal).ToList();
        return new MembersReport(scope.From, scope.To, scope.By, scope.StoreIds, periods, tiers, channels);
    }
}

public sealed record MembersPeriod(string Period, int NewMembers, IReadOnlyDictionary<string, int> ByChannel);

public sealed record TierCount(string Tier, int Members);

public sealed record ChannelCount(string Channel, int Members);
