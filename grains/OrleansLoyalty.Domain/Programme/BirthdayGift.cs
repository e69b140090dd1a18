namespace OrleansLoyalty.Domain;

/// <summary>
/// Birthday benefits: points multiplied on the birthday itself (store-local date, member's calendar)
/// and a coupon valid for the whole gregorian month the birthday falls in.
/// </summary>
/// <param name="PointsMultiplierTenths">20 = double points.</param>
[GenerateSerializer, Immutable, Alias("domain.BirthdayGift")]
public sealed record BirthdayGift(
    [Id(0)] int PointsMultiplierTenths,
    [Id(1)] CouponTemplate? Coupon)
{
    /// <summary>Validity of the birthday coupon: the gregorian month containing <paramref name="birthdayThisYear"/>.</summary>
    public static (DateOnly ValidFrom, DateOnly ValidTo) CouponWindow(DateOnly birthdayThisYear)
    {
        var first = new DateOnly(birthdayThisYear.Year, birthdayThisYear.Month, 1);
        return (first, first.AddMonths(1).AddDays(-1));
    }
}
