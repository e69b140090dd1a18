namespace OrleansLoyalty.Domain;

/// <summary>
/// The money and points of one return. <see cref="Refund"/> = <see cref="StoredValueRefund"/> + <see cref="OtherTendersRefund"/>.
/// <see cref="IsFullReturn"/>: after this return every unit of the purchase is back (the visit no longer counts).
/// When <see cref="ErrorCode"/> is set (<c>return.exceeds_purchase</c>, <c>request.invalid</c>) nothing else is meaningful.
/// </summary>
[GenerateSerializer, Immutable, Alias("domain.ReturnResult")]
public sealed record ReturnResult(
    [Id(0)] ImmutableArray<ReturnedLine> Lines,
    [Id(1)] long Refund,
    [Id(2)] long StoredValueRefund,
    [Id(3)] long OtherTendersRefund,
    [Id(4)] long PointsClawback,
    [Id(5)] long PointsGiveBack,
    [Id(6)] bool IsFullReturn,
    [Id(7)] ImmutableArray<string> CouponsRestored,
    [Id(8)] string? ErrorCode,
    [Id(9)] string? ErrorLineId)
{
    public const string ExceedsPurchase = "return.exceeds_purchase";
    public const string InvalidRequest = "request.invalid";

    public bool IsSuccess => ErrorCode is null;

    public static ReturnResult Failed(string code, string? lineId) => new([], 0, 0, 0, 0, 0, false, [], code, lineId);
}
