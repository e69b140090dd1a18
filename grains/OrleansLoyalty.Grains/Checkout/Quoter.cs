using OrleansLoyalty.Contracts.Cards;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Domain.Payments;
using OrleansLoyalty.Grains.Members;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>
/// A quote in the caller's own process: resolve the member through their grains, price with this silo's local
/// engine. Anything running in a silo (the co-hosted api, a lane grain) quotes this way, with no hop through a
/// pricing grain: that hop queued every quote of the silo behind one worker activation per core, which is what
/// made the quote's tail long under load (docs/benchmarks.md). External clients use <see cref="IPricingGrain"/>,
/// which does the same.
/// </summary>
public sealed class Quoter(IGrainFactory grains, BasketPricer pricer, MemberAppCodes codes)
{
    private readonly Func<string, ICardGrain> _card = new StringKeyGrainReferences<ICardGrain>(grains).Get;
    private readonly Func<string, IMemberGrain> _member = new StringKeyGrainReferences<IMemberGrain>(grains).Get;

    public async Task<Quote> Quote(CheckoutBasket basket) => Price(basket, await Resolve(basket.Member));

    /// <summary>
    /// Reads the member the shopper identified as (null for an anonymous shopper), and for a member with stored value
    /// whether paying with it will take their PIN: one more in-memory call, only for those members, and not for members
    /// known to have no PIN unless they showed an app code (which may have paid a sale already).
    /// </summary>
    public async Task<ResolvedMember?> Resolve(MemberRef? reference)
    {
        var member = await MemberResolver.Resolve(grains, reference, _card, _member, codes.Read);
        if (member is not { StoredValueBalance: > 0 })
        {
            return member;
        }
        var pins = grains.GetGrain<IPaymentPinGrain>(member.View.Context.MemberId);
        // A code that already paid a sale counts as not shown for stored value (docs/payment-pin.md), so the hint says so too.
        var pin = member.AppCodeStep is { } step ? await pins.StatusForCode(step)
            : member.View.HasNoPaymentPin ? NoPin
            : await pins.Status();
        var holdsIt = reference!.MemberHoldsIt && !pin.AppCodeSpent;
        return member with { PinHint = PaymentPins.Hint(pricer.Programme.StoredValueRules, holdsIt, pin.Set, pin.LockedUntil) };
    }

    private static readonly PaymentPinStatus NoPin = new(false, null, null);

    /// <summary>Prices <paramref name="basket"/> for a member read earlier by <see cref="Resolve"/>.</summary>
    public Quote Price(CheckoutBasket basket, ResolvedMember? member) =>
        pricer.Price(basket, member, pricer.StoreLocalNow(basket.StoreId), QuoteIds.Next());
}
