using System.Collections.Immutable;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Benchmarks.Workload;

/// <summary>
/// What the lane would pay for each commit member's basket, priced beforehand with the same rules code and the
/// member as freshly registered (standard tier, the 100 sign-up points, the sign-up coupon): the tenders of a
/// commit must add up to the total, and working it out is not part of the commit being measured.
/// </summary>
public sealed class CommitPlan
{
    private readonly long[] _totals;

    public CommitPlan(PricingEngine engine, BasketFactory baskets, IReadOnlyList<BenchMember> members, Func<BenchMember, MemberContext> context, DateTimeOffset storeLocalNow)
    {
        _totals = new long[members.Count];
        for (var i = WorkloadShape.QuoteMembers; i < members.Count; i++)
        {
            var m = members[i];
            var request = new PricingRequest(WorkloadShape.StoreId, "L01", storeLocalNow, context(m), baskets.Lines(BasketOf(i)),
                [m.CouponCode, WorkloadShape.PublicCouponCode], 100);
            var result = engine.Price(request);
            _totals[i] = result.Error is null ? result.Total : throw new InvalidOperationException(result.Error.Detail);
        }
    }

    public static int BasketOf(int memberIndex) => memberIndex * 7;

    public long Total(int memberIndex) => _totals[memberIndex];

    /// <summary>The member as the grain holds it right after registration (MemberGrain.Register and GetPricingView).</summary>
    public static MemberContext FreshMember(BenchMember m, DateOnly registeredOn)
    {
        var birthday = new DateOnly(1970 + m.Index % 40, 1 + m.Index % 12, 1 + m.Index % 28);
        var coupon = Programme.Default.Gifts.SignUp.Coupon!.Issue(m.CouponCode, registeredOn);
        return new MemberContext(m.MemberId, "standard", new MemberBirthday(birthday.Month, birthday.Day, BirthdayCalendar.Gregorian), 100,
            ImmutableArray.Create(coupon), null);
    }
}
