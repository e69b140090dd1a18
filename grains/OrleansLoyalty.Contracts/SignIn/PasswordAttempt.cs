namespace OrleansLoyalty.Contracts.SignIn;

/// <summary>
/// What a password attempt may check: the stored hash (null when the member has set no password), or, when the
/// member is locked out after too many failures, until when.
/// </summary>
[GenerateSerializer, Immutable, Alias("signin.PasswordAttempt")]
public sealed record PasswordAttempt(
    [property: Id(0)] string? PasswordHash,
    [property: Id(1)] DateTimeOffset? LockedUntil);
