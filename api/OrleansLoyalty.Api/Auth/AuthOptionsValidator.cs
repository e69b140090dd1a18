using Microsoft.Extensions.Options;

namespace OrleansLoyalty.Api.Auth;

public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var buffer = new byte[256];
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return ValidateOptionsResult.Fail("Auth:SigningKey is missing: set it to at least 32 random bytes in base64.");
        }
        if (!Convert.TryFromBase64String(options.SigningKey, buffer, out var written) || written < 32)
        {
            return ValidateOptionsResult.Fail("Auth:SigningKey must be at least 32 bytes in base64.");
        }
        return ValidateOptionsResult.Success;
    }
}
