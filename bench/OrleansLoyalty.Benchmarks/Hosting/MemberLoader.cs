using System.Collections.Concurrent;
using OrleansLoyalty.Benchmarks.Workload;
using OrleansLoyalty.Contracts.Cards;
using OrleansLoyalty.Contracts.Members;
using OrleansLoyalty.Domain;

namespace OrleansLoyalty.Benchmarks.Hosting;

/// <summary>
/// Registers the benchmark's members straight through the member and card grains (no HTTP, no phone index: the
/// lanes identify shoppers by card), many at once. Each member gets the programme's sign-up points and coupon, and
/// those from <see cref="WorkloadShape.StoredValueFrom"/> on a stored-value top-up.
/// </summary>
public static class MemberLoader
{
    public static async Task<BenchMember[]> Register(IGrainFactory grains, int count, int concurrency, IProgress<int>? progress = null)
    {
        var members = new BenchMember[count];
        var next = -1;
        var failures = new ConcurrentQueue<string>();
        var done = 0;
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                try
                {
                    members[i] = await RegisterOne(grains, i);
                }
                catch (Exception e) when (failures.Count < 5)
                {
                    failures.Enqueue($"member {i}: {e.Message}");
                    throw;
                }
                if (Interlocked.Increment(ref done) % 10_000 == 0)
                {
                    progress?.Report(done);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        return members;
    }

    private static async Task<BenchMember> RegisterOne(IGrainFactory grains, int index)
    {
        var memberId = WorkloadShape.MemberId(index);
        var cardNo = WorkloadShape.CardNo(index);
        var profile = new MemberProfile("139" + index.ToString("D8", System.Globalization.CultureInfo.InvariantCulture), $"会员{index}",
            new DateOnly(1970 + index % 40, 1 + index % 12, 1 + index % 28), BirthdayCalendar.Gregorian, null, null, ConsentMarketing: false);
        var result = await grains.GetGrain<IMemberGrain>(memberId).Register(new RegisterMember(profile, WorkloadShape.StoreId, "pos", null));
        var card = grains.GetGrain<ICardGrain>(cardNo);
        await card.Bind(memberId, "ic", WorkloadShape.StoreId);
        if (index >= WorkloadShape.StoredValueFrom)
        {
            await card.TopUp("bench-topup-" + cardNo, WorkloadShape.StoredValueTopUp, "cash", WorkloadShape.StoreId);
        }
        return new BenchMember(index, memberId, cardNo, result.GiftCoupons[0]);
    }
}
