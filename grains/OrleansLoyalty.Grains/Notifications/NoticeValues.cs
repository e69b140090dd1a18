namespace OrleansLoyalty.Grains.Notifications;

/// <summary>The values of a <c>points.expiring</c> message.</summary>
public sealed record PointsExpiringValues(long Points, DateOnly On);

/// <summary>The values of a <c>tier.downgrade_coming</c> message: tier names as the member knows them, and the spend (fen) that keeps the tier.</summary>
public sealed record TierDowngradeValues(string From, string To, DateOnly On, long SpendToKeep);

/// <summary>The values of a <c>card.low_balance</c> message: what is left on the member's cards, fen.</summary>
public sealed record LowBalanceValues(long StoredValueLeft);

/// <summary>The values of a <c>birthday.coupon</c> message.</summary>
public sealed record BirthdayCouponValues(string Coupon, DateOnly ValidTo);

/// <summary>The values of a <c>member.phone_changed</c> message: the new number's last four digits only.</summary>
public sealed record PhoneChangedValues(string NewNumberEnding);

/// <summary>The values of a <c>payment_pin.changed</c> message: whether the PIN is now removed (by staff at the desk) rather than set.</summary>
public sealed record PaymentPinChangedValues(bool Removed);

/// <summary>The values of a <c>member.inactive</c> message.</summary>
public sealed record InactiveValues(long Points);

/// <summary>The values of a <c>member.welcome_back</c> message: none, the words are all the template's.</summary>
public sealed record WelcomeBackValues;
