namespace OrleansLoyalty.Grains.Notifications;

/// <summary>The ways a message travels; each has one <see cref="INotificationSender"/>.</summary>
public static class NotificationChannels
{
    public const string Sms = "sms";
    public const string Email = "email";
    /// <summary>A WeChat-style service message to the member's bound open id.</summary>
    public const string WeChat = "wechat";

    public static readonly string[] All = [Sms, Email, WeChat];
}

/// <summary>What a message says; a sender renders the template with the message's values.</summary>
public static class NotificationTemplates
{
    /// <summary>A member's one-time sign-in code. Values: <see cref="SignIn.SignInCodeValues"/>.</summary>
    public const string SignInCode = "signin.code";

    /// <summary>A code proving a phone is in hand, for registering on the web or in the app. Values: <see cref="SignIn.SignInCodeValues"/>.</summary>
    public const string RegistrationCode = "registration.code";

    /// <summary>Points of a lot expire soon (the programme: "told 30 days before"). A service notice. Values: <see cref="PointsExpiringValues"/>.</summary>
    public const string PointsExpiring = "points.expiring";

    /// <summary>The yearly review will take the member down a tier (the programme: "told a month before"). A service notice.</summary>
    public const string TierDowngradeComing = "tier.downgrade_coming";

    /// <summary>A sale took the member's stored value below the threshold. A service notice. Values: <see cref="LowBalanceValues"/>.</summary>
    public const string LowBalance = "card.low_balance";

    /// <summary>The birthday coupon is in the member's account. Marketing: needs consent.</summary>
    public const string BirthdayCoupon = "birthday.coupon";

    /// <summary>
    /// To the old number when a member's phone was changed: a security notice, sent at once, whatever the consent,
    /// quiet hours or weekly cap. Values: <see cref="PhoneChangedValues"/>.
    /// </summary>
    public const string PhoneChanged = "member.phone_changed";

    /// <summary>A code the member asked for to set or change their payment PIN (docs/payment-pin.md). Values: <see cref="SignIn.SignInCodeValues"/>.</summary>
    public const string PaymentPinCode = "payment_pin.code";

    /// <summary>The member's payment PIN was set, changed or removed: a security notice, sent at once. Values: <see cref="PaymentPinChangedValues"/>.</summary>
    public const string PaymentPinChanged = "payment_pin.changed";

    /// <summary>The member has not shopped for a while; their points still wait. Marketing: needs consent. Values: <see cref="InactiveValues"/>.</summary>
    public const string Inactive = "member.inactive";

    /// <summary>
    /// The member has not shopped for a while and has no points waiting: <see cref="Inactive"/>'s words for them. A
    /// template of its own, because a carrier-approved SMS template cannot leave out its variable ("您的0积分"). Marketing.
    /// Values: <see cref="WelcomeBackValues"/>.
    /// </summary>
    public const string WelcomeBack = "member.welcome_back";

    /// <summary>The reminders: the messages that go by the member's chosen channel (the rest always go by SMS).</summary>
    public static readonly string[] Reminders = [PointsExpiring, TierDowngradeComing, LowBalance, BirthdayCoupon, Inactive, WelcomeBack];

    /// <summary>Every template: a provider with registered templates needs one of its own for each.</summary>
    public static readonly string[] All =
    [
        SignInCode, RegistrationCode, PaymentPinCode, PointsExpiring, TierDowngradeComing, LowBalance, BirthdayCoupon, Inactive,
        WelcomeBack, PhoneChanged, PaymentPinChanged,
    ];
}
