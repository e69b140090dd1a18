using System.Globalization;
using OrleansLoyalty.Grains.SignIn;

namespace OrleansLoyalty.Grains.Notifications;

/// <summary>
/// A message's values as the variables of a template registered with a provider (an SMS template approved by the
/// carrier): every value a display string, money in yuan and dates as a member reads them, so that the provider's
/// template reads exactly like <see cref="NotificationText"/> (docs/notices.md, "Providers").
/// </summary>
public static class TemplateVariables
{
    public static IReadOnlyDictionary<string, string> Of(string template, string values) => template switch
    {
        NotificationTemplates.SignInCode or NotificationTemplates.RegistrationCode or NotificationTemplates.PaymentPinCode =>
            Code(NotificationValues.Read<SignInCodeValues>(values)),
        NotificationTemplates.PointsExpiring => PointsExpiring(NotificationValues.Read<PointsExpiringValues>(values)),
        NotificationTemplates.TierDowngradeComing => TierDowngradeComing(NotificationValues.Read<TierDowngradeValues>(values)),
        NotificationTemplates.LowBalance => new Dictionary<string, string>
        {
            ["amount"] = NotificationText.Yuan(NotificationValues.Read<LowBalanceValues>(values).StoredValueLeft),
        },
        NotificationTemplates.BirthdayCoupon => BirthdayCoupon(NotificationValues.Read<BirthdayCouponValues>(values)),
        NotificationTemplates.Inactive => new Dictionary<string, string> { ["points"] = Number(NotificationValues.Read<InactiveValues>(values).Points) },
        NotificationTemplates.WelcomeBack => new Dictionary<string, string>(),
        NotificationTemplates.PhoneChanged => new Dictionary<string, string> { ["ending"] = NotificationValues.Read<PhoneChangedValues>(values).NewNumberEnding },
        NotificationTemplates.PaymentPinChanged => new Dictionary<string, string>
        {
            ["action"] = NotificationValues.Read<PaymentPinChangedValues>(values).Removed ? "已在门店服务台清除" : "已设置成功",
        },
        _ => throw new ArgumentException($"No variables for template '{template}'.", nameof(template)),
    };

    /// <summary>The names <see cref="Of"/> gives for a template, for checking a provider's configuration at start.</summary>
    public static IReadOnlySet<string> NamesOf(string template) => template switch
    {
        NotificationTemplates.SignInCode or NotificationTemplates.RegistrationCode or NotificationTemplates.PaymentPinCode => Names("code", "minutes"),
        NotificationTemplates.PointsExpiring => Names("points", "date"),
        NotificationTemplates.TierDowngradeComing => Names("from", "to", "date", "amount"),
        NotificationTemplates.LowBalance => Names("amount"),
        NotificationTemplates.BirthdayCoupon => Names("coupon", "date"),
        NotificationTemplates.Inactive => Names("points"),
        NotificationTemplates.PhoneChanged => Names("ending"),
        NotificationTemplates.PaymentPinChanged => Names("action"),
        _ => Names(),
    };

    private static HashSet<string> Names(params string[] names) => new(names, StringComparer.Ordinal);

    private static Dictionary<string, string> Code(SignInCodeValues v) =>
        new() { ["code"] = v.Code, ["minutes"] = Number(v.ValidMinutes) };

    private static Dictionary<string, string> PointsExpiring(PointsExpiringValues v) =>
        new() { ["points"] = Number(v.Points), ["date"] = LongDate(v.On) };

    private static Dictionary<string, string> TierDowngradeComing(TierDowngradeValues v) =>
        new() { ["from"] = v.From, ["to"] = v.To, ["date"] = LongDate(v.On), ["amount"] = NotificationText.Yuan(v.SpendToKeep) };

    private static Dictionary<string, string> BirthdayCoupon(BirthdayCouponValues v) =>
        new() { ["coupon"] = v.Coupon, ["date"] = v.ValidTo.ToString("M月d日", CultureInfo.InvariantCulture) };

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string LongDate(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
