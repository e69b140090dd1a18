using OrleansLoyalty.Contracts.Coupons;
using OrleansLoyalty.Contracts.Errors;
using OrleansLoyalty.Grains.Pricing;

namespace OrleansLoyalty.Grains.Coupons;

/// <inheritdoc cref="IPublicCouponGrain"/>
/// <remarks>
/// The limit is read from this silo's replicated templates at each call, so raising <c>maxRedemptions</c>
/// takes effect without touching the grain. Unlimited codes keep no state: there is nothing to guard.
/// </remarks>
public sealed class PublicCouponGrain(
    [PersistentState("publicCoupon", "loyalty")] IPersistentState<PublicCouponState> state,
    PricingEngines rules) : Grain, IPublicCouponGrain
{
    private string Code => this.GetPrimaryKeyString();

    public async Task Redeem(string txnId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(txnId);
        var max = MaxRedemptions();
        var redemptions = state.State.Redemptions;
        if (max is null || redemptions.Contains(txnId))
        {
            return;
        }
        if (redemptions.Count >= max)
        {
            throw new LoyaltyException(ErrorCodes.CouponAlreadyRedeemed, $"Coupon {Code} has been redeemed as often as it may be.");
        }
        redemptions.Add(txnId);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            redemptions.Remove(txnId);
            throw;
        }
    }

    public async Task Release(string txnId)
    {
        if (state.State.Redemptions.Remove(txnId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<long?> Remaining()
    {
        var max = MaxRedemptions();
        return Task.FromResult(max is null ? null : (long?)Math.Max(0, max.Value - state.State.Redemptions.Count));
    }

    private int? MaxRedemptions()
    {
        var template = rules.FindPublicCoupon(Code)
            ?? throw new LoyaltyException(AdminErrorCodes.CouponUnknown, $"No public coupon has code {Code}.", 422);
        return template.MaxRedemptions;
    }
}
