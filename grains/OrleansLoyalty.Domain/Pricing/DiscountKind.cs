namespace OrleansLoyalty.Domain;

/// <summary>rest.md <c>kind: tier|promotion|coupon|points</c>. The member-day discount is a member benefit and reports as <see cref="Tier"/>.</summary>
public enum DiscountKind
{
    Tier = 0,
    Promotion = 1,
    Coupon = 2,
    Points = 3,
}
