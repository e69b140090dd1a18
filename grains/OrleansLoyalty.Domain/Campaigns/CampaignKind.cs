namespace OrleansLoyalty.Domain;

/// <summary>Campaign kinds of rest.md (<c>percentOff|amountOffOver|pointsMultiplier|bonusPoints</c>).</summary>
public enum CampaignKind
{
    /// <summary>Line-level: <c>Percent</c> % off each targeted line.</summary>
    PercentOff = 0,

    /// <summary>Basket-level 满减: <c>Amount</c> off once the targeted lines reach <c>Threshold</c>.</summary>
    AmountOffOver = 1,

    /// <summary>Points on targeted lines multiplied by <c>Multiplier</c> (tenths).</summary>
    PointsMultiplier = 2,

    /// <summary><c>Points</c> extra once the targeted lines reach <c>Threshold</c>.</summary>
    BonusPoints = 3,
}
