using Microsoft.Extensions.DependencyInjection;
using OrleansLoyalty.Contracts.Members;

namespace OrleansLoyalty.Grains.Members;

/// <inheritdoc cref="IReferralIndexGrain"/>
public sealed class ReferralIndexGrain(
    [PersistentState("referralIndex", "loyalty")] IPersistentState<IndexClaimState> state,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock) : Grain, IReferralIndexGrain
{
    public Task<string?> GetMemberId() => Task.FromResult(state.State.MemberId);

    public Task<bool> TryClaim(string memberId) => IndexClaim.TryClaim(state, memberId, GrainFactory, clock);
}
