using System.Text.Json;

namespace OrleansLoyalty.LaneSimulator;

/// <summary>Reads the credentials.json written by deploy/mosquitto.sh: host, port and each lane terminal's login.</summary>
public sealed class BrokerCredentials
{
    private readonly JsonElement _root;

    private BrokerCredentials(JsonElement root) => _root = root;

    public string Host => _root.GetProperty("host").GetString()!;

    public int Port => _root.GetProperty("port").GetInt32();

    public static BrokerCredentials Load(string path) => new(JsonDocument.Parse(File.ReadAllBytes(path)).RootElement.Clone());

    public IEnumerable<string> Stores => _root.GetProperty("stores").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);

    public IEnumerable<string> Lanes(string storeId) =>
        _root.GetProperty("stores").GetProperty(storeId).GetProperty("lanes").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);

    public (string Username, string Password) Terminal(string storeId, string laneId)
    {
        var terminal = _root.GetProperty("stores").GetProperty(storeId).GetProperty("lanes").GetProperty(laneId).GetProperty("terminal");
        return (terminal.GetProperty("username").GetString()!, terminal.GetProperty("password").GetString()!);
    }
}
