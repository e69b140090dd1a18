namespace OrleansLoyalty.Api.Reports;

/// <summary>GET /reports/sales: the figures per period, per store over the range, and in total.</summary>
public sealed record SalesReport(
    DateOnly From, DateOnly To, string By, IReadOnlyList<string>? StoreIds,
    IReadOnlyList<SalesPeriod> Periods, IReadOnlyList<StoreSales> Stores, SalesFigures Totals)
{
    public static SalesReport Build(ReportScope scope, IReadOnlyList<(string StoreId, DateOnly Day, SalesFigures Figures)> rows)
    {
        var byPeriod = rows.GroupBy(r => ReportPeriods.Of(r.Day, scope.By)).ToDictionary(g => g.Key, Sum);
        var periods = ReportPeriods.Between(scope.From, scope.To, scope.By)
            .Select(p => new SalesPeriod(p, byPeriod.GetValueOrDefault(p) ?? SalesFigures.Zero)).ToList();
        var stores = rows.GroupBy(r => r.StoreId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new StoreSales(g.Key, Sum(g))).ToList();
        return new SalesReport(scope.From, scope.To, scope.By, scope.StoreIds, periods, stores, Sum(rows));
    }

    private static SalesFigures Sum(IEnumerable<(string StoreId, DateOnly Day, SalesFigures Figures)> rows) =>
        rows.Aggregate(SalesFigures.Zero, (sum, r) => sum.Plus(r.Figures));
}

/// <summary>A period's figures, flat in JSON: <c>{period, sales, revenue, …}</c>.</summary>
public sealed record SalesPeriod : SalesFigures
{
    public SalesPeriod(string period, SalesFigures figures) : base(figures) => Period = period;

    public string Period { get; }
}

/// <summary>A store's figures over the range, flat in JSON: <c>{storeId, sales, revenue, …}</c>.</summary>
public sealed record StoreSales : SalesFigures
{
    public StoreSales(string storeId, SalesFigures figures) : base(figures) => StoreId = storeId;

    public string StoreId { get; }
}
