namespace OrleansLoyalty.Contracts.Members;

/// <summary>
/// Maps one phone to one member. Keyed by an HMAC of the phone (never the number itself: an 11-digit
/// number's plain hash is reversible by brute force), so the key alone reveals nothing.
/// </summary>
public interface IPhoneIndexGrain : IGrainWithStringKey
{
    [AlwaysInterleave]
    Task<string?> GetMemberId();

    /// <summary>Claims the phone for <paramref name="memberId"/>; true when it is (now or already) theirs.</summary>
    Task<bool> TryClaim(string memberId);

    /// <summary>Frees the phone if <paramref name="memberId"/> holds it (the member was erased): it may register again.</summary>
    Task Release(string memberId);
}
