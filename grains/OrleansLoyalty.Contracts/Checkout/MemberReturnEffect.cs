using System.Collections.Immutable;

namespace OrleansLoyalty.Contracts.Checkout;

/// <summary>What a return does to its member: points back and forth, spend and visits taken back, coupons restored.</summary>
[GenerateSerializer, Immutable, Alias("checkout.MemberReturnEffect")]
public sealed record MemberReturnEffect(
    [property: Id(0)] string TxnId,
    [property: Id(1)] string OriginalTxnId,
    [property: Id(2)] string StoreId,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] DateOnly LocalDate,
    [property: Id(5)] DateOnly PurchaseDate,
    [property: Id(6)] long PointsClawback,
    [property: Id(7)] long PointsGiveBack,
    [property: Id(8)] long SpendReduction,
    [property: Id(9)] int VisitsReduction,
    [property: Id(10)] ImmutableArray<string> CouponsRestored);
