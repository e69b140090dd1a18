using Npgsql;

namespace OrleansLoyalty.Api.Reports;

/// <summary>
/// GET /reports/ledger: points and stored value issued, used and given back per period, from the ledger; for the whole
/// chain also what it owes its members at the end of the range (points are worth a fen each: 100 points = ¥1).
/// </summary>
public sealed record LedgerReport(
    DateOnly From, DateOnly To, string By, IReadOnlyList<string>? StoreIds,
    IReadOnlyList<LedgerPeriod> Periods, LedgerFigures Totals, Outstanding? Outstanding)
{
    // Movements without a store (year-end expiry) belong to the chain: in a chain-wide report, on the chain's day.
    private static readonly string MovementsSql = $"""
        SELECT {StoreDaySql.LocalDay("l.at")} AS day, l.kind, coalesce(sum(l.points), 0)::bigint, coalesce(sum(l.amount), 0)::bigint
        FROM ledger_entries l LEFT JOIN stores s ON s.store_id = l.store_id
        WHERE l.at >= @from_utc AND l.at < @to_utc
          AND (@stores::text[] IS NULL OR l.store_id = ANY(@stores))
        GROUP BY 1, 2
        """;

    // Every movement ever recorded sums to every balance: no balance is kept anywhere the ledger does not explain.
    private const string OutstandingSql = """
        SELECT coalesce(sum(points), 0)::bigint, coalesce(sum(amount), 0)::bigint FROM ledger_entries WHERE at < @end
        """;

    public static async Task<LedgerReport> Read(NpgsqlDataSource db, ReportScope scope, TimeZoneInfo chainZone, CancellationToken ct)
    {
        var days = new List<(DateOnly Day, LedgerFigures Figures)>();
        await using (var command = db.CreateCommand(MovementsSql))
        {
            StoreDaySql.AddScope(command, scope, chainZone.Id);
            await using var r = await command.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var day = r.GetFieldValue<DateOnly>(0);
                if (day >= scope.From && day <= scope.To)
                {
                    days.Add((day, LedgerFigures.Of(r.GetString(1), r.GetInt64(2), r.GetInt64(3))));
                }
            }
        }
        var byPeriod = days.GroupBy(d => ReportPeriods.Of(d.Day, scope.By))
            .ToDictionary(g => g.Key, g => g.Aggregate(LedgerFigures.Zero, (sum, d) => sum.Plus(d.Figures)));
        var periods = ReportPeriods.Between(scope.From, scope.To, scope.By)
            .Select(p => new LedgerPeriod(p, byPeriod.GetValueOrDefault(p) ?? LedgerFigures.Zero)).ToList();
        var totals = days.Aggregate(LedgerFigures.Zero, (sum, d) => sum.Plus(d.Figures));
        return new LedgerReport(scope.From, scope.To, scope.By, scope.StoreIds, periods, totals,
            scope.StoreIds is null ? await ReadOutstanding(db, scope.To, chainZone, ct) : null);
    }

    private static async Task<Outstanding> ReadOutstanding(NpgsqlDataSource db, DateOnly to, TimeZoneInfo chainZone, CancellationToken ct)
    {
        var endLocal = to.AddDays(1).ToDateTime(TimeOnly.MinValue);
        // Npgsql writes timestamptz from UTC instants only.
        var end = new DateTimeOffset(endLocal, chainZone.GetUtcOffset(endLocal)).ToUniversalTime();
        await using var command = db.CreateCommand(OutstandingSql);
        command.Parameters.AddWithValue("end", end);
        await using var r = await command.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new Outstanding(end, r.GetInt64(0), r.GetInt64(0), r.GetInt64(1));
    }
}

/// <summary>A period's movements, flat in JSON: <c>{period, pointsEarned, …}</c>.</summary>
public sealed record LedgerPeriod : LedgerFigures
{
    public LedgerPeriod(string period, LedgerFigures figures) : base(figures) => Period = period;

    public string Period { get; }
}

/// <summary>What the chain owes its members at <see cref="AsOf"/>: points (and their cash value in fen) and stored value.</summary>
public sealed record Outstanding(DateTimeOffset AsOf, long Points, long PointsValue, long StoredValue);
