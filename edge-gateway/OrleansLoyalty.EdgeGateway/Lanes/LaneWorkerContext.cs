using Microsoft.Extensions.Logging;
using OrleansLoyalty.EdgeGateway.Backend;
using OrleansLoyalty.EdgeGateway.Diagnostics;
using OrleansLoyalty.EdgeGateway.Journal;
using OrleansLoyalty.EdgeGateway.Mqtt;
using OrleansLoyalty.EdgeGateway.Offline;
using OrleansLoyalty.EdgeGateway.Options;

namespace OrleansLoyalty.EdgeGateway.Lanes;

/// <summary>What every lane worker of the gateway shares.</summary>
internal sealed record LaneWorkerContext(
    ILaneBackend Backend,
    ClusterConnectivity Connectivity,
    EventJournal Journal,
    LanePublisher Publisher,
    OfflineCatalogStore Catalog,
    OfflinePricing Pricing,
    OfflineMemberTiers MemberTiers,
    GatewayInstruments Instruments,
    GatewayOptions Options,
    TimeProvider Time,
    ILogger Logger,
    OfflineDebt Debt);
