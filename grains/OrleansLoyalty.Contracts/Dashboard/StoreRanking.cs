namespace OrleansLoyalty.Contracts.Dashboard;

/// <summary>One store's line in the chain view.</summary>
[GenerateSerializer, Immutable, Alias("dashboard.StoreRanking")]
public sealed record StoreRanking
{
    [Id(0)] public required string StoreId { get; init; }
    [Id(1)] public long NetSales { get; init; }
    [Id(2)] public long Transactions { get; init; }
    [Id(3)] public int MemberShareBasisPoints { get; init; }
    [Id(4)] public int LanesOnline { get; init; }
    [Id(5)] public int LanesTotal { get; init; }
}
