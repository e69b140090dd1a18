using OrleansLoyalty.Contracts.Cards;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;

namespace OrleansLoyalty.Grains.Checkout;

/// <summary>Finds the member a lane identified, by card (refusing lost, replaced or expired cards), id, phone or app code.</summary>
internal static class MemberResolver
{
    public static Task<MemberPricingView?> Resolve(IGrainFactory grains, MemberRef? reference) =>
        Resolve(grains, reference, cardNo => grains.GetGrain<ICardGrain>(cardNo), memberId => grains.GetGrain<IMemberGrain>(memberId));

    /// <param name="card">Makes a card grain's reference (callers on the hot path pass cached grain types).</param>
    /// <param name="member">Makes a member grain's reference.</param>
    public static async Task<MemberPricingView?> Resolve(IGrainFactory grains, MemberRef? reference,
        Func<string, ICardGrain> card, Func<string, IMemberGrain> member)
    {
        if (reference is null)
        {
            return null;
        }
        string? memberId;
        if (reference.CardNo is { } cardNo)
        {
            memberId = (await card(cardNo).EnsureUsable()).MemberId;
        }
        else if (reference.Phone is { } phone)
        {
            memberId = await grains.GetGrain<IMemberDirectoryGrain>(0).FindByPhone(phone);
        }
        else
        {
            // The app's QR code carries the member id (a rotating code is a later step; see docs/checkout.md).
            memberId = reference.MemberId ?? reference.MemberCode;
        }
        var view = memberId is null ? null : await member(memberId).GetPricingView();
        return view ?? throw new LoyaltyException(ErrorCodes.MemberNotFound, "No member matches how the shopper was identified.", 404);
    }
}
