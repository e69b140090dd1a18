namespace OrleansLoyalty.EdgeGateway.Topics;

/// <summary>A device topic taken apart: <c>loyalty/v1/stores/{StoreId}/lanes/{LaneId}/{Kind}</c>.</summary>
public readonly record struct LaneTopic(string StoreId, string LaneId, DeviceKind Kind);
