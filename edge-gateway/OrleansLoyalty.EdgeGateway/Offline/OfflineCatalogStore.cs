using System.Text.Json;
using Microsoft.Extensions.Options;
using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.EdgeGateway.Json;
using OrleansLoyalty.EdgeGateway.Options;

namespace OrleansLoyalty.EdgeGateway.Offline;

/// <summary>
/// The store's catalog copy for offline selling: loaded from disk at start (the cache, else the
/// seed file), replaced and persisted (temp file, fsync, rename) whenever the cluster sends a fresh one.
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
        var directory = Path.GetDirectoryName(Path.GetFullPath(_cachePath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
        var temporary = _cachePath + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(file, snapshot, GatewayJson.Options);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, _cachePath, overwrite: true);
        _current = new OfflineCatalog(snapshot);
    }

    private static OfflineCatalog? Load(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            return null;
        }
        var snapshot = JsonSerializer.Deserialize<LaneCatalogSnapshot>(File.ReadAllBytes(path), GatewayJson.Options);
        return snapshot is null ? null : new OfflineCatalog(snapshot);
    }
}
