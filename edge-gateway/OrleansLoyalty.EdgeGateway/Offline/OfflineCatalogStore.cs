using Microsoft.Extensions.Options;
using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.EdgeGateway.Options;

namespace OrleansLoyalty.EdgeGateway.Offline;

/// <summary>
/// The store's catalog copy for offline selling: loaded from disk at start (the cache, else the
/// seed file), replaced and persisted whenever the cluster sends a fresh one.
/// </summary>
public sealed class OfflineCatalogStore
{
    private readonly string _cachePath;
    private volatile OfflineCatalog _current;

    public OfflineCatalogStore(IOptions<GatewayOptions> options)
    {
        var gateway = options.Value;
        _cachePath = gateway.ResolvedCatalogCachePath;
        _current = Load(_cachePath) ?? Load(gateway.SeedCatalogPath) ?? OfflineCatalog.Empty(gateway.StoreId);
    }

    public OfflineCatalog Current => _current;

    public void Replace(LaneCatalogSnapshot snapshot)
    {
        JsonSnapshotFile.Write(_cachePath, snapshot);
        _current = new OfflineCatalog(snapshot);
    }

    private static OfflineCatalog? Load(string? path) =>
        JsonSnapshotFile.Read<LaneCatalogSnapshot>(path) is { } snapshot ? new OfflineCatalog(snapshot) : null;
}
