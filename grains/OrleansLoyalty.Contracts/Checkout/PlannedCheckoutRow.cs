namespace OrleansLoyalty.Contracts.Checkout;

/// <summary>
/// A planned checkout's row as it is first recorded (<c>committing</c>, with its plan): the txnId's claim, and what the
/// recovery sweep carries forward after a crash. It goes with the first participant's write when it can, so the plan
/// is durable exactly when that participant's change is.
/// </summary>
[GenerateSerializer, Immutable, Alias("checkout.PlannedCheckoutRow")]
public sealed record PlannedCheckoutRow(
    [property: Id(0)] string TxnId,
    [property: Id(1)] string StoreId,
    [property: Id(2)] string? LaneId,
    [property: Id(3)] string? MemberId,
    [property: Id(4)] string RequestHash,
    [property: Id(5)] string PlanJson,
    [property: Id(6)] DateTimeOffset At);
