namespace OrleansLoyalty.Contracts.Dashboard;

/// <summary>One minute of the last hour's series; <see cref="Minute"/> is the minute's start in local time.</summary>
[GenerateSerializer, Immutable, Alias("dashboard.MinutePoint")]
public sealed record MinutePoint(
    [property: Id(0)] DateTimeOffset Minute,
    [property: Id(1)] long NetSales,
    [property: Id(2)] long Transactions);
