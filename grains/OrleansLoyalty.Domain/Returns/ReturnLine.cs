namespace OrleansLoyalty.Domain;

/// <summary>Units of a receipt line brought back (1 for a weighed line).</summary>
[GenerateSerializer, Immutable, Alias("domain.ReturnLine")]
public sealed record ReturnLine(
    [Id(0)] string LineId,
    [Id(1)] int Qty);
