namespace OrleansLoyalty.Api.Reports;

/// <summary>The figures of a sales report's row (docs/reports.md, "Figures"); money in fen.</summary>
public record SalesFigures
{
    public int Sales { get; init; }
    public int Returns { get; init; }
    public int MemberSales { get; init; }
    public long Revenue { get; init; }
    public long Discounts { get; init; }
    public long AverageBasket => Sales == 0 ? 0 : (2 * SalesTotal + Sales) / (2L * Sales);
    public long PointsEarned { get; init; }
    public long PointsRedeemed { get; init; }
    public long StoredValueSpent { get; init; }
    public int CouponsRedeemed { get; init; }
    public int NewMembers { get; init; }

    /// <summary>What the sales alone took (returns not deducted): the average basket's numerator.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long SalesTotal { get; init; }

    public static readonly SalesFigures Zero = new();

    public SalesFigures Plus(SalesFigures o) => new()
    {
        Sales = Sales + o.Sales,
        Returns = Returns + o.Returns,
        MemberSales = MemberSales + o.MemberSales,
        Revenue = Revenue + o.Revenue,
        Discounts = Discounts + o.Discounts,
        PointsEarned = PointsEarned + o.PointsEarned,
        PointsRedeemed = PointsRedeemed + o.PointsRedeemed,
        StoredValueSpent = StoredValueSpent + o.StoredValueSpent,
        CouponsRedeemed = CouponsRedeemed + o.CouponsRedeemed,
        NewMembers = NewMembers + o.NewMembers,
        SalesTotal = SalesTotal + o.SalesTotal,
    };
}
