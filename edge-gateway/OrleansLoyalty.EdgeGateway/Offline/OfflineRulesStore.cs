using Microsoft.Extensions.Options;
using OrleansLoyalty.Contracts.Lanes;
using OrleansLoyalty.Domain;
using OrleansLoyalty.EdgeGateway.Options;

namespace OrleansLoyalty.EdgeGateway.Offline;

/// <summary>
/// The store's pricing rules for offline selling (programme, campaigns, public coupon templates, time
/// zone): loaded from disk at start (the cache, else the seed file, else the default programme with no
/// campaigns), replaced and persisted whenever the cluster sends fresh ones.
/// </summary>
public sealed class OfflineRulesStore
{
    /// <summary>The chain's default zone (ChainOptions) when the gateway has never heard from the cluster.</summary>
    public const string FallbackTimeZoneId = "Asia/Shanghai";

    private readonly string _cachePath;
    private volatile LaneRulesSnapshot _current;

    public OfflineRulesStore(IOptions<GatewayOptions> options)
    {
        var gateway = options.Value;
        _cachePath = gateway.ResolvedRulesCachePath;
        _current = Load(_cachePath) ?? Load(gateway.SeedRulesPath) ?? Default(gateway.StoreId);
    }

    public LaneRulesSnapshot Current => _current;

    public void Replace(LaneRulesSnapshot snapshot)
    {
        JsonSnapshotFile.Write(_cachePath, snapshot);
        _current = snapshot;
    }

    /// <summary>A copy this version cannot read is skipped: the gateway must start and sell; the next refresh replaces it.</summary>
    private static LaneRulesSnapshot? Load(string? path)
    {
        try
        {
            return JsonSnapshotFile.Read<LaneRulesSnapshot>(path);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static LaneRulesSnapshot Default(string storeId) => new()
    {
        StoreId = storeId,
        AsOf = DateTimeOffset.UnixEpoch,
        TimeZoneId = FallbackTimeZoneId,
        Programme = Domain.Programme.Default,
    };
}
