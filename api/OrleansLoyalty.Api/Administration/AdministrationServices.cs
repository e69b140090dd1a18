using Microsoft.Extensions.DependencyInjection.Extensions;
using OrleansLoyalty.Grains.Administration;

namespace OrleansLoyalty.Api.Administration;

public static class AdministrationServices
{
    /// <summary>The rules' reader and writer, also when the api runs as a client of a separate cluster.</summary>
    public static IServiceCollection AddLoyaltyAdministration(this IServiceCollection services)
    {
        services.TryAddSingleton<RulesReader>();
        services.TryAddSingleton<RulesWriter>();
        services.AddMemoryCache();
        services.TryAddSingleton<StoreDirectory>();
        return services;
    }

    /// <summary>Stores and catalogs, the programme, campaigns, coupon templates and members' coupons.</summary>
    public static RouteGroupBuilder MapAdministrationApi(this RouteGroupBuilder api) => api
        .MapStoresApi()
        .MapProgrammeApi()
        .MapCampaignsApi()
        .MapCouponTemplatesApi()
        .MapMemberCouponsApi()
        .MapRewardsApi();
}
