using Microsoft.Extensions.Options;
using OrleansLoyalty.Grains.WeChat;

namespace OrleansLoyalty.Grains.Notifications.Providers;

/// <summary>
/// Hands reminders to WeChat as mini-program subscription messages (<c>message/subscribe/send</c>) to the member's
/// bound open id. WeChat delivers one only while the member has a subscription left for that template (the app asks
/// with <c>wx.requestSubscribeMessage</c>); without one it answers 43101, and the dispatcher sends the reminder by SMS
/// instead (<see cref="NotificationRefusedException.Undeliverable"/>).
/// </summary>
public sealed class WeChatMessageSender(WeChatApi wechat, IOptions<WeChatMessageOptions> options) : INotificationSender
{
    public string Channel => NotificationChannels.WeChat;

    public async Task SendAsync(NotificationDelivery delivery, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Templates.TryGetValue(delivery.Template, out var template))
        {
            throw new NotificationRefusedException($"No WeChat template for {delivery.Template}.");
        }
        var body = new
        {
            touser = delivery.Recipient,
            template_id = template.TemplateId,
            page = settings.Page,
            miniprogram_state = settings.MiniprogramState,
            lang = "zh_CN",
            data = WeChatFields.Fill(template, TemplateVariables.Of(delivery.Template, delivery.Values)),
        };
        var answer = await wechat.PostWithToken("cgi-bin/message/subscribe/send", body, cancellationToken);
        if (!answer.Ok)
        {
            throw new NotificationRefusedException($"WeChat refused {delivery.Template}: {answer.ErrCode} {answer.ErrMsg}".TrimEnd(),
                undeliverable: answer.ErrCode is NoSubscriptionLeft or UnknownOpenId);
        }
    }

    private const int UnknownOpenId = 40003;
    private const int NoSubscriptionLeft = 43101;
}
