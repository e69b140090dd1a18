using OrleansLoyalty.Grains.SignIn;

namespace OrleansLoyalty.Grains.Notifications;

/// <summary>The words of each template, as a member reads them (providers with registered templates use the values instead).</summary>
public static class NotificationText
{
    public static string Render(string template, string values) => template switch
    {
        NotificationTemplates.SignInCode => SignInCode(NotificationValues.Read<SignInCodeValues>(values)),
        NotificationTemplates.RegistrationCode => RegistrationCode(NotificationValues.Read<SignInCodeValues>(values)),
        NotificationTemplates.PointsExpiring => PointsExpiring(NotificationValues.Read<PointsExpiringValues>(values)),
        NotificationTemplates.TierDowngradeComing => TierDowngradeComing(NotificationValues.Read<TierDowngradeValues>(values)),
        NotificationTemplates.LowBalance => LowBalance(NotificationValues.Read<LowBalanceValues>(values)),
        NotificationTemplates.BirthdayCoupon => BirthdayCoupon(NotificationValues.Read<BirthdayCouponValues>(values)),
        NotificationTemplates.Inactive => Inactive(NotificationValues.Read<InactiveValues>(values)),
        NotificationTemplates.WelcomeBack => WelcomeBack,
        NotificationTemplates.PhoneChanged => PhoneChanged(NotificationValues.Read<PhoneChangedValues>(values)),
        NotificationTemplates.PaymentPinCode => PaymentPinCode(NotificationValues.Read<SignInCodeValues>(values)),
        NotificationTemplates.PaymentPinChanged => PaymentPinChanged(NotificationValues.Read<PaymentPinChangedValues>(values)),
        _ => throw new ArgumentException($"No text for template '{template}'.", nameof(template)),
    };

    /// <summary>A title for channels that show one (an e-mail's subject, a WeChat service message's heading).</summary>
    public static string Title(string template) => template switch
    {
        NotificationTemplates.SignInCode or NotificationTemplates.RegistrationCode => "会员验证码",
        NotificationTemplates.PointsExpiring => "积分即将到期提醒",
        NotificationTemplates.TierDowngradeComing => "会员等级复核提醒",
        NotificationTemplates.LowBalance => "储值余额提醒",
        NotificationTemplates.BirthdayCoupon => "生日礼券已到账",
        NotificationTemplates.Inactive or NotificationTemplates.WelcomeBack => "好久不见",
        NotificationTemplates.PhoneChanged or NotificationTemplates.PaymentPinChanged => "账号安全提醒",
        NotificationTemplates.PaymentPinCode => "支付密码验证码",
        _ => "会员通知",
    };

    private static string PointsExpiring(PointsExpiringValues v) =>
        $"您有 {v.Points} 积分将于 {v.On:yyyy年M月d日} 到期，请在此之前使用（100 积分可抵 1 元）。";

    private static string TierDowngradeComing(TierDowngradeValues v) =>
        $"您的{v.From}将于 {v.On:yyyy年M月d日} 复核，按近 12 个月的消费将调整为{v.To}。在此之前再消费 {Yuan(v.SpendToKeep)} 元即可保级。";

    private static string LowBalance(LowBalanceValues v) =>
        $"您的会员卡储值余额为 {Yuan(v.StoredValueLeft)} 元，可到任一门店服务台充值。";

    private static string BirthdayCoupon(BirthdayCouponValues v) =>
        $"生日快乐！本月生日券「{v.Coupon}」已放入您的账户，{v.ValidTo:M月d日}前有效。";

    // A member with no points gets member.welcome_back; the 0 case stays for messages queued before that template existed.
    private static string Inactive(InactiveValues v) =>
        v.Points > 0 ? $"好久不见！您的 {v.Points} 积分还在等您，欢迎回来逛逛。" : WelcomeBack;

    // Promises nothing the programme may not hold (which day is member day, what it gives, differs by chain).
    private const string WelcomeBack = "好久不见！欢迎回来逛逛，会员专享的优惠一直在等您。";

    private static string PhoneChanged(PhoneChangedValues v) =>
        $"您的会员账号已改用尾号 {v.NewNumberEnding} 的手机号。如非本人操作，请立即到门店服务台或致电客服。";

    private static string PaymentPinCode(SignInCodeValues v) =>
        $"您正在设置会员储值支付密码，验证码是 {v.Code}，{v.ValidMinutes} 分钟内有效。请勿告诉他人，包括门店员工。";

    private static string PaymentPinChanged(PaymentPinChangedValues v) =>
        v.Removed
            ? "您的会员储值支付密码已在门店服务台清除，请在会员 App 中重新设置。如非本人操作，请立即致电客服。"
            : "您的会员储值支付密码已设置成功。如非本人操作，请立即挂失会员卡并致电客服。";

    /// <summary>Fen as yuan the way a member reads them: 13, 13.50.</summary>
    public static string Yuan(long fen) => (fen / 100).ToString(System.Globalization.CultureInfo.InvariantCulture) + (fen % 100 == 0 ? "" : "." + (fen % 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture));

    private static string SignInCode(SignInCodeValues v) =>
        $"您的会员登录验证码是 {v.Code}，{v.ValidMinutes} 分钟内有效。请勿告诉他人。";

    private static string RegistrationCode(SignInCodeValues v) =>
        $"您正在注册会员，验证码是 {v.Code}，{v.ValidMinutes} 分钟内有效。如非本人操作，请忽略本短信。";
}
