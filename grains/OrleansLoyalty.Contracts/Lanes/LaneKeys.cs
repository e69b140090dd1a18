namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>The key of a <see cref="ILaneGrain"/>.</summary>
public static class LaneKeys
{
    public static string Of(string storeId, string laneId) => $"{storeId}/{laneId}";

    public static (string StoreId, string LaneId) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (key, "") : (key[..slash], key[(slash + 1)..]);
    }
}
