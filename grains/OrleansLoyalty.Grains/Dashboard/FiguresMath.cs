using OrleansLoyalty.Contracts.Dashboard;

namespace OrleansLoyalty.Grains.Dashboard;

/// <summary>The derived figures (net sales, average basket, member share) in one place, for stores and the chain alike.</summary>
internal static class FiguresMath
{
    public static DashboardFigures WithRatios(DashboardFigures f) => f with
    {
        NetSales = f.GrossSales - f.Refunds,
        AverageBasket = f.Transactions == 0 ? 0 : f.GrossSales / f.Transactions,
        MemberShareBasisPoints = f.GrossSales <= 0 ? 0 : (int)Math.Clamp(f.MemberSales * 10_000 / f.GrossSales, 0, 10_000),
    };

    public static DashboardFigures Sum(IEnumerable<DashboardFigures> all) => WithRatios(all.Aggregate(DashboardFigures.Empty, (a, b) => a with
    {
        GrossSales = a.GrossSales + b.GrossSales,
        Refunds = a.Refunds + b.Refunds,
        Transactions = a.Transactions + b.Transactions,
        Returns = a.Returns + b.Returns,
        MemberSales = a.MemberSales + b.MemberSales,
        MemberTransactions = a.MemberTransactions + b.MemberTransactions,
        DiscountTotal = a.DiscountTotal + b.DiscountTotal,
        PointsIssued = a.PointsIssued + b.PointsIssued,
        PointsRedeemed = a.PointsRedeemed + b.PointsRedeemed,
        StoredValueToppedUp = a.StoredValueToppedUp + b.StoredValueToppedUp,
        StoredValueSpent = a.StoredValueSpent + b.StoredValueSpent,
        NewMembers = a.NewMembers + b.NewMembers,
        CouponsRedeemed = a.CouponsRedeemed + b.CouponsRedeemed,
        LanesOnline = a.LanesOnline + b.LanesOnline,
        LanesTotal = a.LanesTotal + b.LanesTotal,
    }));
}
