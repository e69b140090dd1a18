using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OrleansLoyalty.Api.Auth;

/// <summary>The bearer scheme's token handler: full validation the first time, <see cref="ValidatedTokenCache"/> after.</summary>
public sealed class CachingJsonWebTokenHandler(ValidatedTokenCache cache) : JsonWebTokenHandler
{
    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        ArgumentNullException.ThrowIfNull(validationParameters);
        if (token is not null && cache.Find(token, validationParameters) is { } known)
        {
            return known;
        }
        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid)
        {
            cache.Add(token!, validationParameters, result);
        }
        return result;
    }
}
