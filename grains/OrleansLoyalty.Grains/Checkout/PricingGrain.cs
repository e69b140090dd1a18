using Orleans.Concurrency;
using OrleansLoyalty.Contracts.Checkout;

namespace OrleansLoyalty.Grains.Checkout;

/// <inheritdoc cref="IPricingGrain"/>
[StatelessWorker]
public sealed class PricingGrain(BasketPricer pricer) : Grain, IPricingGrain
{
    public async Task<Quote> Quote(CheckoutBasket basket)
    {
        var member = await MemberResolver.Resolve(GrainFactory, basket.Member);
        return pricer.Price(basket, member, pricer.StoreLocalNow(basket.StoreId), Guid.NewGuid().ToString("N"));
    }
}
