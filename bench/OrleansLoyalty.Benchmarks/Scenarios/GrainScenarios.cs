using System.Collections.Immutable;
using OrleansLoyalty.Benchmarks.Measurement;
using OrleansLoyalty.Benchmarks.Workload;
using OrleansLoyalty.Contracts.Checkout;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Grains.Checkout;

namespace OrleansLoyalty.Benchmarks.Scenarios;

/// <summary>Scenarios 1 and 3: quote and commit through grain calls from a client in the silo's own process.</summary>
public sealed class GrainScenarios(IGrainFactory grains, IReadOnlyList<BenchMember> members, BasketFactory baskets, CommitPlan plan, string runId)
{
    private int _nextCommitMember = WorkloadShape.QuoteMembers - 1;

    public Task<ScenarioResult> Quote(string name, int concurrency, TimeSpan warmUp, TimeSpan measure, Target target)
    {
        var random = Enumerable.Range(0, concurrency).Select(w => new Random(w)).ToArray();
        return ClosedLoop.Run(name, concurrency, warmUp, measure, (worker, _) =>
        {
            var r = random[worker];
            var member = members[r.Next(WorkloadShape.QuoteMembers)];
            return grains.GetGrain<IPricingGrain>(0).Quote(baskets.Basket(r.Next(baskets.Count), member));
        }, target);
    }

    /// <summary>
    /// The quote as the api and the lane grains make it (<see cref="Quoter"/>): grain calls to the card and the member
    /// from this process, priced with the silo's local engine, without the hop through the <c>PricingGrain</c> worker.
    /// </summary>
    public Task<ScenarioResult> QuoteInSilo(string name, int concurrency, TimeSpan warmUp, TimeSpan measure, Quoter quoter, Target target)
    {
        var random = Enumerable.Range(0, concurrency).Select(w => new Random(w)).ToArray();
        return ClosedLoop.Run(name, concurrency, warmUp, measure, (worker, _) =>
        {
            var r = random[worker];
            var member = members[r.Next(WorkloadShape.QuoteMembers)];
            return quoter.Quote(baskets.Basket(r.Next(baskets.Count), member));
        }, target);
    }

    /// <summary>
    /// Each commit: a fresh txnId, a member not committed before in this run, tenders = the basket's total. Committed as
    /// the api and the lane grains commit (<paramref name="commit"/>: <see cref="Committer.Commit"/>), or through the
    /// txnId's checkout grain for comparison.
    /// </summary>
    public Task<ScenarioResult> Commit(string name, int concurrency, TimeSpan warmUp, TimeSpan measure, Func<CommitRequest, Task<Receipt>> commit, Target target) =>
        ClosedLoop.Run(name, concurrency, warmUp, measure, async (_, _) =>
        {
            var index = Interlocked.Increment(ref _nextCommitMember);
            if (index >= members.Count)
            {
                throw new InvalidOperationException("every commit member was used; lengthen the member list or shorten the run");
            }
            var member = members[index];
            var txnId = $"{runId}-{index}";
            var basket = baskets.Basket(CommitPlan.BasketOf(index), member);
            var receipt = await commit(new CommitRequest(txnId, basket, ImmutableArray.Create(new Tender("wechatpay", plan.Total(index), null))));
            if (receipt.Total != plan.Total(index))
            {
                throw new InvalidOperationException($"receipt total {receipt.Total} ≠ planned {plan.Total(index)}");
            }
        }, target);

    public int CommitsUsed => _nextCommitMember - WorkloadShape.QuoteMembers + 1;
}
