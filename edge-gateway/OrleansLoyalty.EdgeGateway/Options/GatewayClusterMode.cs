namespace OrleansLoyalty.EdgeGateway.Options;

public enum GatewayClusterMode
{
    Orleans,
    Standalone,
}
