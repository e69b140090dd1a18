namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>What a lane device reported: the card reader's read, the scanner's scan, or one POS command.</summary>
[GenerateSerializer]
[Alias("loyalty.lanes.LaneEventKind")]
public enum LaneEventKind
{
    Card = 0,
    Scan = 1,
    Phone = 2,
    Coupon = 3,
    RedeemPoints = 4,
    RemoveLine = 5,
    Pay = 6,
    Void = 7,
    Return = 8,
}
