namespace OrleansLoyalty.Domain;

/// <summary>Coupon kinds of rest.md (<c>amountOffOver|percentOff|categoryAmountOff|categoryPercentOff|gift</c>).</summary>
public enum CouponKind
{
    /// <summary>满减: <c>Amount</c> off when eligible goods reach <c>Threshold</c>.</summary>
    AmountOffOver = 0,

    /// <summary><c>Percent</c> % off every eligible line.</summary>
    PercentOff = 1,

    /// <summary><c>Amount</c> off the lines in <c>CategoryPath</c>/<c>Skus</c> when they reach <c>Threshold</c>.</summary>
    CategoryAmountOff = 2,

    /// <summary><c>Percent</c> % off the lines in <c>CategoryPath</c>/<c>Skus</c>.</summary>
    CategoryPercentOff = 3,

    /// <summary>One unit of a line in <c>Skus</c>/<c>CategoryPath</c> free.</summary>
    Gift = 4,
}
