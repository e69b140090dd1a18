namespace OrleansLoyalty.Domain;

/// <summary>Why a basket could not be priced; <see cref="Code"/> is the problem-details code (422).</summary>
[GenerateSerializer, Immutable, Alias("domain.PricingError")]
public sealed record PricingError(
    [Id(0)] string Code,
    [Id(1)] string Detail,
    [Id(2)] string? LineId)
{
    public const string UnknownItem = "catalog.unknown_item";
    public const string InvalidRequest = "request.invalid";
}
