namespace OrleansLoyalty.Contracts.Members;

[GenerateSerializer, Immutable, Alias("members.ExpiringPoints")]
public sealed record ExpiringPoints([property: Id(0)] long Points, [property: Id(1)] DateOnly On);
