using Microsoft.Extensions.Hosting;

namespace OrleansLoyalty.Grains.Administration;

/// <summary>
/// The <see cref="RulesReplicator"/> of a process that prices without hosting a silo (an api that is only a cluster
/// client): loaded before the process serves, like a silo's before it becomes active.
/// </summary>
public sealed class RulesReplicatorService(RulesReplicator replicator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => replicator.StartOutsideSilo(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => replicator.StopOutsideSilo(cancellationToken);
}
