using Orleans.Concurrency;
using OrleansLoyalty.Contracts.Checkout;

namespace OrleansLoyalty.Grains.Checkout;

/// <inheritdoc cref="IPricingGrain"/>
/// <remarks>For callers outside a silo; inside one, <see cref="Quoter"/> quotes without this hop.</remarks>
// Reentrant: while one quote waits on its member's grain, the worker prices others (non-reentrant, a silo would
// quote at most one basket per core at a time).
[StatelessWorker, Reentrant]
public sealed class PricingGrain(Quoter quoter) : Grain, IPricingGrain
{
    public Task<Quote> Quote(CheckoutBasket basket) => quoter.Quote(basket);
}
