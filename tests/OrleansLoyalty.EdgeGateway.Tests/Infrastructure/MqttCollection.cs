namespace OrleansLoyalty.EdgeGateway.Tests.Infrastructure;

/// <summary>Tests on the shared broker run one at a time: they share stores, lanes and retained status.</summary>
[CollectionDefinition(Name)]
public sealed class MqttCollection
{
    public const string Name = "mqtt";
}
