namespace OrleansLoyalty.Grains.Lanes;

/// <summary>The lanes a store's gateway has served: kept, so that a grain activated again after a restart can still
/// report every one of them offline when the store falls silent.</summary>
[GenerateSerializer, Alias("state.StoreGateway")]
public sealed class StoreGatewayState
{
    [Id(0)] public HashSet<string> Lanes { get; set; } = [];
}
