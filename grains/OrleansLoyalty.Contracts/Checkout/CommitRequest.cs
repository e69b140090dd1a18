using System.Collections.Immutable;

namespace OrleansLoyalty.Contracts.Checkout;

[GenerateSerializer, Immutable, Alias("checkout.CommitRequest")]
public sealed record CommitRequest(
    [property: Id(0)] string TxnId,
    [property: Id(1)] CheckoutBasket Basket,
    [property: Id(2)] ImmutableArray<Tender> Tenders);
