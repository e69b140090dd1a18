using OrleansLoyalty.Contracts.Members;

namespace OrleansLoyalty.Grains.Members;

/// <summary>
/// The claim rule shared by the phone and referral indexes. A claim whose member never finished registering
/// (its process died in between) is given up after <see cref="OrphanAfter"/>, so a phone is never locked forever.
/// </summary>
internal static class IndexClaim
{
    public static readonly TimeSpan OrphanAfter = TimeSpan.FromMinutes(1);

    public static async Task<bool> TryClaim(IPersistentState<IndexClaimState> state, string memberId, IGrainFactory grains, TimeProvider clock)
    {
        var claim = state.State;
        if (claim.MemberId == memberId)
        {
            return true;
        }
        if (claim.MemberId is not null)
        {
            var holderIsReal = await grains.GetGrain<IMemberGrain>(claim.MemberId).Get() is not null;
            if (holderIsReal || clock.GetUtcNow() - claim.ClaimedAt < OrphanAfter)
            {
                return false;
            }
        }
        claim.MemberId = memberId;
        claim.ClaimedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        return true;
    }
}
