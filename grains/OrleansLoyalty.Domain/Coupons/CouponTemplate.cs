namespace OrleansLoyalty.Domain;

/// <summary>
/// A kind of coupon (rest.md <c>POST /coupon-templates</c>). Money in fen; <see cref="Percent"/> is an
/// integer percentage (10 = 10 % off = 9折), which expresses every X.Y折 a shop prints.
/// </summary>
/// <param name="Threshold">Eligible goods must reach this (fen); 0 = no threshold.</param>
/// <param name="CategoryPath">Prefix-matched category for category/gift kinds; empty = none.</param>
/// <param name="Skus">SKUs for category/gift kinds (union with <paramref name="CategoryPath"/>).</param>
/// <param name="ValidDays">Valid from the issue date for this many days (issue day included).</param>
/// <param name="ValidFrom">Fixed first valid store-local date (used when <paramref name="ValidDays"/> is null).</param>
/// <param name="ValidTo">Fixed last valid store-local date, inclusive.</param>
/// <param name="Public">A shared code any shopper may present.</param>
/// <param name="Code">The shared code of a public template.</param>
/// <param name="MaxRedemptions">Total redemptions of a public code; null = unlimited.</param>
/// <param name="PointsPrice">
/// Members may buy this coupon with points (programme.md: "points buy gifts from a gift catalogue and coupons as
/// well"; a gift is a <see cref="CouponKind.Gift"/> coupon redeemed at the lane); null = not for sale.
/// </param>
/// <param name="RewardStock">How many of this reward points may buy, all stores together (限量); null = no limit.</param>
[GenerateSerializer, Immutable, Alias("domain.CouponTemplate")]
public sealed record CouponTemplate(
    [Id(0)] string TemplateId,
    [Id(1)] string Name,
    [Id(2)] CouponKind Kind,
    [Id(3)] long Threshold,
    [Id(4)] long Amount,
    [Id(5)] int Percent,
    [Id(6)] ImmutableArray<string> CategoryPath,
    [Id(7)] ImmutableArray<string> Skus,
    [Id(8)] int? ValidDays,
    [Id(9)] DateOnly? ValidFrom,
    [Id(10)] DateOnly? ValidTo,
    [Id(11)] bool Public,
    [Id(12)] string? Code,
    [Id(13)] int? MaxRedemptions,
    [Id(14)] long? PointsPrice = null,
    [Id(15)] int? RewardStock = null)
{
    /// <summary>Validity window of a coupon issued on <paramref name="issuedOn"/> (store-local date).</summary>
    public (DateOnly ValidFrom, DateOnly ValidTo) ValidityFor(DateOnly issuedOn)
    {
        if (ValidDays is { } days)
        {
            return (issuedOn, issuedOn.AddDays(Math.Max(days, 1) - 1));
        }
        return (ValidFrom ?? issuedOn, ValidTo ?? DateOnly.MaxValue);
    }

    /// <summary>Issues a member coupon of this template.</summary>
    public Coupon Issue(string code, DateOnly issuedOn)
    {
        var (from, to) = ValidityFor(issuedOn);
        return new Coupon(code, TemplateId, CouponStatus.Active, from, to);
    }

    /// <summary>Whether the kind uses <see cref="CategoryPath"/>/<see cref="Skus"/> to pick its lines.</summary>
    public bool IsTargeted => Kind is CouponKind.CategoryAmountOff or CouponKind.CategoryPercentOff or CouponKind.Gift;
}
