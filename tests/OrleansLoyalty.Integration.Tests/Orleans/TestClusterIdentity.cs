namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

/// <summary>ServiceId keys grain state and reminders; ClusterId keys membership. Unique per test.</summary>
internal sealed record TestClusterIdentity(string ServiceId, string ClusterId)
{
    public static TestClusterIdentity New() =>
        new($"svc-{Guid.NewGuid():N}", $"cluster-{Guid.NewGuid():N}");
}
