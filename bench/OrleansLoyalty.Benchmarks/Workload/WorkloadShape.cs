namespace OrleansLoyalty.Benchmarks.Workload;

/// <summary>The size of the benchmark's world (issue 3, "Performance"). One place, so every process builds the same one.</summary>
public static class WorkloadShape
{
    public const string StoreId = "S001";
    /// <summary>100,000 (issue 3); BENCH_MEMBERS may lower it for a quick smoke run of the runner itself.</summary>
    public static readonly int Members = int.TryParse(Environment.GetEnvironmentVariable("BENCH_MEMBERS"), out var n) && n >= 2 ? n : 100_000;
    public const int Skus = 50_000;
    public const int Campaigns = 200;
    public const int LinesPerBasket = 20;
    public const int CouponsPerBasket = 2;

    /// <summary>Quotes use the first 30 % of the members; commits the other 70 %, each at most once per run (a commit
    /// redeems the member's coupon, which would make later quotes of that member cheaper): 70,000 commits cover a
    /// 14-second commit row even at the target's 5,000/s.</summary>
    public static readonly int QuoteMembers = Members * 3 / 10;

    /// <summary>
    /// The last 30 % of the members keep <see cref="StoredValueTopUp"/> on their card, loaded with them: the commit rows
    /// take their members from both ends of the commit range, wallet payments from the bottom and stored-value payments
    /// (a checkout grain with the card and the member) from the top, and never share one.
    /// </summary>
    public static readonly int StoredValueFrom = Members - Members * 3 / 10;

    /// <summary>¥1,000, more than any benchmark basket costs.</summary>
    public const long StoredValueTopUp = 100_000;

    /// <summary>The public coupon every basket presents next to the member's own sign-up coupon.</summary>
    public const string PublicCouponCode = "BENCH-FOOD-5";

    public const int Seed = 20261122;

    public static string MemberId(int index) => "M" + (100_000_000_000_000L + index).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string CardNo(int index) => "C" + (7_000_000_000L + index).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Sku(int index) => "SKU" + index.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
