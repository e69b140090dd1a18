namespace OrleansLoyalty.Api.Reports;

/// <summary>Each report's tables as its file shows them (docs/reports.md, "Files"): a header names its JSON field in brackets.</summary>
public static class ReportTables
{
    public static IReadOnlyList<ReportTable> Of(SalesReport report) =>
    [
        Figures(new ReportTable("按期间").Text("期间", "period"), report.Periods.Select(p => (p.Period, (SalesFigures)p))),
        Figures(new ReportTable("按门店").Text("门店", "storeId"), report.Stores.Select(s => (s.StoreId, (SalesFigures)s))),
        Figures(new ReportTable("合计").Text("范围", "range"), [($"{report.From:yyyy-MM-dd}..{report.To:yyyy-MM-dd}", report.Totals)]),
    ];

    public static IReadOnlyList<ReportTable> Of(CategoryReport report)
    {
        var table = new ReportTable("品类").Text("品类", "category").Money("销售额", "revenue");
        foreach (var c in report.Categories)
        {
            table.Row(c.Category, c.Revenue);
        }
        return [table];
    }

    public static IReadOnlyList<ReportTable> Of(MembersReport report)
    {
        var channels = report.Channels.Select(c => c.Channel).Order(StringComparer.Ordinal).ToList();
        var periods = new ReportTable("新会员").Text("期间", "period").Count("新会员", "newMembers");
        foreach (var channel in channels)
        {
            periods.Count($"渠道 {channel}", $"byChannel.{channel}");
        }
        foreach (var p in report.Periods)
        {
            periods.Row([p.Period, p.NewMembers, .. channels.Select(c => (object?)p.ByChannel.GetValueOrDefault(c))]);
        }
        var tiers = new ReportTable("等级").Text("等级", "tier").Count("会员数", "members");
        foreach (var t in report.Tiers)
        {
            tiers.Row(t.Tier, t.Members);
        }
        return [periods, tiers];
    }

    public static IReadOnlyList<ReportTable> Of(LedgerReport report)
    {
        var table = new ReportTable("积分与储值").Text("期间", "period").Count("积分发放", "pointsEarned").Count("赠送积分", "pointsGifted")
            .Count("退货退回积分", "pointsReturned").Count("积分抵扣", "pointsRedeemed").Count("积分兑换", "pointsExchanged").Count("退货扣回积分", "pointsClawedBack")
            .Count("过期积分", "pointsExpired").Count("积分净增", "pointsNet").Money("储值充值", "storedValueToppedUp")
            .Money("退货退回储值", "storedValueReturned").Money("储值消费", "storedValueSpent").Money("储值退款", "storedValueRefunded")
            .Money("储值净增", "storedValueNet");
        foreach (var p in report.Periods)
        {
            table.Row(p.Period, p.PointsEarned, p.PointsGifted, p.PointsReturned, p.PointsRedeemed, p.PointsExchanged, p.PointsClawedBack, p.PointsExpired, p.PointsNet,
                p.StoredValueToppedUp, p.StoredValueReturned, p.StoredValueSpent, p.StoredValueRefunded, p.StoredValueNet);
        }
        if (report.Outstanding is not { } owed)
        {
            return [table];
        }
        var outstanding = new ReportTable("期末余额").Text("截至", "asOf").Count("积分余额", "points").Money("积分折现", "pointsValue").Money("储值余额", "storedValue")
            .Row(owed.AsOf.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture), owed.Points, owed.PointsValue, owed.StoredValue);
        return [table, outstanding];
    }

    public static IReadOnlyList<ReportTable> Of(SegmentsReport report)
    {
        var table = new ReportTable("分群").Text("分群", "segment").Count("会员数", "members").Money("近12个月消费", "spend12m").Money("人均消费", "averageSpend");
        foreach (var s in report.Segments)
        {
            table.Row(s.Segment, s.Members, s.Spend12m, s.AverageSpend);
        }
        return [table];
    }

    public static IReadOnlyList<ReportTable> Of(SegmentMembers list)
    {
        var table = new ReportTable(list.Segment).Text("会员号", "memberId").Text("所属门店", "storeId").Count("距上次消费天数", "recencyDays")
            .Count("近12个月消费次数", "purchases12m").Money("近12个月消费", "spend12m").Count("R", "r").Count("F", "f").Count("M", "m")
            .Text("流失风险", "churnRisk");
        foreach (var m in list.Members)
        {
            table.Row(m.MemberId, m.StoreId, m.RecencyDays, m.Purchases12m, m.Spend12m, m.R, m.F, m.M, m.ChurnRisk);
        }
        return [table];
    }

    private static ReportTable Figures(ReportTable table, IEnumerable<(string Key, SalesFigures Figures)> rows)
    {
        table.Count("销售笔数", "sales").Count("退货笔数", "returns").Count("会员销售笔数", "memberSales").Money("销售额", "revenue")
            .Money("优惠", "discounts").Money("客单价", "averageBasket").Count("积分发放", "pointsEarned").Count("积分抵扣", "pointsRedeemed")
            .Money("储值消费", "storedValueSpent").Count("用券", "couponsRedeemed").Count("新会员", "newMembers");
        foreach (var (key, f) in rows)
        {
            table.Row(key, f.Sales, f.Returns, f.MemberSales, f.Revenue, f.Discounts, f.AverageBasket, f.PointsEarned, f.PointsRedeemed,
                f.StoredValueSpent, f.CouponsRedeemed, f.NewMembers);
        }
        return table;
    }
}
