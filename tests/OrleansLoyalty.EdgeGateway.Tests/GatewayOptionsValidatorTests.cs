using OrleansLoyalty.EdgeGateway.Options;

namespace OrleansLoyalty.EdgeGateway.Tests;

/// <summary>A gateway refuses to start with settings that would fail later, saying which one.</summary>
public sealed class GatewayOptionsValidatorTests
{
    private static GatewayOptions Valid() => new()
    {
        StoreId = "s001",
        JournalPath = "/var/lib/loyalty-gateway",
        Mqtt = { Username = "gw-s001", Password = "secret" },
        Cluster = { Mode = GatewayClusterMode.Standalone },
    };

    [Fact]
    public void A_complete_configuration_passes() => Assert.True(new GatewayOptionsValidator().Validate(null, Valid()).Succeeded);

    [Fact]
    public void Tls_to_the_broker_with_a_ca_file_that_is_not_there_is_refused_by_name()
    {
        var options = Valid();
        options.Mqtt.Tls = new GatewayMqttTlsOptions { Enabled = true, CaFile = "/nowhere/ca.crt" };

        var result = new GatewayOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Gateway:Mqtt:Tls:CaFile", result.FailureMessage, StringComparison.Ordinal);
    }
}
