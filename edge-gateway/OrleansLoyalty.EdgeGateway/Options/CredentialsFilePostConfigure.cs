using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OrleansLoyalty.EdgeGateway.Options;

/// <summary>Fills the broker username and password from <c>credentials.json</c> when one is named.</summary>
public sealed class CredentialsFilePostConfigure : IPostConfigureOptions<GatewayOptions>
{
    public void PostConfigure(string? name, GatewayOptions options)
    {
        var file = options.Mqtt.CredentialsFile;
        if (string.IsNullOrWhiteSpace(file) || !File.Exists(file))
        {
            return;
        }
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        if (!document.RootElement.TryGetProperty("stores", out var stores)
            || !stores.TryGetProperty(options.StoreId, out var store)
            || !store.TryGetProperty("gateway", out var gateway))
        {
            return;
        }
        if (string.IsNullOrEmpty(options.Mqtt.Username))
        {
            options.Mqtt.Username = gateway.GetProperty("username").GetString();
        }
        if (options.Mqtt.Password is null)
        {
            options.Mqtt.Password = gateway.GetProperty("password").GetString();
        }
    }
}
