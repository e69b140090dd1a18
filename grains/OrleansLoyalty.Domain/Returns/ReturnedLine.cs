namespace OrleansLoyalty.Domain;

[GenerateSerializer, Immutable, Alias("domain.ReturnedLine")]
public sealed record ReturnedLine(
    [Id(0)] string LineId,
    [Id(1)] int Qty,
    [Id(2)] long Refund,
    [Id(3)] long PointsClawback,
    [Id(4)] long PointsGiveBack);
