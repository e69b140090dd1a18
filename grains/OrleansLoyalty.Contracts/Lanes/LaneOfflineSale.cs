namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>
/// Carried by a replayed <c>pay</c> that the edge gateway already accepted while the cluster was out of
/// reach: the shopper has paid <see cref="Total"/> and left, so the cluster settles the sale at that
/// total (crediting points then) instead of refusing tenders that no longer match its own quote.
/// </summary>
[GenerateSerializer, Immutable, Alias("loyalty.lanes.LaneOfflineSale")]
public sealed record LaneOfflineSale
{
    [Id(0)] public required long Total { get; init; }
    [Id(1)] public required DateTimeOffset AcceptedAt { get; init; }
}
