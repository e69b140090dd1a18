using Microsoft.Extensions.Options;

namespace OrleansLoyalty.Grains.Dashboard;

/// <summary>Time zones from <see cref="DashboardOptions"/>; a store-table lookup can replace it.</summary>
internal sealed class ConfiguredStoreTimeZones(IOptions<DashboardOptions> options) : IStoreTimeZones
{
    private readonly TimeZoneInfo _default = TimeZoneInfo.FindSystemTimeZoneById(options.Value.DefaultTimeZone);

    public TimeZoneInfo ForStore(string storeId) =>
        options.Value.StoreTimeZones.TryGetValue(storeId, out var id) ? TimeZoneInfo.FindSystemTimeZoneById(id) : _default;

    public TimeZoneInfo ForChain() => _default;
}
