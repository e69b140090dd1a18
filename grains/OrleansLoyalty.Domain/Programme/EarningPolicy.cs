namespace OrleansLoyalty.Domain;

/// <summary>How points are earned on a paid basket.</summary>
/// <param name="PointsPerYuan">Points per full yuan paid, before the tier multiplier.</param>
/// <param name="ExcludedCategories">Category paths (prefix match) that earn nothing: tobacco, infant formula, top-ups.</param>
/// <param name="EarnOnPointsRedeemed">
/// programme.md: "after discounts, before points" – the part of the basket paid with points still earns.
/// Set false to earn only on the money part.
/// </param>
[GenerateSerializer, Immutable, Alias("domain.EarningPolicy")]
public sealed record EarningPolicy(
    [Id(0)] long PointsPerYuan,
    [Id(1)] ImmutableArray<ImmutableArray<string>> ExcludedCategories,
    [Id(2)] bool EarnOnPointsRedeemed);
