using Orleans.Concurrency;
using OrleansLoyalty.Contracts.Checkout;

namespace OrleansLoyalty.Grains.Checkout;

/// <inheritdoc cref="IPricingGrain"/>
// Reentrant: while one quote waits on its member's grain, the worker prices others (non-reentrant, a silo would
// quote at most one basket per core at a time).
[StatelessWorker, Reentrant]
public sealed class PricingGrain(BasketPricer pricer) : Grain, IPricingGrain
{
    public async Task<Quote> Quote(CheckoutBasket basket)
    {
        var member = await MemberResolver.Resolve(GrainFactory, basket.Member);
        return pricer.Price(basket, member, pricer.StoreLocalNow(basket.StoreId), Guid.NewGuid().ToString("N"));
    }
}
