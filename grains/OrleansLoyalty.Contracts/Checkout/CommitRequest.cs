using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace OrleansLoyalty.Contracts.Checkout;

/// <param name="PaymentPin">
/// The member's payment PIN for stored value, when the lane asked for it (docs/payment-pin.md). It is checked and
/// forgotten: never fingerprinted, stored in a plan or printed on a receipt.
/// </param>
[GenerateSerializer, Immutable, Alias("checkout.CommitRequest")]
public sealed record CommitRequest(
    [property: Id(0)] string TxnId,
    [property: Id(1)] CheckoutBasket Basket,
    [property: Id(2)] ImmutableArray<Tender> Tenders,
    [property: Id(3), JsonIgnore] string? PaymentPin = null);
