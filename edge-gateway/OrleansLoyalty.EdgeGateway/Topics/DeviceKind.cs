namespace OrleansLoyalty.EdgeGateway.Topics;

/// <summary>The device topics a lane publishes to: <c>card</c>, <c>scan</c>, <c>pos</c>.</summary>
public enum DeviceKind
{
    Card,
    Scan,
    Pos,
}
