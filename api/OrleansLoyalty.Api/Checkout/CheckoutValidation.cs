using System.Collections.Immutable;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Api.Checkout;

/// <summary>Turns a lane's JSON into a basket, reporting every field that is wrong at once.</summary>
public static class CheckoutValidation
{
    private const int MaxLines = 1000;
    private const int MaxCoupons = 20;
    private const int MaxTenders = 10;

    public static CheckoutBasket Basket(CheckoutBody body, Rules rules)
    {
        rules.StoreId("storeId", body.StoreId).StoreId("laneId", body.LaneId);
        MemberRef? member = null;
        if (body.Member is { } m)
        {
            var given = new[] { m.CardNo, m.MemberId, m.Phone, m.MemberCode }.Count(v => v is not null);
            if (given != 1)
            {
                rules.Add("member", "give exactly one of cardNo, memberId, phone, memberCode");
            }
            if (m.CardNo is not null) rules.CardNo("member.cardNo", m.CardNo);
            if (m.Phone is not null) rules.Phone("member.phone", m.Phone);
            if (m.MemberId is not null) rules.Text("member.memberId", m.MemberId, 32);
            if (m.MemberCode is not null) rules.Text("member.memberCode", m.MemberCode, 64);
            member = new MemberRef(m.CardNo, m.MemberId, m.Phone, m.MemberCode);
        }
        var lines = ImmutableArray.CreateBuilder<BasketLine>();
        if (body.Lines is not { Length: > 0 and <= MaxLines })
        {
            rules.Add("lines", $"give 1 to {MaxLines} lines");
        }
        foreach (var (line, i) in (body.Lines ?? []).Select((l, i) => (l, i)))
        {
            var at = $"lines[{i}]";
            if (line is null)
            {
                rules.Add(at, "is required");
                continue;
            }
            rules.CallerId($"{at}.lineId", line.LineId).Text($"{at}.sku", line.Sku, 64);
            if (line.WeightGrams is null && line.Qty is null or < 1 or > 100_000)
            {
                rules.Add($"{at}.qty", "must be from 1 to 100000 (or give weightGrams for weighed goods)");
            }
            if (line.WeightGrams is < 1 or > 1_000_000)
            {
                rules.Add($"{at}.weightGrams", "must be from 1 to 1000000");
            }
            if (line.UnitPrice is < 0 or > 100_000_000)
            {
                rules.Add($"{at}.unitPrice", "must be from 0 to 100000000 fen");
            }
            if (line.CategoryPath is { } path && (path.Length is 0 or > 10 || path.Any(p => string.IsNullOrWhiteSpace(p) || p.Length > 50)))
            {
                rules.Add($"{at}.categoryPath", "must be 1–10 non-empty names of at most 50 characters");
            }
            lines.Add(new BasketLine(line.LineId ?? "", line.Sku ?? "", line.Qty ?? (line.WeightGrams is null ? 0 : 1), line.WeightGrams, line.UnitPrice,
                line.CategoryPath is { } cp ? [.. cp] : null));
        }
        if (body.Coupons is { Length: > MaxCoupons })
        {
            rules.Add("coupons", $"at most {MaxCoupons} coupons");
        }
        foreach (var (code, i) in (body.Coupons ?? []).Select((c, i) => (c, i)))
        {
            rules.Text($"coupons[{i}]", code, 64);
        }
        if (body.RedeemPoints is < 0 or > 100_000_000)
        {
            rules.Add("redeemPoints", "must be from 0 to 100000000");
        }
        if (body.RedeemPoints > 0 && member is null)
        {
            rules.Add("redeemPoints", "needs an identified member");
        }
        return new CheckoutBasket(body.StoreId ?? "", body.LaneId ?? "", member, lines.ToImmutable(), [.. body.Coupons ?? []], body.RedeemPoints ?? 0);
    }

    public static ImmutableArray<Tender> Tenders(CheckoutBody body, Rules rules)
    {
        if (body.Tenders is not { Length: > 0 and <= MaxTenders })
        {
            rules.Add("tenders", $"give 1 to {MaxTenders} tenders");
            return [];
        }
        var tenders = ImmutableArray.CreateBuilder<Tender>();
        foreach (var (tender, i) in body.Tenders.Select((t, i) => (t, i)))
        {
            var at = $"tenders[{i}]";
            if (tender is null)
            {
                rules.Add(at, "is required");
                continue;
            }
            rules.OneOf($"{at}.kind", tender.Kind, TenderKinds.All, required: true);
            if (tender.Amount is null or < 0 or > 100_000_000_00)
            {
                rules.Add($"{at}.amount", "must be a whole number of fen from 0");
            }
            if (tender.Kind == TenderKinds.StoredValue)
            {
                rules.CardNo($"{at}.cardNo", tender.CardNo);
            }
            tenders.Add(new Tender(tender.Kind ?? "", tender.Amount ?? 0, tender.Kind == TenderKinds.StoredValue ? tender.CardNo : null));
        }
        return tenders.ToImmutable();
    }
}
