namespace OrleansLoyalty.Contracts.SignIn;

/// <summary>
/// How one member signs in (keyed by memberId): their password hash, the one-time code last sent to their phone,
/// and the counters that stop guessing. Every attempt passes through this one activation, so the limits hold even
/// when many requests race on many api instances. Password hashes are computed and checked by the caller (Argon2id
/// costs tens of milliseconds, which must not hold up the grain); the grain only hands the hash out and counts.
/// </summary>
public interface IMemberSignInGrain : IGrainWithStringKey
{
    /// <summary>Sets (or replaces) the member's password hash; the failed-attempt count and any lock-out are cleared.</summary>
    Task SetPassword(string passwordHash);

    /// <summary>
    /// Starts a password attempt. The attempt counts as failed until <see cref="PasswordSucceeded"/> says otherwise, so
    /// parallel guesses cannot all slip in before the first failure is recorded.
    /// </summary>
    Task<PasswordAttempt> BeginPasswordAttempt();

    /// <summary>The attempt begun by <see cref="BeginPasswordAttempt"/> had the right password.</summary>
    Task PasswordSucceeded();

    /// <summary>
    /// Sends a fresh one-time code to <paramref name="phone"/> through the notification outbox, unless the member asked
    /// too recently or too often. The code replaces any earlier one. <paramref name="template"/>: the message that carries
    /// it (null: the sign-in code's; the payment PIN's code says what it is for).
    /// </summary>
    Task<CodeRequestOutcome> SendCode(string phone, string? template = null);

    /// <summary>Forgets everything: the member was erased.</summary>
    Task Erase();

    /// <summary>True when <paramref name="code"/> is the live code; it is then used up. Wrong guesses use up the code's tries.</summary>
    Task<bool> TryUseCode(string code);
}
