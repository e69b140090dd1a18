using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using OrleansLoyalty.EdgeGateway.Input;

namespace OrleansLoyalty.EdgeGateway.Options;

/// <summary>Refuses to start with options that would make the gateway misbehave later.</summary>
public sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        if (!Identifiers.IsTopicId(options.StoreId))
        {
            failures.Add($"Gateway:StoreId must match [A-Za-z0-9_-]{{1,32}} (got '{options.StoreId}').");
        }
        if (string.IsNullOrWhiteSpace(options.JournalPath))
        {
            failures.Add("Gateway:JournalPath is required.");
        }
        if (options.MaxPayloadBytes is < 1024 or > 1024 * 1024)
        {
            failures.Add("Gateway:MaxPayloadBytes must be between 1 KiB and 1 MiB.");
        }
        if (options.DedupeWindowPerLane is < 16 or > 1_000_000)
        {
            failures.Add("Gateway:DedupeWindowPerLane must be between 16 and 1,000,000.");
        }
        if (options.JournalSegmentBytes < 64 * 1024)
        {
            failures.Add("Gateway:JournalSegmentBytes must be at least 64 KiB.");
        }
        if (!IsValidRegex(options.PhonePattern))
        {
            failures.Add("Gateway:PhonePattern must be a valid regular expression.");
        }
        if (options.StatusInterval <= TimeSpan.Zero)
        {
            failures.Add("Gateway:StatusInterval must be positive.");
        }
        if (options.HealthPort is < 0 or > 65535)
        {
            failures.Add("Gateway:HealthPort must be 0 (off) or a TCP port.");
        }
        ValidateMqtt(options.Mqtt, failures);
        ValidateCluster(options.Cluster, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateMqtt(GatewayMqttOptions mqtt, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(mqtt.Host))
        {
            failures.Add("Gateway:Mqtt:Host is required.");
        }
        if (mqtt.Port is < 1 or > 65535)
        {
            failures.Add("Gateway:Mqtt:Port must be a TCP port.");
        }
        if (string.IsNullOrEmpty(mqtt.Username) || mqtt.Password is null)
        {
            failures.Add("Gateway:Mqtt:Username and Password are required (directly or through Gateway:Mqtt:CredentialsFile).");
        }
        if (mqtt.SessionExpiry < TimeSpan.FromMinutes(1))
        {
            failures.Add("Gateway:Mqtt:SessionExpiry must be at least a minute, or the broker forgets messages sent during a restart.");
        }
        if (mqtt.KeepAlive < TimeSpan.FromSeconds(1) || mqtt.ReconnectDelay <= TimeSpan.Zero)
        {
            failures.Add("Gateway:Mqtt:KeepAlive must be at least 1 s and ReconnectDelay positive.");
        }
        if (mqtt.Tls is { Enabled: true, CaFile: { } caFile } && !File.Exists(caFile))
        {
            failures.Add($"Gateway:Mqtt:Tls:CaFile '{caFile}' does not exist.");
        }
    }

    private static void ValidateCluster(GatewayClusterOptions cluster, List<string> failures)
    {
        if (cluster.Mode == GatewayClusterMode.Orleans && string.IsNullOrWhiteSpace(cluster.ConnectionString))
        {
            failures.Add("Gateway:Cluster:ConnectionString is required in Orleans mode (or set Gateway:Cluster:Mode=Standalone).");
        }
        if (cluster.CallTimeout <= TimeSpan.Zero || cluster.ProbeInterval <= TimeSpan.Zero || cluster.CatalogRefreshInterval <= TimeSpan.Zero)
        {
            failures.Add("Gateway:Cluster:CallTimeout, ProbeInterval and CatalogRefreshInterval must be positive.");
        }
    }

    private static bool IsValidRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return !string.IsNullOrEmpty(pattern);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
