using OrleansLoyalty.Contracts.Members;

namespace OrleansLoyalty.Grains.Notifications;

/// <summary>
/// Where a reminder goes: the channel the member chose, when they have an address on it and the silo can deliver on
/// it; else their phone. Sign-in codes and security notices always go by SMS to a number (they prove or protect the
/// phone itself).
/// </summary>
public readonly record struct NoticeRoute(string Channel, string Recipient)
{
    public static NoticeRoute For(MemberProfile profile, DeliverableChannels deliverable) => profile.NotifyBy switch
    {
        NotificationChannels.Email when !string.IsNullOrWhiteSpace(profile.Email) && deliverable.Has(NotificationChannels.Email) =>
            new(NotificationChannels.Email, profile.Email),
        NotificationChannels.WeChat when !string.IsNullOrWhiteSpace(profile.WeChatOpenId) && deliverable.Has(NotificationChannels.WeChat) =>
            new(NotificationChannels.WeChat, profile.WeChatOpenId),
        _ => new(NotificationChannels.Sms, profile.Phone),
    };
}
