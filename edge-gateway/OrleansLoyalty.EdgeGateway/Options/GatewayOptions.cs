namespace OrleansLoyalty.EdgeGateway.Options;

/// <summary>Configuration section <c>Gateway</c>: which store this edge box serves and where it keeps its journal.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>The store whose lanes this gateway serves (<c>[A-Za-z0-9_-]{1,32}</c>). Required.</summary>
    public string StoreId { get; set; } = "";

    /// <summary>Folder of the durable event journal (created if missing). Required.</summary>
    public string JournalPath { get; set; } = "";

    /// <summary>Where the offline catalog copy is kept; default <c>{JournalPath}/catalog.json</c>.</summary>
    public string? CatalogCachePath { get; set; }

    /// <summary>
    /// Optional catalog file (same JSON shape as the cache) read at start when no cache exists yet:
    /// lets a store sell offline before it ever reached the cluster.
    /// </summary>
    public string? SeedCatalogPath { get; set; }

    /// <summary>Where the offline pricing rules (programme, campaigns, public coupons) are kept; default <c>{JournalPath}/rules.json</c>.</summary>
    public string? RulesCachePath { get; set; }

    /// <summary>Optional rules file (same JSON shape as the rules cache) read at start when no cache exists yet.</summary>
    public string? SeedRulesPath { get; set; }

    /// <summary>Largest device payload accepted; the MQTT contract says 64 KiB.</summary>
    public int MaxPayloadBytes { get; set; } = 64 * 1024;

    /// <summary>How many recent event ids each lane remembers to drop repeats (kept across restarts).</summary>
    public int DedupeWindowPerLane { get; set; } = 10_000;

    /// <summary>A journal segment is closed and a new one started past this size.</summary>
    public long JournalSegmentBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Phone numbers accepted by a POS <c>phone</c> command; mainland-China mobile by default.</summary>
    public string PhonePattern { get; set; } = @"^1[3-9][0-9]{9}\z";

    /// <summary>How often the retained status is published even when nothing changed.</summary>
    public TimeSpan StatusInterval { get; set; } = TimeSpan.FromSeconds(30);

    public GatewayMqttOptions Mqtt { get; set; } = new();

    public GatewayClusterOptions Cluster { get; set; } = new();

    /// <summary>Port of the health endpoint on 127.0.0.1 (<c>/health/live</c>, <c>/health/ready</c>); 0 turns it off.</summary>
    public int HealthPort { get; set; }

    public string ResolvedCatalogCachePath =>
        string.IsNullOrWhiteSpace(CatalogCachePath) ? Path.Combine(JournalPath, "catalog.json") : CatalogCachePath;

    public string ResolvedRulesCachePath =>
        string.IsNullOrWhiteSpace(RulesCachePath) ? Path.Combine(JournalPath, "rules.json") : RulesCachePath;
}
