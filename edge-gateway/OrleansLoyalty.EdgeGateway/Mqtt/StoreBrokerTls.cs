using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;

namespace OrleansLoyalty.EdgeGateway.Mqtt;

/// <summary>
/// TLS to a store broker (deploy/mosquitto.sh's device listener). Compiled into the gateway and linked into the lane
/// simulator and the tests, so that every client checks the broker the same way.
/// </summary>
internal static class StoreBrokerTls
{
    /// <param name="caFile">The store's CA (PEM): the broker's certificate must chain to it and nothing else. Null: the
    /// machine's trusted roots.</param>
    /// <param name="serverName">The name the certificate must carry; null: the host connected to.</param>
    public static MqttClientOptionsBuilder WithStoreBrokerTls(this MqttClientOptionsBuilder builder, string? caFile, string? serverName = null) =>
        builder.WithTlsOptions(tls =>
        {
            tls.WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13);
            if (caFile is not null)
            {
                var trust = new X509Certificate2Collection();
                trust.ImportFromPemFile(caFile);
                // A store's own CA publishes no revocation list; its certificates are replaced by regenerating them.
                tls.WithTrustChain(trust).WithRevocationMode(X509RevocationMode.NoCheck);
            }
            if (serverName is not null)
            {
                tls.WithTargetHost(serverName);
            }
        });
}
