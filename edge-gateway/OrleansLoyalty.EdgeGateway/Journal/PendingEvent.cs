namespace OrleansLoyalty.EdgeGateway.Journal;

/// <summary>A journaled event the cluster has not taken yet, as found on disk at start.</summary>
/// <remarks><see cref="OfflineSaleTotal"/>: for a <c>pay</c> accepted offline, what the shopper paid.</remarks>
public sealed record PendingEvent(JournaledEvent Journaled, PendingEventState State, long? OfflineSaleTotal);
