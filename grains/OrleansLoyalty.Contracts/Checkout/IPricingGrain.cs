namespace OrleansLoyalty.Contracts.Checkout;

/// <summary>
/// Prices baskets with this silo's local copy of the rules and the member's in-memory wallet: a stateless
/// worker, so quotes spread over every silo and never wait on storage or on a single grain.
/// </summary>
public interface IPricingGrain : IGrainWithIntegerKey
{
    Task<Quote> Quote(CheckoutBasket basket);
}
