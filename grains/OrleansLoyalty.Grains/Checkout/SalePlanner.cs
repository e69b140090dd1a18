using Microsoft.Extensions.DependencyInjection;
using System.Collections.Immutable;
using OrleansLoyalty.Contracts.Cards;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Grains.Members;
using OrleansLoyalty.Grains.Security;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>
/// Decides what a commit request will do before it does any of it: the member, the priced basket, the tenders
/// checked against the total, and every participant's share. The checkout grain and the in-process
/// <see cref="Committer"/> plan with it, so the two decide alike.
/// </summary>
public sealed class SalePlanner(IGrainFactory grains, BasketPricer pricer, PersonalDataProtector protector, MemberAppCodes codes,
    PaymentPinGate pins, [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock)
{
    private readonly Func<string, Contracts.Cards.ICardGrain> _card = new StringKeyGrainReferences<Contracts.Cards.ICardGrain>(grains).Get;
    private readonly Func<string, IMemberGrain> _member = new StringKeyGrainReferences<IMemberGrain>(grains).Get;

    /// <summary>The request's fingerprint: the same body always gives the same one, so a retry is told from a reuse of its txnId.</summary>
    public string Fingerprint(CommitRequest request) => protector.Fingerprint(CheckoutJson.Canonical(request));

    public async Task<CheckoutPlan> Plan(string txnId, CommitRequest request, string hash)
    {
        var basket = request.Basket;
        var shopper = await MemberResolver.Resolve(grains, basket.Member, _card, _member, codes.Read);
        var member = shopper?.View;
        var localNow = pricer.StoreLocalNow(basket.StoreId);
        var quote = pricer.Price(basket, shopper, localNow, txnId);
        var tenders = request.Tenders.IsDefault ? [] : request.Tenders;
        if (tenders.Sum(t => t.Amount) != quote.Total)
        {
            throw new LoyaltyException(ErrorCodes.TendersMismatch,
                $"The tenders add up to {tenders.Sum(t => t.Amount)} fen but the total is {quote.Total} fen.", 422);
        }
        var debits = CardDebits(tenders, basket.Member, shopper);
        if (member is not null && debits.Any(d => !member.CardNos.Contains(d.CardNo)))
        {
            throw new LoyaltyException(ErrorCodes.AuthForbidden, "Stored value can only be paid from the shopper's own cards.", 403);
        }
        if (!debits.IsEmpty)
        {
            await pins.Require(await CardOwners(debits, member), basket.Member, debits.Sum(d => d.Amount), request.PaymentPin,
                shopper?.AppCodeStep is { } step ? new AppCodePayment(step, txnId) : null, ownerHasNoPin: member?.HasNoPaymentPin ?? false);
        }
        var now = clock.GetUtcNow();
        var effect = member is null
            ? null
            : new MemberCheckoutEffect(txnId, basket.StoreId, now, DateOnly.FromDateTime(localNow.DateTime),
                SpendForTier: quote.Total, Visits: 1, quote.PointsToEarn, quote.PointsRedeemed, BasketPricer.MemberCouponsUsed(quote, member),
                pricer.CampaignsUsed(quote));
        // The plan is stored: keep who the member is, never how they were identified (a phone number). The lines and
        // codes are in the quote, priced; the basket keeps only where the sale happens (a fifth of the row, twice).
        var storedBasket = basket with
        {
            Member = member is null ? basket.Member : new MemberRef(null, member.Context.MemberId, null, null),
            Lines = [],
            Coupons = [],
        };
        var couponsUsed = effect is null ? [] : member!.Context.Coupons.Where(c => effect.CouponsRedeemed.Contains(c.Code)).ToImmutableArray();
        // Codes that are not the member's own are public codes, counted cluster-wide by their own grains when limited;
        // budgets likewise. Unlimited ones keep no state, so they cost no call.
        var publicCoupons = quote.CouponsApplied
            .Where(code => (effect is null || !effect.CouponsRedeemed.Contains(code)) && pricer.IsCountedPublicCoupon(code)).ToList();
        var budgets = quote.CampaignUsages.IsDefault ? [] : quote.CampaignUsages.Where(u => u.Amount > 0 && pricer.HasBudget(u.CampaignId)).ToList();
        return new CheckoutPlan(txnId, hash, storedBasket, tenders, quote, member?.Context.MemberId, effect, debits, now,
            couponsUsed, publicCoupons, budgets, member?.CardNos);
    }

    private static ImmutableArray<CardDebit> CardDebits(ImmutableArray<Tender> tenders, MemberRef? shown, ResolvedMember? shopper)
    {
        if (!StoredValueTenders.AnyWithoutCard(tenders))
        {
            return StoredValueTenders.Debits(tenders, []);
        }
        if (shopper is null)
        {
            throw new LoyaltyException(ErrorCodes.RequestInvalid, "A storedValue tender without a cardNo pays from the member's cards: identify the member.", 400);
        }
        // The card shown first, then the member's others in the order they got them, as the member was read.
        var cards = shopper.Cards.Where(card => card.Status == Contracts.Cards.CardStatus.Active)
            .OrderBy(card => card.CardNo == shown?.CardNo ? 0 : 1).ToList();
        return StoredValueTenders.Debits(tenders, cards);
    }

    /// <summary>Whose PIN a sale's stored value needs: the member's, or, for an anonymous shopper, each paying card's holder.</summary>
    private async Task<IReadOnlyCollection<string>> CardOwners(ImmutableArray<CardDebit> debits, MemberPricingView? member)
    {
        if (member is not null)
        {
            return [member.Context.MemberId];
        }
        var cards = await Task.WhenAll(debits.Select(debit => _card(debit.CardNo).Get()));
        return cards.Select(card => card.MemberId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    }
}
