namespace OrleansLoyalty.Contracts.Checkout;

/// <summary>
/// A priced sale on its way to the member who settles it: the receipt as the checkout knows it (everything but the
/// member's points and tier after the sale), and what the sale's row records. The member writes that row in the same
/// transaction as its own change, so the sale is committed exactly when the member's points are.
/// </summary>
/// <param name="CompletesPlannedRow">The checkout recorded a plan first (it has other participants); the member's write completes that row.</param>
[GenerateSerializer, Immutable, Alias("checkout.SaleDraft")]
public sealed record SaleDraft(
    [property: Id(0)] Receipt Receipt,
    [property: Id(1)] string RequestHash,
    [property: Id(2)] ReturnBasis ReturnBasis,
    [property: Id(3)] long StoredValueSpent,
    [property: Id(4)] bool CompletesPlannedRow);
