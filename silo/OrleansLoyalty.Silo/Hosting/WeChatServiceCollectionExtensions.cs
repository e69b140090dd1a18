using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansLoyalty.Grains.WeChat;

namespace OrleansLoyalty.Silo.Hosting;

public static class WeChatServiceCollectionExtensions
{
    /// <summary>
    /// The chain's WeChat mini-program, when the <c>WeChat</c> section names one: the api binds open ids from
    /// <c>wx.login</c> codes, and the WeChat reminder sender gets its access token (docs/notices.md, "WeChat").
    /// </summary>
    public static IServiceCollection AddLoyaltyWeChat(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetSection(WeChatOptions.SectionName).Exists())
        {
            services.AddWeChatApi();
        }
        return services;
    }

    internal static IServiceCollection AddWeChatApi(this IServiceCollection services)
    {
        services.AddOptions<WeChatOptions>().BindConfiguration(WeChatOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(WeChatApi.HttpClientName);
        services.TryAddSingleton<WeChatApi>();
        return services;
    }
}
