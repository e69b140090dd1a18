namespace OrleansLoyalty.Domain;

/// <summary>How points pay for a basket.</summary>
/// <param name="PointsPerYuan">Points worth ¥1 (100 → one point is one fen).</param>
/// <param name="Step">Points are redeemed in multiples of this.</param>
/// <param name="MaxShareBasisPoints">At most this share of the total after discounts; 5000 = 50 %.</param>
[GenerateSerializer, Immutable, Alias("domain.BurningPolicy")]
public sealed record BurningPolicy(
    [Id(0)] long PointsPerYuan,
    [Id(1)] long Step,
    [Id(2)] int MaxShareBasisPoints)
{
    /// <summary>Value of <paramref name="points"/> in fen, rounded down.</summary>
    public long ValueOf(long points) => Money.Fen.MulDivFloor(points, Money.Fen.PerYuan, PointsPerYuan);
}
