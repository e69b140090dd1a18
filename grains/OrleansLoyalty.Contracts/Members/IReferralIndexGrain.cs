namespace OrleansLoyalty.Contracts.Members;

/// <summary>Maps a member's referral code to the member. Keyed by the code.</summary>
public interface IReferralIndexGrain : IGrainWithStringKey
{
    [AlwaysInterleave]
    Task<string?> GetMemberId();

    Task<bool> TryClaim(string memberId);
}
