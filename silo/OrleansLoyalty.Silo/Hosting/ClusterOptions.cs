using System.ComponentModel.DataAnnotations;

namespace OrleansLoyalty.Silo.Hosting;

/// <summary>Where this silo sits in the cluster. Bound from the "Orleans" section.</summary>
public sealed class LoyaltyClusterOptions
{
    public const string SectionName = "Orleans";

    /// <summary>Silos with the same cluster id and database form one cluster.</summary>
    [Required]
    public string ClusterId { get; set; } = "loyalty";

    /// <summary>Stays the same across deployments: grain state and reminders are keyed by it.</summary>
    [Required]
    public string ServiceId { get; set; } = "orleans-loyalty";

    /// <summary>Silo-to-silo port.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port Orleans clients (the edge gateway, a separate api) connect to.</summary>
    [Range(1, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this one at. Loopback for a local cluster.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";
}
