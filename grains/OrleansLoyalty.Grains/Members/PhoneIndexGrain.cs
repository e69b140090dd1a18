using Microsoft.Extensions.DependencyInjection;
using OrleansLoyalty.Contracts.Members;

namespace OrleansLoyalty.Grains.Members;

/// <inheritdoc cref="IPhoneIndexGrain"/>
public sealed class PhoneIndexGrain(
    [PersistentState("phoneIndex", "loyalty")] IPersistentState<IndexClaimState> state,
    [FromKeyedServices(LoyaltyClock.Key)] TimeProvider clock) : Grain, IPhoneIndexGrain
{
    public Task<string?> GetMemberId() => Task.FromResult(state.State.MemberId);

    public Task<bool> TryClaim(string memberId) => IndexClaim.TryClaim(state, memberId, GrainFactory, clock);

    public async Task Release(string memberId)
    {
        if (state.State.MemberId == memberId)
        {
            await state.ClearStateAsync();
        }
    }
}
