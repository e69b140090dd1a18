namespace OrleansLoyalty.Contracts.Events;

/// <summary>
/// Something that happened in a store and has already been committed durably. Published on the
/// store's event stream (<see cref="LoyaltyStreams"/>) after the commit, so a lost event only makes a
/// dashboard lag until it is rebuilt from PostgreSQL; it never loses money or points.
/// </summary>
[GenerateSerializer, Immutable, Alias("events.LoyaltyEvent")]
public abstract record LoyaltyEvent
{
    /// <summary>The store the event belongs to; it is also the stream key.</summary>
    [Id(0)] public required string StoreId { get; init; }

    /// <summary>When it was committed (with offset).</summary>
    [Id(1)] public required DateTimeOffset At { get; init; }
}
