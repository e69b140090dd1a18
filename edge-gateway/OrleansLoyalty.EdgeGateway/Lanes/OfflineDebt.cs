namespace OrleansLoyalty.EdgeGateway.Lanes;

/// <summary>How many events lanes showed offline and still owe the cluster, over all lanes.</summary>
public sealed class OfflineDebt
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public void Add(long count = 1) => Interlocked.Add(ref _count, count);

    public void Settle() => Interlocked.Decrement(ref _count);
}
