namespace OrleansLoyalty.Integration.Tests.OrleansPostgres;

/// <summary>
/// Clusters in these classes rely on liveness timing; running them one after another keeps two
/// cores from being shared by several clusters at once.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OrleansPostgresCollection
{
    public const string Name = "Orleans on PostgreSQL";
}
