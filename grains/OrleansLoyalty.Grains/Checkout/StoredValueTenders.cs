using System.Collections.Immutable;
using OrleansLoyalty.Contracts.Cards;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Errors;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>
/// Turns a sale's stored-value tenders into what each card pays. A tender that names its card pays from that card; one
/// that names none pays from the member's own active cards, the card shown at the lane first and then the others in the
/// order the member got them, each as far as its balance goes.
/// </summary>
internal static class StoredValueTenders
{
    public static bool AnyWithoutCard(ImmutableArray<Tender> tenders) =>
        tenders.Any(t => t.Kind == TenderKinds.StoredValue && t.CardNo is null);

    /// <param name="memberCards">The member's active cards with their balances, in the order to pay from; empty for an anonymous shopper.</param>
    public static ImmutableArray<CardDebit> Debits(ImmutableArray<Tender> tenders, IReadOnlyList<CardSnapshot> memberCards)
    {
        var byCard = new Dictionary<string, long>(StringComparer.Ordinal);
        var order = new List<string>();
        void Add(string cardNo, long amount)
        {
            if (!byCard.TryAdd(cardNo, amount))
            {
                byCard[cardNo] += amount;
            }
            else
            {
                order.Add(cardNo);
            }
        }
        var unnamed = 0L;
        foreach (var tender in tenders.Where(t => t.Kind == TenderKinds.StoredValue))
        {
            if (tender.CardNo is { } cardNo)
            {
                Add(cardNo, tender.Amount);
            }
            else
            {
                unnamed += tender.Amount;
            }
        }
        foreach (var card in memberCards)
        {
            if (unnamed == 0)
            {
                break;
            }
            var free = card.Balance - byCard.GetValueOrDefault(card.CardNo);
            if (free > 0)
            {
                var take = Math.Min(free, unnamed);
                Add(card.CardNo, take);
                unnamed -= take;
            }
        }
        if (unnamed > 0)
        {
            throw new LoyaltyException(ErrorCodes.StoredValueInsufficient,
                $"The member's cards hold {memberCards.Sum(c => c.Balance)} fen of stored value; the sale asks for more.", 409);
        }
        return [.. order.Where(cardNo => byCard[cardNo] > 0).Select(cardNo => new CardDebit(cardNo, byCard[cardNo]))];
    }
}
