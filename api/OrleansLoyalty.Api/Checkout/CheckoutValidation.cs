using OrleansLoyalty.Domain.Payments;
using System.Collections.Immutable;
using OrleansLoyalty.Api.Validation;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Members;

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
            var given = (m.CardNo is null ? 0 : 1) + (m.MemberId is null ? 0 : 1) + (m.Phone is null ? 0 : 1) + (m.MemberCode is null ? 0 : 1);
            if (given != 1)
            {
                rules.Add("member", "give exactly one of cardNo, memberId, phone, memberCode");
            }
            if (m.CardNo is not null) rules.CardNo("member.cardNo", m.CardNo);
            if (m.Phone is not null) rules.Phone("member.phone", m.Phone);
            if (m.MemberId is not null) rules.Text("member.memberId", m.MemberId, 32);
            if (m.MemberCode is not null && !MemberAppCodes.IsWellFormed(m.MemberCode))
            {
                rules.Add("member.memberCode", $"must be the {MemberAppCodes.Length}-digit code the member's app shows");
            }
            member = new MemberRef(m.CardNo, m.MemberId, m.Phone, m.MemberCode);
        }
        var bodyLines = body.Lines ?? [];
        if (bodyLines.Length is 0 or > MaxLines)
        {
            rules.Add("lines", $"give 1 to {MaxLines} lines");
        }
        var lines = ImmutableArray.CreateBuilder<BasketLine>(bodyLines.Length);
        for (var i = 0; i < bodyLines.Length; i++)
        {
            if (bodyLines[i] is not { } line)
            {
                rules.Add($"lines[{i}]", "is required");
                continue;
            }
            // Field names are built only for a wrong value (a valid basket of 20 lines would otherwise make 60 strings).
            if (!Rules.IsCallerId(line.LineId))
            {
                rules.CallerId($"lines[{i}].lineId", line.LineId);
            }
            if (!Rules.IsText(line.Sku, 64))
            {
                rules.Text($"lines[{i}].sku", line.Sku, 64);
            }
            if (line.WeightGrams is null && line.Qty is null or < 1 or > 100_000)
            {
                rules.Add($"lines[{i}].qty", "must be from 1 to 100000 (or give weightGrams for weighed goods)");
            }
            if (line.WeightGrams is < 1 or > 1_000_000)
            {
                rules.Add($"lines[{i}].weightGrams", "must be from 1 to 1000000");
            }
            if (line.UnitPrice is < 0 or > 100_000_000)
            {
                rules.Add($"lines[{i}].unitPrice", "must be from 0 to 100000000 fen");
            }
            if (line.CategoryPath is { } path && (path.Length is 0 or > 10 || path.Any(p => string.IsNullOrWhiteSpace(p) || p.Length > 50)))
            {
                rules.Add($"lines[{i}].categoryPath", "must be 1–10 non-empty names of at most 50 characters");
            }
            lines.Add(new BasketLine(line.LineId ?? "", line.Sku ?? "", line.Qty ?? (line.WeightGrams is null ? 0 : 1), line.WeightGrams, line.UnitPrice,
                line.CategoryPath is { } cp ? [.. cp] : null));
        }
        var coupons = body.Coupons ?? [];
        if (coupons.Length > MaxCoupons)
        {
            rules.Add("coupons", $"at most {MaxCoupons} coupons");
        }
        for (var i = 0; i < coupons.Length; i++)
        {
            if (!Rules.IsText(coupons[i], 64))
            {
                rules.Text($"coupons[{i}]", coupons[i], 64);
            }
        }
        if (body.RedeemPoints is < 0 or > 100_000_000)
        {
            rules.Add("redeemPoints", "must be from 0 to 100000000");
        }
        if (body.RedeemPoints > 0 && member is null)
        {
            rules.Add("redeemPoints", "needs an identified member");
        }
        return new CheckoutBasket(body.StoreId ?? "", body.LaneId ?? "", member, lines.DrainToImmutable(), [.. coupons], body.RedeemPoints ?? 0);
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
            if (tender.Kind == TenderKinds.StoredValue && tender.CardNo is not null)
            {
                rules.CardNo($"{at}.cardNo", tender.CardNo);
            }
            else if (tender.Kind == TenderKinds.StoredValue && body.Member is null)
            {
                rules.Add($"{at}.cardNo", "is required unless the member is identified (then their own cards pay)");
            }
            tenders.Add(new Tender(tender.Kind ?? "", tender.Amount ?? 0, tender.Kind == TenderKinds.StoredValue ? tender.CardNo : null));
        }
        if (body.PaymentPin is not null && !PaymentPins.IsWellFormed(body.PaymentPin))
        {
            rules.Add("paymentPin", "must be the member's 6-digit payment PIN");
        }
        return tenders.ToImmutable();
    }
}
