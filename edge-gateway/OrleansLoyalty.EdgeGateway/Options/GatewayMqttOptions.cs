namespace OrleansLoyalty.EdgeGateway.Options;

/// <summary>Configuration section <c>Gateway:Mqtt</c>: the store broker.</summary>
public sealed class GatewayMqttOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 1883;
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>
    /// A <c>credentials.json</c> written by <c>deploy/mosquitto.sh</c>: when set, the gateway's
    /// username and password for its store are read from it (explicit values win).
    /// </summary>
    public string? CredentialsFile { get; set; }

    /// <summary>Stable client id so that the broker keeps the session (and QoS 1 messages) across restarts; default <c>gateway-{StoreId}</c>.</summary>
    public string? ClientId { get; set; }

    /// <summary>How long the broker keeps the session while the gateway is away.</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>TLS to the broker; off for the usual gateway on the broker's own box (loopback).</summary>
    public GatewayMqttTlsOptions Tls { get; set; } = new();

    /// <summary>Pause between connection checks and reconnect attempts.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);
}
