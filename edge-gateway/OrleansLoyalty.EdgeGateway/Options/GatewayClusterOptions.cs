namespace OrleansLoyalty.EdgeGateway.Options;

/// <summary>Configuration section <c>Gateway:Cluster</c>: how the gateway reaches the Orleans cluster.</summary>
public sealed class GatewayClusterOptions
{
    /// <summary>
    /// <c>Orleans</c> (the default): a cluster client. <c>Standalone</c>: no cluster at all, every lane
    /// sells offline and the journal keeps everything for a later replay (demos, tests, a store being set up).
    /// </summary>
    public GatewayClusterMode Mode { get; set; } = GatewayClusterMode.Orleans;

    /// <summary>PostgreSQL connection string of the cluster's membership table (Orleans mode).</summary>
    public string? ConnectionString { get; set; }

    public string ClusterId { get; set; } = "loyalty";
    public string ServiceId { get; set; } = "orleans-loyalty";

    /// <summary>A lane call slower than this counts as the cluster being out of reach.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>While offline, how often the gateway checks whether the cluster is back.</summary>
    public TimeSpan ProbeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>While online, how often the offline catalog copy is refreshed.</summary>
    public TimeSpan CatalogRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}
