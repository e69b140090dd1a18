namespace OrleansLoyalty.Benchmarks.Workload;

/// <summary>A registered benchmark member: how a lane identifies them (card) and the sign-up coupon they hold.</summary>
public sealed record BenchMember(int Index, string MemberId, string CardNo, string CouponCode);
