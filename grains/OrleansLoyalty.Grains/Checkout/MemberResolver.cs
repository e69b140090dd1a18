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
    /// <param name="readCode">The member an app code names now, and its step (<see cref="Members.MemberAppCodes.Read(string)"/>).</param>
    public static async Task<ResolvedMember?> Resolve(IGrainFactory grains, MemberRef? reference,
        Func<string, ICardGrain> card, Func<string, IMemberGrain> member, Func<string, (string MemberId, long Step)> readCode)
    {
        if (reference is null)
        {
            return null;
        }
        string? memberId;
        CardSnapshot? shownCard = null;
        var appCodeStep = reference.AppCodeStep;
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
            (memberId, var step) = readCode(code);
            appCodeStep = step;
        }
        else
        {
            memberId = reference.MemberId;
        }
        var view = (memberId is null ? null : await member(memberId).GetPricingView())
            ?? throw new LoyaltyException(ErrorCodes.MemberNotFound, "No member matches how the shopper was identified.", 404);
        return new ResolvedMember(view, await Cards(view.CardNos, shownCard, card)) { AppCodeStep = appCodeStep };
    }

    /// <summary>The stored value on the member's active cards, read now.</summary>
    public static async Task<long> StoredValue(IReadOnlyList<string> cardNos, CardSnapshot? alreadyRead, Func<string, ICardGrain> card) =>
        ActiveBalance(await Cards(cardNos, alreadyRead, card));

    /// <summary>
    /// The member's cards, in their order. The card the shopper showed was just read; only the member's other cards (most
    /// members have one card) cost a call, made together.
    /// </summary>
    public static async Task<IReadOnlyList<CardSnapshot>> Cards(IReadOnlyList<string> cardNos, CardSnapshot? alreadyRead, Func<string, ICardGrain> card)
    {
        if (cardNos.Count == 1 && alreadyRead is not null && string.Equals(cardNos[0], alreadyRead.CardNo, StringComparison.Ordinal))
        {
            return [alreadyRead];
        }
        return await Task.WhenAll(cardNos.Select(cardNo =>
            alreadyRead is not null && string.Equals(cardNo, alreadyRead.CardNo, StringComparison.Ordinal) ? Task.FromResult(alreadyRead) : card(cardNo).Get()));
    }

    // A lost, replaced or expired card keeps its balance for its replacement, but it cannot pay.
    public static long ActiveBalance(IEnumerable<CardSnapshot> cards)
    {
        var total = 0L;
        foreach (var snapshot in cards)
        {
            total += snapshot.Status is CardStatus.Active ? snapshot.Balance : 0;
        }
        return total;
    }
}
