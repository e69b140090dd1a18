using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Grains.Notifications;
using OrleansLoyalty.Grains.Notifications.Providers;

namespace OrleansLoyalty.Silo.Hosting;

public static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// The outbox's dispatcher and one sender per channel: the providers configured (<c>Notifications:Sms:Aliyun</c>,
    /// <c>Notifications:Email</c>, <c>Notifications:WeChat</c>), and file-drop senders for the other channels where <c>Notifications:DropFolder</c> is
    /// set (docs/notices.md, "Providers").
    /// </summary>
    public static IServiceCollection AddLoyaltyNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<NoticeOptions>().BindConfiguration(NoticeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var provided = new HashSet<string>(StringComparer.Ordinal);
        if (configuration.GetSection(AliyunSmsOptions.SectionName).Exists())
        {
            services.AddOptions<AliyunSmsOptions>().BindConfiguration(AliyunSmsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
            services.AddSingleton<IValidateOptions<AliyunSmsOptions>, AliyunSmsOptionsValidator>();
            services.AddHttpClient(AliyunSmsSender.HttpClientName);
            services.AddSingleton<INotificationSender, AliyunSmsSender>();
            provided.Add(NotificationChannels.Sms);
        }
        if (configuration.GetSection(SmtpEmailOptions.SectionName).Exists())
        {
            services.AddOptions<SmtpEmailOptions>().BindConfiguration(SmtpEmailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
            services.AddSingleton<INotificationSender, SmtpEmailSender>();
            provided.Add(NotificationChannels.Email);
        }
        if (configuration.GetSection(WeChatMessageOptions.SectionName).Exists())
        {
            services.AddWeChatApi();
            services.AddOptions<WeChatMessageOptions>().BindConfiguration(WeChatMessageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
            services.AddSingleton<IValidateOptions<WeChatMessageOptions>, WeChatMessageOptionsValidator>();
            services.AddSingleton<INotificationSender, WeChatMessageSender>();
            provided.Add(NotificationChannels.WeChat);
        }
        var dropFolder = configuration[$"{NotificationOptions.SectionName}:{nameof(NotificationOptions.DropFolder)}"];
        if (!string.IsNullOrWhiteSpace(dropFolder))
        {
            foreach (var channel in NotificationChannels.All.Where(c => !provided.Contains(c)))
            {
                services.AddSingleton<INotificationSender>(new FileDropNotificationSender(Path.GetFullPath(dropFolder), channel));
            }
        }
        services.AddSingleton(sp => DeliverableChannels.Of(sp.GetServices<INotificationSender>()));
        services.AddSingleton<ISmsFallback, MemberSmsFallback>();
        services.AddMetrics();
        services.AddHostedService<NotificationDispatcher>();
        return services;
    }
}
