namespace OrleansLoyalty.Api.Validation;

/// <summary>A request that failed validation: answered as 400 <c>request.invalid</c> with every field's problems.</summary>
public sealed class RequestValidationException(IDictionary<string, string[]> errors)
    : Exception("The request is not valid.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;
}
