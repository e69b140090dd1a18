using OrleansLoyalty.Contracts.Dashboard;

namespace OrleansLoyalty.Grains.Dashboard;

/// <summary>The running sums of one business day; turned into <see cref="DashboardFigures"/> on demand.</summary>
internal sealed class DayCounters
{
    public long GrossSales;
    public long Refunds;
    public long Transactions;
    public long Returns;
    public long MemberSales;
    public long MemberTransactions;
    public long DiscountTotal;
    public long PointsIssued;
    public long PointsRedeemed;
    public long StoredValueToppedUp;
    public long StoredValueSpent;
    public long NewMembers;
    public long CouponsRedeemed;

    public DashboardFigures ToFigures(int lanesOnline, int lanesTotal) => FiguresMath.WithRatios(new DashboardFigures
    {
        GrossSales = GrossSales,
        Refunds = Refunds,
        Transactions = Transactions,
        Returns = Returns,
        MemberSales = MemberSales,
        MemberTransactions = MemberTransactions,
        DiscountTotal = DiscountTotal,
        PointsIssued = PointsIssued,
        PointsRedeemed = PointsRedeemed,
        StoredValueToppedUp = StoredValueToppedUp,
        StoredValueSpent = StoredValueSpent,
        NewMembers = NewMembers,
        CouponsRedeemed = CouponsRedeemed,
        LanesOnline = lanesOnline,
        LanesTotal = lanesTotal,
    });
}
