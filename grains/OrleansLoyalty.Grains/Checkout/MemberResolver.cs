using OrleansLoyalty.Contracts.Cards;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>
/// Finds the member a lane identified, by card (refusing lost, replaced or expired cards), id, phone or app code, and
/// sums the stored value on their active cards.
/// </summary>
internal static class MemberResolver
{
    /// <param name="card">Makes a card grain's reference (callers on the hot path pass cached grain types).</param>
    /// <param name="member">Makes a member grain's reference.</param>
    /// <param name="memberIdOfCode">The member an app code names now (<see cref="Members.MemberAppCodes.MemberIdOf"/>).</param>
    public static async Task<ResolvedMember?> Resolve(IGrainFactory grains, MemberRef? reference,
        Func<string, ICardGrain> card, Func<string, IMemberGrain> member, Func<string, string> memberIdOfCode)
    {
        if (reference is null)
        {
            return null;
        }
        string? memberId;
        CardSnapshot? shownCard = null;
        if (reference.CardNo is { } cardNo)
        {
            shownCard = await card(cardNo).EnsureUsable();
            memberId = shownCard.MemberId;
        }
        else if (reference.Phone is { } phone)
        {
            memberId = await grains.GetGrain<IMemberDirectoryGrain>(0).FindByPhone(phone);
        }
        else if (reference.MemberCode is { } code)
        {
            memberId = memberIdOfCode(code);
        }
        else
        {
            memberId = reference.MemberId;
        }
        var view = (memberId is null ? null : await member(memberId).GetPricingView())
            ?? throw new LoyaltyException(ErrorCodes.MemberNotFound, "No member matches how the shopper was identified.", 404);
        return new ResolvedMember(view, await StoredValue(view.CardNos, shownCard, card));
    }

    /// <summary>
    /// The stored value on the member's active cards. The card the shopper showed was just read; only the member's
    /// other cards (most members have one card) cost a call, made together.
    /// </summary>
    public static async Task<long> StoredValue(IReadOnlyList<string> cardNos, CardSnapshot? alreadyRead, Func<string, ICardGrain> card)
    {
        var total = 0L;
        List<Task<CardSnapshot>>? others = null;
        foreach (var cardNo in cardNos)
        {
            if (alreadyRead is not null && string.Equals(cardNo, alreadyRead.CardNo, StringComparison.Ordinal))
            {
                total += ActiveBalance(alreadyRead);
            }
            else
            {
                (others ??= []).Add(card(cardNo).Get());
            }
        }
        if (others is not null)
        {
            foreach (var snapshot in await Task.WhenAll(others))
            {
                total += ActiveBalance(snapshot);
            }
        }
        return total;
    }

    // A lost, replaced or expired card keeps its balance for its replacement, but it cannot pay.
    private static long ActiveBalance(CardSnapshot card) => card.Status is CardStatus.Active ? card.Balance : 0;
}
