using System.ComponentModel.DataAnnotations;

namespace OrleansLoyalty.Grains.Security;

/// <summary>
/// Keys that protect personal data at rest. Both are 32 random bytes in base64; the local run generates
/// them once and keeps them beside its data, production injects them from a secret store.
/// </summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>AES-256-GCM key that encrypts profiles (phone, name, birthday, e-mail) in grain state.</summary>
    [Required]
    public string DataKey { get; set; } = "";

    /// <summary>HMAC-SHA256 key that turns a phone number into an index key that cannot be brute-forced back.</summary>
    [Required]
    public string IndexKey { get; set; } = "";
}
