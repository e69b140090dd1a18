namespace OrleansLoyalty.Contracts.Dashboard;

/// <summary>Net sales today of one top-level category (e.g. "食品").</summary>
[GenerateSerializer, Immutable, Alias("dashboard.CategorySales")]
public sealed record CategorySales([property: Id(0)] string Category, [property: Id(1)] long NetSales);
