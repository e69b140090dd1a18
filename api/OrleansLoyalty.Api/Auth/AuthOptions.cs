using System.ComponentModel.DataAnnotations;

namespace OrleansLoyalty.Api.Auth;

/// <summary>Token signing and the first administrator. Bound from the "Auth" section.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>HMAC-SHA256 key for access tokens: at least 32 bytes, base64. The local run generates one.</summary>
    [Required]
    public string SigningKey { get; set; } = "";

    [Required]
    public string Issuer { get; set; } = "orleans-loyalty";

    [Required]
    public string Audience { get; set; } = "orleans-loyalty";

    /// <summary>Lifetime of staff and member tokens.</summary>
    [Range(1, 24 * 60)]
    public int AccessTokenMinutes { get; set; } = 60;

    /// <summary>Lifetime of lane and gateway tokens: a lane works a whole shift on one.</summary>
    [Range(1, 7 * 24 * 60)]
    public int DeviceTokenMinutes { get; set; } = 12 * 60;

    /// <summary>
    /// Validated bearer tokens kept so a device's next request skips validating its token again (each until it
    /// expires); 0 turns the cache off. A lane uses one token per shift, so this is about the number of devices.
    /// </summary>
    [Range(0, 1_000_000)]
    public int ValidatedTokenCacheSize { get; set; } = 10_000;

    /// <summary>
    /// How long a staff member's session may be kept alive by renewing its token (<c>POST /auth/refresh</c>) after
    /// they signed in with their password: a shift, then they sign in again.
    /// </summary>
    [Range(1, 7 * 24)]
    public int StaffSessionHours { get; set; } = 12;

    /// <summary>How long a member's session may be renewed after they signed in (the app keeps them signed in).</summary>
    [Range(1, 365)]
    public int MemberSessionDays { get; set; } = 30;

    /// <summary>How often an api instance reads revocations made elsewhere (a revoked token stops within this).</summary>
    [Range(100, 5_000)]
    public int RevocationPollMilliseconds { get; set; } = 500;

    /// <summary>Password of the first <c>admin</c>, from <c>LOYALTY_ADMIN_PASSWORD</c>; generated and printed once when empty.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Argon2id memory cost in KiB (OWASP's minimum is 19,456).</summary>
    [Range(1024, 1024 * 1024)]
    public int PasswordMemoryKiB { get; set; } = 19_456;

    [Range(1, 10)]
    public int PasswordIterations { get; set; } = 2;
}
