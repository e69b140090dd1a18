using System.Collections.Concurrent;
using OrleansLoyalty.Grains.Reporting;

namespace OrleansLoyalty.Grains.Tests.Support;

/// <summary>The reporting <c>members</c> table in memory: the latest tier written per member.</summary>
public sealed class InMemoryMemberFacts
{
    private readonly ConcurrentDictionary<string, string> _tiers = new();

    public void Upsert(MemberFacts facts) => _tiers[facts.MemberId] = facts.Tier;

    public string? TierOf(string memberId) => _tiers.GetValueOrDefault(memberId);
}
