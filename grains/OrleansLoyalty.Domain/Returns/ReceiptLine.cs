namespace OrleansLoyalty.Domain;

/// <summary>A line of a committed purchase, as returns need it. <see cref="Qty"/> is 1 for a weighed line.</summary>
[GenerateSerializer, Immutable, Alias("domain.ReceiptLine")]
public sealed record ReceiptLine(
    [Id(0)] string LineId,
    [Id(1)] int Qty,
    [Id(2)] long Net,
    [Id(3)] long PointsEarned,
    [Id(4)] long PointsRedeemed);
