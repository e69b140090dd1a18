using OrleansLoyalty.Domain.Payments;

namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>The member as a lane display may show them: masked name, tier and balances.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.lanes.LaneMember")]
public sealed record LaneMember
{
    [Id(0)] public required string DisplayName { get; init; }
    [Id(1)] public required string Tier { get; init; }
    [Id(2)] public long PointsBalance { get; init; }
    [Id(3)] public long StoredValueBalance { get; init; }

    /// <summary>With stored value on the member's cards: whether the POS must ask for the PIN to pay with it.</summary>
    [Id(4)] public StoredValuePinHint? StoredValuePin { get; init; }
}
