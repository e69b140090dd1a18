namespace OrleansLoyalty.Domain;

/// <summary>A burn asked for more points than the wallet holds (problem code <c>points.insufficient</c>).</summary>
public sealed class InsufficientPointsException(long requested, long balance)
    : InvalidOperationException($"cannot burn {requested} points from a balance of {balance}")
{
    public const string Code = "points.insufficient";

    public long Requested { get; } = requested;

    public long Balance { get; } = balance;
}
