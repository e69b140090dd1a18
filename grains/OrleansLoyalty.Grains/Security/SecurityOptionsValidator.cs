using Microsoft.Extensions.Options;

namespace OrleansLoyalty.Grains.Security;

/// <summary>Refuses to start with a key that is missing, not base64, or not 32 bytes: one clear line, no stack trace.</summary>
public sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var failures = new List<string>();
        Check(options.DataKey, $"{SecurityOptions.SectionName}:DataKey", failures);
        Check(options.IndexKey, $"{SecurityOptions.SectionName}:IndexKey", failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string value, string key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key} is missing: set it to 32 random bytes in base64 (e.g. `openssl rand -base64 32`).");
            return;
        }
        Span<byte> buffer = stackalloc byte[64];
        if (!Convert.TryFromBase64String(value, buffer, out var written) || written != 32)
        {
            failures.Add($"{key} must be exactly 32 bytes in base64.");
        }
    }
}
