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
    private int _lowestStoredValueMember = members.Count;

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
    /// Each commit: a fresh txnId, a member not committed before in this run, tenders = the basket's total paid by
    /// WeChat Pay. Committed as the api and the lane grains commit (<paramref name="commit"/>:
    /// <see cref="Committer.Commit"/>), or through the txnId's checkout grain for comparison. Members are taken from the
    /// bottom of the commit range.
    /// </summary>
    public Task<ScenarioResult> Commit(string name, int concurrency, TimeSpan warmUp, TimeSpan measure, Func<CommitRequest, Task<Receipt>> commit, Target target) =>
        CommitEach(name, concurrency, warmUp, measure, commit, target, () =>
        {
            var index = Interlocked.Increment(ref _nextCommitMember);
            return index < _lowestStoredValueMember ? index : throw MembersUsedUp();
        }, (index, _) => new Tender("wechatpay", plan.Total(index), null));

    /// <summary>
    /// Each commit paid wholly from the stored value on the card the shopper shows: the card's debit and the member's
    /// points in one all-or-nothing commit (the card's debit records the plan, the member's write completes it, and the
    /// member's PIN grain judges the payment first). Members are taken from the top of the commit range, where the loader topped their cards up.
    /// </summary>
    public Task<ScenarioResult> CommitFromStoredValue(string name, int concurrency, TimeSpan warmUp, TimeSpan measure, Func<CommitRequest, Task<Receipt>> commit, Target target) =>
        CommitEach(name, concurrency, warmUp, measure, commit, target, () =>
        {
            var index = Interlocked.Decrement(ref _lowestStoredValueMember);
            return index >= WorkloadShape.StoredValueFrom && index > Volatile.Read(ref _nextCommitMember) ? index : throw MembersUsedUp();
        }, (index, member) => new Tender(TenderKinds.StoredValue, plan.Total(index), member.CardNo));

    private Task<ScenarioResult> CommitEach(string name, int concurrency, TimeSpan warmUp, TimeSpan measure, Func<CommitRequest, Task<Receipt>> commit,
        Target target, Func<int> nextMember, Func<int, BenchMember, Tender> tender) =>
        ClosedLoop.Run(name, concurrency, warmUp, measure, async (_, _) =>
        {
            var index = nextMember();
            var member = members[index];
            var txnId = $"{runId}-{index}";
            var basket = baskets.Basket(CommitPlan.BasketOf(index), member);
            var receipt = await commit(new CommitRequest(txnId, basket, ImmutableArray.Create(tender(index, member))));
            if (receipt.Total != plan.Total(index))
            {
                throw new InvalidOperationException($"receipt total {receipt.Total} ≠ planned {plan.Total(index)}");
            }
        }, target);

    private static InvalidOperationException MembersUsedUp() =>
        new("every commit member was used; lengthen the member list or shorten the run");

    public int CommitsUsed => _nextCommitMember - WorkloadShape.QuoteMembers + 1;
}
