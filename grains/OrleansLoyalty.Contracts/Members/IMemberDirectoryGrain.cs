namespace OrleansLoyalty.Contracts.Members;

/// <summary>
/// The entry point for everything that finds members by personal data. It runs in the silo, where the
/// index key lives, so callers hand it a plain phone number and never see the keyed hash.
/// </summary>
public interface IMemberDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Registers a new member; a phone already taken → <c>member.phone_taken</c>.</summary>
    Task<RegistrationResult> Register(RegisterMember command);

    /// <summary>The member id holding this phone, or null.</summary>
    Task<string?> FindByPhone(string phone);

    /// <summary>
    /// Sends a registration code to a phone no member has (nothing, silently, for one that a member has: the caller
    /// answers alike either way, so a phone's membership is not told).
    /// </summary>
    Task SendRegistrationCode(string phone);

    /// <summary>Whether <paramref name="code"/> is the live registration code sent to <paramref name="phone"/> (used up if so).</summary>
    Task<bool> VerifyRegistrationCode(string phone, string code);

    /// <summary>The member id behind a referral code, or null.</summary>
    Task<string?> FindByReferralCode(string referralCode);
}
