using System.Collections.Immutable;
using OrleansLoyalty.Contracts.Cards;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Events;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Domain.Money;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>
/// Returns of this purchase. They run on the purchase's own grain, one at a time, so what was already
/// returned is always known exactly; each return is planned, recorded, applied and receipted like a sale.
/// </summary>
public sealed partial class CheckoutGrain
{
    public async Task<ReturnReceipt> Return(ReturnRequest request)
    {
        if (request.OriginalTxnId != TxnId)
        {
            throw new LoyaltyException(ErrorCodes.RequestInvalid, "The return names another purchase.", 400);
        }
        var purchase = await GetReceipt() ?? throw new LoyaltyException(ErrorCodes.TxnNotFound, $"No committed purchase {TxnId}.", 404);
        var hash = protector.Fingerprint(CheckoutJson.Canonical(request));
        var returns = await store.ReturnsOf(TxnId);
        if (returns.FirstOrDefault(r => r.TxnId == request.TxnId && r.Status != CheckoutStatus.Aborted) is { } existing)
        {
            if (existing.RequestHash != hash)
            {
                throw Conflict();
            }
            return existing.Status == CheckoutStatus.Committed
                ? CheckoutJson.Deserialize<ReturnReceipt>(existing.ReceiptJson!)
                : await ExecuteReturn(CheckoutJson.Deserialize<ReturnPlan>(existing.PlanJson!));
        }
        var plan = await PlanReturn(request, hash, purchase, returns);
        if (!await store.TryBeginReturn(plan, CheckoutJson.Serialize(plan)))
        {
            throw new LoyaltyException(ErrorCodes.TxnConflict, $"txnId {request.TxnId} is already used by another transaction.", 409);
        }
        return await ExecuteReturn(plan);
    }

    public async Task<ReturnReceipt?> GetReturnReceipt(string returnTxnId)
    {
        var row = (await store.ReturnsOf(TxnId)).FirstOrDefault(r => r.TxnId == returnTxnId && r.Status == CheckoutStatus.Committed);
        return row is null ? null : CheckoutJson.Deserialize<ReturnReceipt>(row.ReceiptJson!);
    }

    public async Task ResumeReturn(string returnTxnId)
    {
        var row = (await store.ReturnsOf(TxnId)).FirstOrDefault(r => r.TxnId == returnTxnId && r.Status == CheckoutStatus.Committing);
        if (row?.PlanJson is { } json)
        {
            await ExecuteReturn(CheckoutJson.Deserialize<ReturnPlan>(json));
        }
    }

    private async Task<ReturnPlan> PlanReturn(ReturnRequest request, string hash, Receipt purchase, IReadOnlyList<CheckoutRow> returns)
    {
        var sale = ReturnBasisOf((await store.Load(TxnId))!);
        var alreadyReturned = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var done in returns.Where(r => r.Status != CheckoutStatus.Aborted && r.PlanJson is not null))
        {
            foreach (var line in CheckoutJson.Deserialize<ReturnPlan>(done.PlanJson!).Result.Lines)
            {
                alreadyReturned[line.LineId] = alreadyReturned.GetValueOrDefault(line.LineId) + line.Qty;
            }
        }
        var storedValueUsed = sale.CardDebits.Sum(d => d.Amount);
        var receipt = new PurchaseReceipt(
            [.. purchase.Lines.Select(l => new ReceiptLine(l.LineId, l.Qty, l.Net, purchase.Member is null ? 0 : l.PointsToEarn, l.PointsRedeemed))],
            storedValueUsed,
            [.. sale.CouponsUsed]);
        var localNow = pricer.StoreLocalNow(request.StoreId);
        var localDate = DateOnly.FromDateTime(localNow.DateTime);
        var result = ReturnCalculator.Calculate(receipt, alreadyReturned, request.Lines, localDate, pricer.Programme.Coupons);
        if (result.ErrorCode is { } code)
        {
            throw code == ReturnResult.ExceedsPurchase
                ? new LoyaltyException(code, $"Line {result.ErrorLineId} would be returned beyond what was bought.", 422)
                : new LoyaltyException(ErrorCodes.RequestInvalid, "The return lines are not valid.", 400);
        }
        var credits = CardCredits(sale.CardDebits, result.StoredValueRefund);
        var purchaseDate = sale.PurchaseDate ?? localDate;
        var effect = sale.MemberId is null
            ? null
            : new MemberReturnEffect(request.TxnId, TxnId, request.StoreId, clock.GetUtcNow(), localDate, purchaseDate,
                result.PointsClawback, result.PointsGiveBack, result.Refund, result.IsFullReturn ? 1 : 0, result.CouponsRestored);
        return new ReturnPlan(request.TxnId, TxnId, hash, request, result, sale.MemberId, effect, credits, clock.GetUtcNow(),
            LoyaltyEvents.TopLevelCategoryRefunds(purchase.Lines, result.Lines));
    }

    /// <summary>What returns need to know of the sale: stored with its row (older rows: read from its plan).</summary>
    private static ReturnBasis ReturnBasisOf(CheckoutRow row) =>
        row.ReturnBasisJson is { } json
            ? CheckoutJson.Deserialize<ReturnBasis>(json)
            : CheckoutJson.Deserialize<CheckoutPlan>(row.PlanJson!).ReturnBasis;

    /// <summary>Stored value goes back to the cards it came from, in proportion, to the fen.</summary>
    private static ImmutableArray<CardDebit> CardCredits(ImmutableArray<CardDebit> debits, long refund)
    {
        if (refund <= 0 || debits.IsDefaultOrEmpty)
        {
            return [];
        }
        var shares = ProportionalAllocator.Allocate(refund, debits.Select(d => d.Amount).ToArray());
        return [.. debits.Select((d, i) => new CardDebit(d.CardNo, shares[i])).Where(c => c.Amount > 0)];
    }

    private async Task<ReturnReceipt> ExecuteReturn(ReturnPlan plan)
    {
        var storeId = plan.Request.StoreId;
        foreach (var credit in plan.CardCredits)
        {
            await GrainFactory.GetGrain<ICardGrain>(credit.CardNo).Credit(plan.TxnId, credit.Amount, storeId);
        }
        MemberCheckoutResult? member = null;
        if (plan.MemberEffect is { } effect)
        {
            member = await GrainFactory.GetGrain<IMemberGrain>(plan.MemberId!).ApplyReturn(effect);
        }
        var storedValue = await settlement.StoredValueNow(plan.MemberId);
        var r = plan.Result;
        var receipt = new ReturnReceipt(plan.TxnId, TxnId, storeId, plan.Request.LaneId, plan.At, r.Lines, r.Refund,
            r.StoredValueRefund, r.OtherTendersRefund, r.PointsClawback, r.PointsGiveBack, r.IsFullReturn, r.CouponsRestored,
            member?.PointsBalance, storedValue, member?.TierAfter);
        var categories = plan.CategoryRefunds ?? new Dictionary<string, long>();
        await store.CompleteReturn(receipt, CheckoutJson.Serialize(receipt), plan.MemberId, categories);
        await events.PublishAsync(LoyaltyEvents.Return(receipt, plan.MemberId, categories));
        return receipt;
    }
}
