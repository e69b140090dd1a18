using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using OrleansLoyalty.Grains.Notifications;

namespace OrleansLoyalty.Silo.Hosting;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>The outbox's dispatcher, and file-drop senders for every channel where <c>Notifications:DropFolder</c> is set.</summary>
    public static IServiceCollection AddLoyaltyNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NoticeOptions>().BindConfiguration(NoticeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var dropFolder = configuration[$"{NotificationOptions.SectionName}:{nameof(NotificationOptions.DropFolder)}"];
        if (!string.IsNullOrWhiteSpace(dropFolder))
        {
            foreach (var channel in NotificationChannels.All)
            {
                services.AddSingleton<INotificationSender>(new FileDropNotificationSender(Path.GetFullPath(dropFolder), channel));
            }
        }
        services.AddMetrics();
        services.AddHostedService<NotificationDispatcher>();
        return services;
    }
}
