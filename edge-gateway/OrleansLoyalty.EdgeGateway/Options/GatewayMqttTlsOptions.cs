namespace OrleansLoyalty.EdgeGateway.Options;

/// <summary>
/// Configuration section <c>Gateway:Mqtt:Tls</c>: for a gateway that reaches its store broker over the network
/// rather than on the edge box's loopback (docs/edge-gateway.md, "Broker and device security").
/// </summary>
public sealed class GatewayMqttTlsOptions
{
    public bool Enabled { get; set; }

    /// <summary>
    /// The store broker's CA certificate (PEM; <c>deploy/mosquitto.sh</c> writes <c>tls/ca.crt</c>): only a broker
    /// certificate it signed is trusted. Unset: the machine's trusted roots.
    /// </summary>
    public string? CaFile { get; set; }

    /// <summary>The name the broker's certificate must carry; default <see cref="GatewayMqttOptions.Host"/>.</summary>
    public string? ServerName { get; set; }
}
