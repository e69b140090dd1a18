using Microsoft.Extensions.Caching.Memory;
using OrleansLoyalty.Grains.Administration;

namespace OrleansLoyalty.Api.Administration;

/// <summary>
/// The chain's stores as anyone may see them: for the registration form's home-store picker, and to check the store a
/// shopper registering on the web picked. Read from PostgreSQL at most once a minute per instance, because the public
/// list is anonymous and must not turn every request into a query; a store saved on this instance shows at once.
/// </summary>
public sealed class StoreDirectory(RulesReader reader, IMemoryCache cache)
{
    private static readonly object Key = new();

    public async Task<IReadOnlyList<StoreSettings>> AllAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync(Key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return reader.StoresAsync(ct);
        }))!;

    public async Task<bool> ExistsAsync(string storeId, CancellationToken ct) =>
        (await AllAsync(ct)).Any(s => string.Equals(s.StoreId, storeId, StringComparison.Ordinal));

    /// <summary>A store was saved here: the next read sees it.</summary>
    public void Forget() => cache.Remove(Key);
}
