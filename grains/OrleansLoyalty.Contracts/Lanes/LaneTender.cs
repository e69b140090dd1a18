namespace OrleansLoyalty.Contracts.Lanes;

/// <summary>One payment of a <c>pay</c> command: <c>kind</c> is cash, bankcard, wechatpay, alipay or storedValue (which names its card).</summary>
[GenerateSerializer, Immutable, Alias("loyalty.lanes.LaneTender")]
public sealed record LaneTender
{
    [Id(0)] public required string Kind { get; init; }
    [Id(1)] public required long Amount { get; init; }
    [Id(2)] public string? CardNo { get; init; }
}
