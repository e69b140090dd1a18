using System.Collections.Concurrent;
using OrleansLoyalty.Grains.Reporting;

namespace OrleansLoyalty.Grains.Tests.Support;

/// <summary>The reporting <c>members</c> table in memory: the latest tier written per member.</summary>
public sealed class FakeMemberFactsWriter : IMemberFactsWriter
{
    private readonly ConcurrentDictionary<string, string> _tiers = new();

    public Task UpsertAsync(string memberId, string storeId, string channel, DateTimeOffset registeredAt, string tier, CancellationToken cancellationToken = default)
    {
        _tiers[memberId] = tier;
        return Task.CompletedTask;
    }

    public string? TierOf(string memberId) => _tiers.GetValueOrDefault(memberId);
}
