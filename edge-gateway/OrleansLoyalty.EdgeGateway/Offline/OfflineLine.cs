using System.Collections.Immutable;

namespace OrleansLoyalty.EdgeGateway.Offline;

/// <summary>A basket line kept by the gateway's own copy of a lane session. <see cref="UnitPrice"/> is per kg for weighed goods.</summary>
public sealed record OfflineLine(
    string LineId,
    string Sku,
    string Name,
    ImmutableArray<string> CategoryPath,
    long UnitPrice,
    int Qty,
    int? WeightGrams);
