using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Grains;
using OrleansLoyalty.Grains.Notifications;
using OrleansLoyalty.Grains.Notifications.Providers;
using OrleansLoyalty.Silo.Hosting;

namespace OrleansLoyalty.Integration.Tests.Hosting;

/// <summary>Which sender a silo hands each channel to, as its configuration says (docs/notices.md, "Providers").</summary>
public sealed class NotificationSendersTests
{
    [Fact]
    public void A_configured_provider_takes_its_channel_and_the_drop_folder_keeps_the_others()
    {
        var settings = Aliyun(NotificationTemplates.All);
        settings["Notifications:DropFolder"] = Path.GetTempPath();
        settings["Notifications:Email:Host"] = "smtp.example.cn";
        settings["Notifications:Email:From"] = "members@example.cn";

        using var services = Build(settings);
        var senders = services.GetServices<INotificationSender>().ToDictionary(s => s.Channel);

        Assert.IsType<AliyunSmsSender>(senders[NotificationChannels.Sms]);
        Assert.IsType<SmtpEmailSender>(senders[NotificationChannels.Email]);
        Assert.IsType<FileDropNotificationSender>(senders[NotificationChannels.WeChat]);
        Assert.Equal(3, services.GetServices<INotificationSender>().Count());
    }

    [Fact]
    public void Wechat_reminders_go_through_the_chains_mini_program_once_it_and_its_templates_are_configured()
    {
        var settings = new Dictionary<string, string?>
        {
            ["WeChat:AppId"] = "wx0123456789abcdef",
            ["WeChat:AppSecret"] = "secret",
            ["Notifications:DropFolder"] = Path.GetTempPath(),
        };
        foreach (var reminder in NotificationTemplates.Reminders)
        {
            settings[$"Notifications:WeChat:Templates:{reminder}:TemplateId"] = "tmpl-" + reminder;
            settings[$"Notifications:WeChat:Templates:{reminder}:Fields:thing1"] = "会员提醒";
        }

        using var services = Build(settings);
        var senders = services.GetServices<INotificationSender>().ToDictionary(s => s.Channel);

        Assert.IsType<WeChatMessageSender>(senders[NotificationChannels.WeChat]);
        Assert.IsType<FileDropNotificationSender>(senders[NotificationChannels.Sms]);
        Assert.True(services.GetRequiredService<IOptions<WeChatMessageOptions>>().Value.Templates.Count == NotificationTemplates.Reminders.Length);
        Assert.True(services.GetRequiredService<DeliverableChannels>().Has(NotificationChannels.WeChat));
    }

    [Fact]
    public void An_aliyun_configuration_missing_a_template_fails_when_the_silo_starts()
    {
        using var services = Build(Aliyun(NotificationTemplates.All.Where(t => t != NotificationTemplates.LowBalance)));

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AliyunSmsOptions>>().Value);

        Assert.Contains(NotificationTemplates.LowBalance, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_provider_or_a_drop_folder_nothing_is_sent_and_the_outbox_keeps_the_messages()
    {
        using var services = Build([]);

        Assert.Empty(services.GetServices<INotificationSender>());
    }

    private static Dictionary<string, string?> Aliyun(IEnumerable<string> templates)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:Sms:Aliyun:AccessKeyId"] = "LTAI-test",
            ["Notifications:Sms:Aliyun:AccessKeySecret"] = "secret",
            ["Notifications:Sms:Aliyun:SignName"] = "好邻居超市",
        };
        foreach (var template in templates)
        {
            settings[$"Notifications:Sms:Aliyun:Templates:{template}"] = "SMS_1";
        }
        return settings;
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddKeyedSingleton(LoyaltyClock.Key, TimeProvider.System);
        services.AddLoyaltyNotifications(configuration);
        return services.BuildServiceProvider();
    }
}
