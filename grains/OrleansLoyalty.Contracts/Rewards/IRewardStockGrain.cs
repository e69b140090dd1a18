namespace OrleansLoyalty.Contracts.Rewards;

/// <summary>
/// The stock of one limited reward (a coupon template with <c>rewardStock</c>), keyed by its template id: one unit per
/// buying txnId, across every store and the app. A unit is reserved before the member's points are taken, confirmed
/// once they are, and released if the member cannot pay; a reservation whose buyer never finished is found and
/// released when the stock runs out (docs/rewards.md, "Limited stock").
/// </summary>
public interface IRewardStockGrain : IGrainWithStringKey
{
    /// <summary>Reserves a unit for <paramref name="txnId"/> (again: no-op); false when none is left.</summary>
    Task<bool> Reserve(string txnId, string memberId, int stock);

    /// <summary>The member paid: the unit is theirs for good.</summary>
    Task Confirm(string txnId);

    /// <summary>The member could not pay: the unit goes back. Unknown or confirmed txnIds are a no-op.</summary>
    Task Release(string txnId);

    /// <summary>Units left of <paramref name="stock"/>.</summary>
    [AlwaysInterleave]
    Task<int> Left(int stock);
}
