using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using OrleansLoyalty.EdgeGateway.Mqtt;
using OrleansLoyalty.EdgeGateway.Tests.Infrastructure;

namespace OrleansLoyalty.EdgeGateway.Tests;

/// <summary>
/// The broker's TLS listener for devices on the store's network (deploy/mosquitto.sh with MQTT_TLS_PORT): a pay's
/// payment PIN must not cross the store's network in clear, and a device must not talk to an impostor broker.
/// </summary>
[Collection(MqttCollection.Name)]
public sealed class BrokerTlsTests
{
    [Fact]
    public async Task A_lane_on_the_store_network_pays_with_its_pin_over_tls_through_a_gateway_connected_over_tls()
    {
        using var setup = new GatewaySetup(TestBroker.StoreA);
        setup.Overrides["Gateway:Mqtt:Port"] = TestBroker.Tls.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        setup.Overrides["Gateway:Mqtt:Tls:Enabled"] = "true";
        setup.Overrides["Gateway:Mqtt:Tls:CaFile"] = TestBroker.Tls.CaFile;
        await using var gateway = await InProcessGateway.StartAsync(setup);
        await using var lane = await DeviceClient.ConnectAsync(setup.StoreId, "03", TestBroker.Device(setup.StoreId, "03"), subscribe: true, overTls: true);

        await lane.PublishAsync("card", Payloads.Card(Payloads.NewId("c"), "8800012345"));
        await lane.PublishAsync("scan", Payloads.Scan(Payloads.NewId("s"), TestCatalog.Rice));
        await lane.PublishAsync("pos", Payloads.StoredValuePay(Payloads.NewId("p"), "txn-tls-1", TestCatalog.RicePrice, paymentPin: "482916"));

        var receipt = await lane.WaitForAsync("receipt");
        Assert.Equal("txn-tls-1", receipt.Json.GetProperty("txnId").GetString());
        Assert.Equal("482916", setup.Backend.Received("03").Single(e => e.TxnId == "txn-tls-1").PaymentPin);
    }

    [Fact]
    public async Task A_device_that_does_not_trust_the_store_ca_never_connects()
    {
        var impostorCa = Path.Combine(Path.GetTempPath(), $"impostor-ca-{Guid.NewGuid():N}.crt");
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            var request = new CertificateRequest("CN=Not the store's CA", key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            // The handshake judges a certificate's validity by the machine's own clock, so the real one, not a fake.
            var now = TimeProvider.System.GetUtcNow();
            using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
            await File.WriteAllTextAsync(impostorCa, certificate.ExportCertificatePem());
        }
        try
        {
            Assert.False(await ConnectsAsync(new MqttClientOptionsBuilder().WithStoreBrokerTls(impostorCa)));
            Assert.False(await ConnectsAsync(new MqttClientOptionsBuilder().WithStoreBrokerTls(caFile: null)), "the machine's roots do not vouch for a store broker");
            Assert.False(await ConnectsAsync(new MqttClientOptionsBuilder().WithStoreBrokerTls(TestBroker.Tls.CaFile, serverName: "some-other-host")),
                "the certificate names the broker's addresses only");
            Assert.True(await ConnectsAsync(new MqttClientOptionsBuilder().WithStoreBrokerTls(TestBroker.Tls.CaFile)));
        }
        finally
        {
            File.Delete(impostorCa);
        }
    }

    [Fact]
    public async Task The_tls_listener_speaks_no_plain_mqtt_and_checks_passwords_as_the_other_does()
    {
        Assert.False(await ConnectsAsync(new MqttClientOptionsBuilder()), "plain MQTT on the TLS port");

        var (username, _) = TestBroker.Device(TestBroker.StoreA, "01");
        Assert.False(await ConnectsAsync(new MqttClientOptionsBuilder().WithStoreBrokerTls(TestBroker.Tls.CaFile), (username, "not-the-password")));
    }

    [Fact]
    public async Task The_lane_simulator_plays_a_lane_over_tls_when_asked()
    {
        using var setup = new GatewaySetup(TestBroker.StoreA);
        await using var gateway = await InProcessGateway.StartAsync(setup);
        var listener = LaneSimulator.BrokerCredentials.Load(TestBroker.CredentialsPath).Tls;
        Assert.Equal(("127.0.0.1", TestBroker.Tls.Port), (listener!.Host, listener.Port));
        var output = new StringWriter();
        var settings = new LaneSimulator.SimulationSettings(TestBroker.CredentialsPath, [TestBroker.StoreA], 1, Rate: 50,
            Duration: TimeSpan.FromMinutes(1), MaxEvents: 10, CardFrom: 8800012345, CardTo: 8800012345, PhoneFrom: 13800000001, PhoneTo: 13800000001,
            Coupons: [], ResponseTimeout: TimeSpan.FromSeconds(5), Seed: 7, Quiet: true, Tls: true);

        await new LaneSimulator.Simulation(settings, TimeProvider.System, output).RunAsync(CancellationToken.None);

        Assert.Contains($"127.0.0.1:{TestBroker.Tls.Port} over TLS", output.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(setup.Backend.Received("01"));
    }

    private static async Task<bool> ConnectsAsync(MqttClientOptionsBuilder builder, (string Username, string Password)? credentials = null)
    {
        var (username, password) = credentials ?? TestBroker.Device(TestBroker.StoreA, "01", "display");
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = builder
            .WithTcpServer("127.0.0.1", TestBroker.Tls.Port)
            .WithClientId($"tls-test-{Guid.NewGuid():N}")
            .WithCredentials(username, password)
            .WithTimeout(TimeSpan.FromSeconds(5))
            .Build();
        try
        {
            var result = await client.ConnectAsync(options);
            var connected = result.ResultCode == MqttClientConnectResultCode.Success && client.IsConnected;
            if (connected)
            {
                await client.DisconnectAsync();
            }
            return connected;
        }
        catch (Exception failure) when (failure is MQTTnet.Exceptions.MqttCommunicationException or MQTTnet.Adapter.MqttConnectingFailedException
            or System.Security.Authentication.AuthenticationException or OperationCanceledException)
        {
            return false;
        }
    }
}
