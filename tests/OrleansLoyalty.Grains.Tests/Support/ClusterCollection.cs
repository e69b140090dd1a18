namespace OrleansLoyalty.Grains.Tests.Support;

/// <summary>Every grain test class shares one silo: starting a cluster costs far more than a test.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<LoyaltyClusterFixture>
{
    public const string Name = "loyalty cluster";
}


