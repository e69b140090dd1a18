using System.Text.Json;
using OrleansLoyalty.Grains.SignIn;

namespace OrleansLoyalty.Grains.Notifications;

/// <summary>The words of each template, as a member reads them (providers with registered templates use the values instead).</summary>
public static class NotificationText
{
    public static string Render(string template, string values) => template switch
    {
        NotificationTemplates.SignInCode => SignInCode(JsonSerializer.Deserialize<SignInCodeValues>(values, SignInCodeValues.Json)!),
        _ => throw new ArgumentException($"No text for template '{template}'.", nameof(template)),
    };

    private static string SignInCode(SignInCodeValues v) =>
        $"您的会员登录验证码是 {v.Code}，{v.ValidMinutes} 分钟内有效。请勿告诉他人。";
}
