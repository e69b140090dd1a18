using System.Text.Json;

namespace OrleansLoyalty.LaneSimulator;

/// <summary>Reads the credentials.json written by deploy/mosquitto.sh: host, port and each lane terminal's login.</summary>
public sealed class BrokerCredentials
{
    private readonly JsonElement _root;

    private BrokerCredentials(JsonElement root) => _root = root;

    public string Host => _root.GetProperty("host").GetString()!;

    public int Port => _root.GetProperty("port").GetInt32();

    /// <summary>The listener for devices on the store's network, when the broker has one (MQTT_TLS_PORT).</summary>
    public BrokerTlsListener? Tls =>
        _root.TryGetProperty("tls", out var tls)
            ? new BrokerTlsListener(DeviceHost(tls.GetProperty("bind").GetString()!), tls.GetProperty("port").GetInt32(), tls.GetProperty("caFile").GetString()!)
            : null;

    public static BrokerCredentials Load(string path) => new(JsonDocument.Parse(File.ReadAllBytes(path)).RootElement.Clone());

    public IEnumerable<string> Stores => _root.GetProperty("stores").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);

    public IEnumerable<string> Lanes(string storeId) =>
        _root.GetProperty("stores").GetProperty(storeId).GetProperty("lanes").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);

    public (string Username, string Password) Terminal(string storeId, string laneId)
    {
        var terminal = _root.GetProperty("stores").GetProperty(storeId).GetProperty("lanes").GetProperty(laneId).GetProperty("terminal");
        return (terminal.GetProperty("username").GetString()!, terminal.GetProperty("password").GetString()!);
    }

    // A listener on every address is reached on loopback here; one on a LAN address, at that address.
    private string DeviceHost(string bind) => bind is "0.0.0.0" or "::" ? Host : bind;
}

/// <summary>The broker's TLS listener and the store CA its certificate chains to.</summary>
public sealed record BrokerTlsListener(string Host, int Port, string CaFile);
