using OrleansLoyalty.Benchmarks.Measurement;
using OrleansLoyalty.Benchmarks.Workload;

namespace OrleansLoyalty.Benchmarks.Scenarios;

/// <summary>Scenario 4: the stateless service, driven in-process exactly like the grain scenarios.</summary>
public sealed class StatelessScenarios(StatelessService service, IReadOnlyList<BenchMember> members, BasketFactory baskets, CommitPlan plan, string runId)
{
    private int _nextCommitMember = WorkloadShape.QuoteMembers - 1;

    public Task<ScenarioResult> Quote(string name, int concurrency, TimeSpan warmUp, TimeSpan measure)
    {
        var random = Enumerable.Range(0, concurrency).Select(w => new Random(w)).ToArray();
        return ClosedLoop.Run(name, concurrency, warmUp, measure, (worker, _) =>
        {
            var r = random[worker];
            var member = members[r.Next(WorkloadShape.QuoteMembers)];
            return service.Quote(member.CardNo, baskets.Lines(r.Next(baskets.Count)), [member.CouponCode, WorkloadShape.PublicCouponCode], 100);
        }, Target.None);
    }

    public Task<ScenarioResult> Commit(string name, int concurrency, TimeSpan warmUp, TimeSpan measure) =>
        ClosedLoop.Run(name, concurrency, warmUp, measure, async (_, _) =>
        {
            var index = Interlocked.Increment(ref _nextCommitMember);
            if (index >= members.Count)
            {
                throw new InvalidOperationException("every commit member was used");
            }
            var member = members[index];
            await service.Commit($"{runId}-{index}", member.CardNo, baskets.Lines(CommitPlan.BasketOf(index)),
                [member.CouponCode, WorkloadShape.PublicCouponCode], 100, plan.Total(index));
        }, Target.None);
}
