using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Grains.Notifications;
using OrleansLoyalty.Grains.WeChat;

namespace OrleansLoyalty.Api.Members;

/// <summary>
/// The reminder channels this chain offers and how a member binds WeChat here, so that the portal offers only what the
/// api will take (docs/notices.md, "Channels").
/// </summary>
public static class NotificationChannelsApi
{
    public sealed record ChannelsOffered(IReadOnlyList<string> Channels, IReadOnlyList<string> WeChatBindBy);

    public static RouteGroupBuilder MapNotificationChannelsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/notification-channels", Offered).RequireAuthorization().WithTags("Members")
            .WithName("NotificationChannels").WithSummary("The channels reminders can go by here, and how WeChat is bound (a wx.login code, an open id)");
        return api;
    }

    private static Ok<ChannelsOffered> Offered(IServiceProvider services)
    {
        // Without a silo in this process (an api that is only a client) every channel is taken as offered.
        var deliverable = services.GetService<DeliverableChannels>() ?? new DeliverableChannels(NotificationChannels.All);
        var wechat = services.GetService<IOptions<WeChatOptions>>() is { } configured && services.GetService<WeChatApi>() is not null ? configured.Value : null;
        IReadOnlyList<string> bindBy = wechat is null ? ["openId"] : wechat.AcceptOpenIdFromApp ? ["code", "openId"] : ["code"];
        return TypedResults.Ok(new ChannelsOffered([.. NotificationChannels.All.Where(deliverable.Has)], bindBy));
    }
}
