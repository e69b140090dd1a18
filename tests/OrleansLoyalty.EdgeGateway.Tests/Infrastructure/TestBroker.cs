using System.Text.Json;

namespace OrleansLoyalty.EdgeGateway.Tests.Infrastructure;

/// <summary>
/// The real mosquitto the tests run against: <c>LOYALTY_TEST_MQTT_PORT</c> on 127.0.0.1 and
/// <c>LOYALTY_TEST_MQTT_CREDENTIALS</c>, the credentials.json that <c>deploy/mosquitto.sh</c> wrote for
/// a stores spec containing <c>gwt1:4,gwt2:2</c>.
/// </summary>
public static class TestBroker
{
    public const string StoreA = "gwt1";
    public const string StoreB = "gwt2";
    public const string RequiredSpec = "gwt1:4,gwt2:2";

    private static readonly Lazy<JsonDocument> Credentials = new(LoadCredentials);

    public static int Port
    {
        get
        {
            var text = Environment.GetEnvironmentVariable("LOYALTY_TEST_MQTT_PORT");
            Assert.True(
                int.TryParse(text, out var port),
                "LOYALTY_TEST_MQTT_PORT is not set: start a broker with `deploy/mosquitto.sh start <dir> <port> " + RequiredSpec +
                "` and export LOYALTY_TEST_MQTT_PORT=<port> LOYALTY_TEST_MQTT_CREDENTIALS=<dir>/credentials.json");
            return port;
        }
    }

    public static string CredentialsPath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("LOYALTY_TEST_MQTT_CREDENTIALS");
            Assert.True(
                !string.IsNullOrEmpty(path) && File.Exists(path),
                "LOYALTY_TEST_MQTT_CREDENTIALS must name the credentials.json written by deploy/mosquitto.sh for stores " + RequiredSpec);
            return path!;
        }
    }

    /// <summary>The device listener over TLS (<c>MQTT_TLS_PORT</c> when tests/run.sh started the broker) and the store CA.</summary>
    public static (int Port, string CaFile) Tls
    {
        get
        {
            Assert.True(Credentials.Value.RootElement.TryGetProperty("tls", out var tls),
                "the test broker has no TLS listener: start it with MQTT_TLS_PORT=<port> deploy/mosquitto.sh start ... (tests/run.sh does)");
            return (tls.GetProperty("port").GetInt32(), tls.GetProperty("caFile").GetString()!);
        }
    }

    public static (string Username, string Password) Gateway(string storeId) =>
        Read(Credentials.Value.RootElement.GetProperty("stores").GetProperty(storeId).GetProperty("gateway"));

    public static (string Username, string Password) Device(string storeId, string laneId, string role = "terminal") =>
        Read(Credentials.Value.RootElement.GetProperty("stores").GetProperty(storeId).GetProperty("lanes").GetProperty(laneId).GetProperty(role));

    public static (string Username, string Password) Observer() =>
        Read(Credentials.Value.RootElement.GetProperty("observer"));

    private static (string, string) Read(JsonElement element) =>
        (element.GetProperty("username").GetString()!, element.GetProperty("password").GetString()!);

    private static JsonDocument LoadCredentials() => JsonDocument.Parse(File.ReadAllBytes(CredentialsPath));
}
