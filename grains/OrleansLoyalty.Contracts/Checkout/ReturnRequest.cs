using System.Collections.Immutable;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Contracts.Checkout;

/// <summary>A return of some or all lines of a committed purchase, idempotent by its own <paramref name="TxnId"/>.</summary>
[GenerateSerializer, Immutable, Alias("checkout.ReturnRequest")]
public sealed record ReturnRequest(
    [property: Id(0)] string TxnId,
    [property: Id(1)] string OriginalTxnId,
    [property: Id(2)] string StoreId,
    [property: Id(3)] string LaneId,
    [property: Id(4)] ImmutableArray<ReturnLine> Lines);
