using Microsoft.Extensions.DependencyInjection;
using System.Collections.Immutable;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Grains.Checkout;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.Domain;
using OrleansLoyalty.Grains.Members;
using OrleansLoyalty.Grains.Pricing;

namespace OrleansLoyalty.Grains.Lanes;

/// <summary>
/// A lane's live session, fed by its edge gateway. Every accepted event is priced at once through the
/// checkout quote (a scan or a line removal with the member as the session last read them: see <see cref="Quote"/>); <c>pay</c> commits through the checkout engine (<see cref="Committer"/>) with the lane's txnId and
/// <c>return</c> returns through the purchase's checkout grain, both idempotent by txnId and durable there. The basket itself lives in memory:
/// losing it loses nothing committed, and the gateway replays the events the cluster has not confirmed.
/// </summary>
public sealed class LaneGrain(PricingEngines engines, Quoter quoter, Committer committer, MemberAppCodes codes,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock) : Grain, ILaneGrain
{
    private const int RememberedEvents = 4096;
    private const string ThankYou = "谢谢惠顾 Thank you";

    private readonly LaneEventMemory _events = new(RememberedEvents);
    private LaneSession _session = null!;
    private LaneDisplay _display = null!;
    private (MemberRef Reference, ResolvedMember? Member)? _shopper;
    private int _sessions;
    private string _storeId = "";
    private string _laneId = "";

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_storeId, _laneId) = LaneKeys.Parse(this.GetPrimaryKeyString());
        _session = NewSession();
        _display = LaneViews.Empty(_session.SessionId);
        // One-way: the store's gateway grain learns of the lane for its online/offline reports; the lane never waits.
        _ = GrainFactory.GetGrain<IStoreGatewayGrain>(_storeId).LaneSeen(_laneId);
        return Task.CompletedTask;
    }

    public Task<LaneDisplay> GetDisplay() => Task.FromResult(_display);

    public async Task<LaneOutcome> Apply(LaneEvent laneEvent)
    {
        if (_events.TryRecall(laneEvent.EventId, out var refused))
        {
            return refused ?? await Repeat(laneEvent);
        }
        LaneOutcome outcome;
        try
        {
            outcome = await Decide(laneEvent);
        }
        catch (LoyaltyException refusal)
        {
            outcome = LaneOutcome.Refused(refusal.Code, refusal.Message);
        }
        if (outcome.Display is { } display)
        {
            _display = display;
        }
        _events.Remember(laneEvent.EventId, outcome);
        return outcome;
    }

    /// <summary>
    /// Answers an event the lane accepted before, with no second effect: what the lane shows now, and a pay's or a
    /// return's receipt again from the checkout, which keeps it durably by txnId (a return asked again is answered
    /// from its row).
    /// </summary>
    private async Task<LaneOutcome> Repeat(LaneEvent e)
    {
        if (e.Kind == LaneEventKind.Pay && await GrainFactory.GetGrain<ICheckoutGrain>(e.TxnId!).GetReceipt() is { } receipt)
        {
            var messages = e.OfflineSale is { } sale ? OfflineSettlement.Messages(sale, receipt.Total) : [];
            return LaneOutcome.Accepted(_display, LaneViews.Sale(receipt, messages));
        }
        return e.Kind == LaneEventKind.Return ? await Return(e) : LaneOutcome.Accepted(_display);
    }

    private Task<LaneOutcome> Decide(LaneEvent e) => e.Kind switch
    {
        LaneEventKind.Card => Accept(_session.WithMember(Identify(e))),
        LaneEventKind.Phone => Accept(_session.WithMember(new MemberRef(null, null, e.Phone, null))),
        LaneEventKind.Scan => Accept(Scan(e), rereadMember: false),
        LaneEventKind.Coupon => Coupon(e.CouponCode!),
        LaneEventKind.RedeemPoints => Accept(_session with { RedeemPoints = e.Points ?? 0 }),
        LaneEventKind.RemoveLine => _session.HasLine(e.LineId!)
            ? Accept(_session.RemoveLine(e.LineId!), rereadMember: false)
            : Task.FromResult(LaneOutcome.Refused("basket.no_such_line", $"There is no line {e.LineId} in the basket.")),
        LaneEventKind.Pay => Pay(e),
        LaneEventKind.Void => Void(),
        LaneEventKind.Return => Return(e),
        _ => Task.FromResult(LaneOutcome.Refused(ErrorCodes.RequestInvalid, "Unknown event kind.")),
    };

    /// <summary>
    /// A card read names the card. An app code names its member at once, as of when the device read it: a basket takes
    /// longer than a code lives, and an offline sale is replayed long after its code rotated.
    /// </summary>
    private MemberRef Identify(LaneEvent e)
    {
        if (e.Medium != "qr")
        {
            return new MemberRef(e.CardNo, null, null, null);
        }
        var now = clock.GetUtcNow();
        var (memberId, step) = codes.Read(e.CardNo!, e.At < now ? e.At : now);
        return new MemberRef(null, memberId, null, null, AppCodeShown: true, AppCodeStep: step);
    }

    /// <summary>Prices <paramref name="next"/>; only if that works does it become the session.</summary>
    private async Task<LaneOutcome> Accept(LaneSession next, bool rereadMember = true)
    {
        var quote = await Quote(next, rereadMember);
        _session = next;
        return LaneOutcome.Accepted(LaneViews.Display(next.SessionId, quote));
    }

    private LaneSession Scan(LaneEvent e)
    {
        var catalog = engines.CatalogOf(_storeId);
        var product = catalog.FindByBarcode(e.Barcode!) ?? catalog.FindBySku(e.Barcode!);
        if (product is null && e.OfflineItem is { } sold)
        {
            // Sold offline from the store's copy of a catalog the cluster no longer (or not yet) has: the
            // shopper paid that price, so the line keeps it.
            var line = e.WeightGrams is { } weighed ? _session.AddLine(sold.Sku, 1, weighed) : _session.AddLine(sold.Sku, e.Qty ?? 1, null);
            return line with { Lines = line.Lines.SetItem(line.Lines.Length - 1, line.Lines[^1] with { UnitPrice = sold.UnitPrice, CategoryPath = sold.CategoryPath }) };
        }
        if (product is null)
        {
            throw new LoyaltyException(ErrorCodes.CatalogUnknownItem, $"Barcode {e.Barcode} is not in the store's catalog.", 422);
        }
        if (product.SoldByWeight && e.WeightGrams is null)
        {
            throw new LoyaltyException(ErrorCodes.RequestInvalid, $"{product.Name} is sold by weight: weigh it first.", 400);
        }
        return e.WeightGrams is { } grams ? _session.AddLine(product.Sku, 1, grams) : _session.AddLine(product.Sku, e.Qty ?? 1, null);
    }

    private async Task<LaneOutcome> Coupon(string code)
    {
        if (_session.HasCoupon(code))
        {
            return LaneOutcome.Refused("coupon.already_in_basket", $"Coupon {code} is already in this basket.");
        }
        var next = _session.AddCoupon(code);
        var quote = await Quote(next);
        if (quote.RejectedCoupons.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)) is { } rejected)
        {
            return LaneOutcome.Refused(rejected.Reason, $"Coupon {code} cannot be used: {rejected.Reason}.");
        }
        _session = next;
        return LaneOutcome.Accepted(LaneViews.Display(next.SessionId, quote));
    }

    private async Task<LaneOutcome> Pay(LaneEvent e)
    {
        if (_session.IsEmpty)
        {
            return LaneOutcome.Refused(ErrorCodes.RequestInvalid, "The basket is empty.");
        }
        var basket = _session.ToBasket(_storeId, _laneId);
        var tenders = e.Tenders.Select(t => new Tender(t.Kind, t.Amount, t.CardNo)).ToImmutableArray();
        ImmutableArray<string> messages = [];
        if (e.OfflineSale is { } sale)
        {
            var total = (await Quote(_session)).Total;
            tenders = OfflineSettlement.Tenders(e.Tenders, total);
            messages = OfflineSettlement.Messages(sale, total);
        }
        Receipt receipt;
        try
        {
            receipt = await committer.Commit(new CommitRequest(e.TxnId!, basket, tenders, e.PaymentPin));
        }
        catch (LoyaltyException refusal)
        {
            return await RefusedPay(refusal);
        }
        _session = NewSession();
        return LaneOutcome.Accepted(LaneViews.Empty(_session.SessionId, ThankYou), LaneViews.Sale(receipt, messages));
    }

    /// <summary>
    /// A pay refused because the basket no longer costs what the lane shows (points or a coupon used at
    /// another lane, a tier crossed there) also brings the fresh display, so the cashier asks for the new total
    /// instead of sending the old one again.
    /// </summary>
    private async Task<LaneOutcome> RefusedPay(LoyaltyException refusal)
    {
        var refused = LaneOutcome.Refused(refusal.Code, refusal.Message);
        LaneDisplay now;
        try
        {
            now = LaneViews.Display(_session.SessionId, await Quote(_session));
        }
        catch (LoyaltyException)
        {
            // The basket cannot be priced any more (e.g. the card was reported lost meanwhile): the pay's own refusal says what to do.
            return refused;
        }
        return LaneViews.ShowsTheSamePrice(now, _display) ? refused : refused with { Display = now };
    }

    private Task<LaneOutcome> Void()
    {
        _session = NewSession();
        return Task.FromResult(LaneOutcome.Accepted(LaneViews.Empty(_session.SessionId, "已取消 Basket voided")));
    }

    private async Task<LaneOutcome> Return(LaneEvent e)
    {
        var checkout = GrainFactory.GetGrain<ICheckoutGrain>(e.OriginalTxnId!);
        var request = new ReturnRequest(e.TxnId!, e.OriginalTxnId!, _storeId, _laneId, [.. e.ReturnLines.Select(l => new ReturnLine(l.LineId, l.Qty))]);
        var returned = await checkout.Return(request);
        var purchase = await checkout.GetReceipt();
        return LaneOutcome.Accepted(_display, LaneViews.Return(returned, purchase));
    }

    /// <summary>
    /// Prices the session. A scan or a line removal (most of a lane's events) reuses the member as the session last
    /// read them: two grain calls fewer per scan, network round trips when the member's grains live on another
    /// silo. Identifying the shopper, a coupon, points, and pricing again after a refused pay read them afresh.
    /// What changed meanwhile elsewhere (points spent, a coupon used at another lane) cannot be paid with: the
    /// commit reads the member itself, and a refused pay brings the fresh display.
    /// </summary>
    private async Task<Quote> Quote(LaneSession session, bool rereadMember = true)
    {
        var basket = session.ToBasket(_storeId, _laneId);
        if (session.Member is not { } reference)
        {
            return quoter.Price(basket, null);
        }
        if (rereadMember || _shopper is not { } known || known.Reference != reference)
        {
            _shopper = (reference, await quoter.Resolve(reference));
        }
        return quoter.Price(basket, _shopper.Value.Member);
    }

    private LaneSession NewSession()
    {
        _shopper = null;
        return LaneSession.Start($"{_laneId}-{clock.GetUtcNow().ToUnixTimeMilliseconds()}-{++_sessions}");
    }
}
