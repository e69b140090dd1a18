using OrleansLoyalty.Contracts.Cards;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Contracts.SignIn;

namespace OrleansLoyalty.Grains.Members;

/// <summary>
/// Erasure on the member's request (docs/privacy.md): the profile, the phone's index entry and the sign-in go; what
/// stays under the member id (points, coupons, the ledger, sales) names no one once the profile is gone, and is the
/// chain's financial record.
/// </summary>
public sealed partial class MemberGrain
{
    public async Task<DateTimeOffset> Erase()
    {
        var s = state.State;
        if (s.ErasedAt is { } erasedAt)
        {
            return erasedAt;
        }
        RequireRegistered();
        foreach (var cardNo in s.CardNos)
        {
            var card = await GrainFactory.GetGrain<ICardGrain>(cardNo).Get();
            if (card.MemberId == MemberId && card.Balance > 0)
            {
                throw new LoyaltyException(ErrorCodes.MemberStoredValueRemaining,
                    $"Card {cardNo} still holds {card.Balance} fen of stored value: refund it before the member is erased.", 409);
            }
        }
        // The phone and the sign-in go first: should the member's own write then fail, the profile is still there to
        // find the phone by, and erasing again finishes the job.
        await GrainFactory.GetGrain<IPhoneIndexGrain>(protector.PhoneIndexKey(_profile!.Phone)).Release(MemberId);
        await GrainFactory.GetGrain<IMemberSignInGrain>(MemberId).Erase();
        await GrainFactory.GetGrain<IPaymentPinGrain>(MemberId).Clear();
        s.Registered = false;
        s.ProtectedProfile = "";
        s.ErasedAt = clock.GetUtcNow();
        await Save();
        _profile = null;
        await ForgetDailyReview();
        return s.ErasedAt.Value;
    }
}
