using OrleansLoyalty.Grains.Notifications;
using OrleansLoyalty.Grains.SignIn;

namespace OrleansLoyalty.Grains.Tests.Notifications;

/// <summary>One message of every template, as the dispatcher hands them to a sender.</summary>
public static class SampleDeliveries
{
    public static readonly DateTimeOffset At = new(2026, 12, 3, 10, 0, 0, TimeSpan.FromHours(8));

    public static string ValuesOf(string template) => template switch
    {
        NotificationTemplates.SignInCode or NotificationTemplates.RegistrationCode or NotificationTemplates.PaymentPinCode =>
            NotificationValues.Write(new SignInCodeValues("482916", 5)),
        NotificationTemplates.PointsExpiring => NotificationValues.Write(new PointsExpiringValues(150, new DateOnly(2041, 12, 31))),
        NotificationTemplates.TierDowngradeComing => NotificationValues.Write(new TierDowngradeValues("金卡会员", "银卡会员", new DateOnly(2047, 5, 10), 800_050)),
        NotificationTemplates.LowBalance => NotificationValues.Write(new LowBalanceValues(1_350)),
        NotificationTemplates.BirthdayCoupon => NotificationValues.Write(new BirthdayCouponValues("生日满50减10", new DateOnly(2026, 12, 31))),
        NotificationTemplates.Inactive => NotificationValues.Write(new InactiveValues(110)),
        NotificationTemplates.WelcomeBack => NotificationValues.Write(new WelcomeBackValues()),
        NotificationTemplates.PhoneChanged => NotificationValues.Write(new PhoneChangedValues("5678")),
        NotificationTemplates.PaymentPinChanged => NotificationValues.Write(new PaymentPinChangedValues(Removed: true)),
        _ => throw new ArgumentException(template, nameof(template)),
    };

    public static NotificationDelivery Of(string template, string channel = NotificationChannels.Sms, string recipient = "13800000001", string? messageId = null)
    {
        var values = ValuesOf(template);
        return new NotificationDelivery(messageId ?? $"M000000000000042:{template}:2026-12-03", "M000000000000042", channel, template, recipient, values,
            NotificationText.Render(template, values), At);
    }

    public static TheoryData<string> Templates => [.. NotificationTemplates.All];
}
