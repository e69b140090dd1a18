using System.Globalization;
using System.Security.Cryptography;
using OrleansLoyalty.Integration.Tests.OrleansPostgres;

namespace OrleansLoyalty.Integration.Tests.Crash;

/// <summary>
/// What every incarnation of one api deployment shares: database, keys, cluster and ports. A restart after
/// kill -9 reuses the silo port, as a restarted server would, so the new silo recognises its dead predecessor.
/// </summary>
internal sealed record ApiProcessSettings(
    string ConnectionString,
    string DataKey,
    string IndexKey,
    string SigningKey,
    string AdminPassword,
    string ClusterId,
    int HttpPort,
    int SiloPort,
    int GatewayPort)
{
    public static ApiProcessSettings New(string connectionString)
    {
        var ports = FreePorts.Take(3);
        return new(connectionString, Key(), Key(), Key(), "crash-admin-" + Guid.NewGuid().ToString("N")[..8],
            "crash-" + Guid.NewGuid().ToString("N")[..8], ports[0], ports[1], ports[2]);
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Database__ConnectionString"] = ConnectionString,
        ["Security__DataKey"] = DataKey,
        ["Security__IndexKey"] = IndexKey,
        ["Auth__SigningKey"] = SigningKey,
        ["LOYALTY_ADMIN_PASSWORD"] = AdminPassword,
        ["LOYALTY_HTTP_PORT"] = Text(HttpPort),
        ["Orleans__ClusterId"] = ClusterId,
        ["Orleans__SiloPort"] = Text(SiloPort),
        ["Orleans__GatewayPort"] = Text(GatewayPort),
        // Cheap password hashing: a sign-in should not compete with the checkouts for two cores.
        ["Auth__PasswordMemoryKiB"] = "1024",
        ["Auth__PasswordIterations"] = "1",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
    };

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
